import type { RouterInputs } from '@tablebook/client';
import { UsageError } from '../errors.ts';
import { formatTimeRanges, groupWords, meansNone, readTimeRange, valueGroups } from './time-ranges.ts';

type WeeklyRange = NonNullable<RouterInputs['restaurant']['create']['hours']>[number];
type Weekday = WeeklyRange['day'];

/** The API's days, in the week's order (Monday first); `satisfies` keeps the list to the API's names. */
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const satisfies readonly Weekday[];

const usage = (problem: string, group: string) => new UsageError(`--hours: ${problem}, in "${group}"`);

function readDay(word: string, group: string): number {
  const index = (WEEKDAYS as readonly string[]).indexOf(word.toLowerCase());
  if (index < 0) throw usage(`"${word}" is not a day (${WEEKDAYS.join(', ')})`, group);
  return index;
}

/** "mon", or a range "mon-fri"; a range may wrap past Sunday ("fri-mon" is Friday to Monday). */
function readDays(word: string, group: string): number[] {
  const [first, last, ...extra] = word.split('-');
  if (extra.length > 0) throw usage(`"${word}" is not a day or a range of days`, group);
  const start = readDay(first as string, group);
  if (last === undefined) return [start];
  const length = ((readDay(last, group) - start + 7) % 7) + 1;
  return Array.from({ length }, (_, offset) => (start + offset) % 7);
}

/**
 * The weekly hours from the flag's notation: groups separated by ";", each the days (a day, a range
 * like mon-fri, or a list like sat,sun) then one or more HH:MM-HH:MM ranges. "" or "none" is no hours
 * at all: the restaurant books whole days. Only the notation is checked here; the API checks the
 * rest (ranges of one day that overlap).
 */
export function parseHours(text: string): WeeklyRange[] {
  if (meansNone(text)) return [];
  const ranges: WeeklyRange[] = [];
  for (const group of valueGroups(text)) {
    const words = groupWords(group);
    const firstTime = words.findIndex((word) => /^\d/.test(word));
    const dayWords = firstTime < 0 ? words : words.slice(0, firstTime);
    const timeWords = firstTime < 0 ? [] : words.slice(firstTime);
    if (dayWords.length === 0) throw usage(`the days come first, before "${timeWords[0]}"`, group);
    if (timeWords.length === 0) throw usage(`"${dayWords.join(' ')}" needs at least one HH:MM-HH:MM range`, group);
    const days = new Set(dayWords.flatMap((word) => readDays(word, group)));
    const times = timeWords.map((word) => {
      const range = readTimeRange(word);
      if (!range) throw usage(`"${word}" is not a time range written HH:MM-HH:MM (00:00 to 23:59)`, group);
      return range;
    });
    for (const day of days) for (const range of times) ranges.push({ day: WEEKDAYS[day] as Weekday, ...range });
  }
  const position = (range: WeeklyRange) => WEEKDAYS.indexOf(range.day);
  return ranges.sort((a, b) => position(a) - position(b) || a.opens.localeCompare(b.opens));
}

/** Days as short as they go: runs of three or more as a range ("mon-fri"), the others listed ("sat,sun"). */
function formatDays(days: readonly number[]): string {
  const runs: number[][] = [];
  for (const day of days) {
    const run = runs.at(-1);
    if (run && run.at(-1) === day - 1) run.push(day);
    else runs.push([day]);
  }
  const name = (day: number | undefined) => WEEKDAYS[day ?? 0];
  return runs.map((run) => (run.length >= 3 ? `${name(run[0])}-${name(run.at(-1))}` : run.map((day) => name(day)).join(','))).join(',');
}

/**
 * The same notation back, days with the same ranges grouped ("mon-fri 12:00-15:00; sat,sun 12:00-23:00"),
 * or "none" for a restaurant that books whole days: what --hours takes, so hours can be copied.
 */
export function formatHours(hours: readonly { day: string; opens: string; closes: string }[]): string {
  if (hours.length === 0) return 'none';
  const rangesOfDay = WEEKDAYS.map((day) => formatTimeRanges(hours.filter((range) => range.day === day)));
  const daysByRanges = new Map<string, number[]>();
  rangesOfDay.forEach((ranges, day) => {
    if (ranges === '') return;
    daysByRanges.set(ranges, [...(daysByRanges.get(ranges) ?? []), day]);
  });
  return [...daysByRanges].map(([ranges, days]) => `${formatDays(days)} ${ranges}`).join('; ');
}
