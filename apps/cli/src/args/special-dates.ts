import type { RouterInputs } from '@tablebook/client';
import { UsageError } from '../errors.ts';
import { isCalendarDate } from './calendar-date.ts';
import { formatTimeRanges, groupWords, meansNone, readTimeRange, valueGroups } from './time-ranges.ts';

type SpecialDate = NonNullable<RouterInputs['restaurant']['create']['specialDates']>[number];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const usage = (problem: string, group: string) => new UsageError(`--special-dates: ${problem}, in "${group}"`);

/**
 * Dates with hours of their own, instead of their weekday's: groups separated by ";", each one or more
 * YYYY-MM-DD dates then HH:MM-HH:MM ranges, or "closed". "" or "none" is no special dates. A date in
 * several groups has the ranges of them all ("2027-12-24 12:00-14:00; 2027-12-24 18:00-20:00"), as
 * --hours merges a day listed twice; "closed" and ranges for one date contradict each other. The API
 * checks that the ranges of a date do not overlap.
 */
export function parseSpecialDates(text: string): SpecialDate[] {
  if (meansNone(text)) return [];
  const dates = new Map<string, SpecialDate['hours']>();
  for (const group of valueGroups(text)) {
    const words = groupWords(group);
    const firstOther = words.findIndex((word) => !DATE.test(word));
    const dateWords = firstOther < 0 ? words : words.slice(0, firstOther);
    const hourWords = firstOther < 0 ? [] : words.slice(firstOther);
    if (dateWords.length === 0) throw usage(`"${hourWords[0]}" is not a date written YYYY-MM-DD`, group);
    if (hourWords.length === 0) throw usage(`"${dateWords.join(' ')}" needs its HH:MM-HH:MM ranges, or "closed"`, group);
    const notADay = dateWords.find((word) => !isCalendarDate(word));
    if (notADay !== undefined) throw usage(`"${notADay}" is not a day of the calendar`, group);
    const closed = hourWords.length === 1 && hourWords[0]?.toLowerCase() === 'closed';
    const hours = closed
      ? []
      : hourWords.map((word) => {
          const range = readTimeRange(word);
          if (!range) throw usage(`"${word}" is not a time range written HH:MM-HH:MM, or "closed"`, group);
          return range;
        });
    for (const date of dateWords) {
      const earlier = dates.get(date);
      if (earlier && (earlier.length === 0) !== (hours.length === 0)) throw usage(`${date} is listed both "closed" and with hours`, group);
      dates.set(date, [...(earlier ?? []), ...hours]);
    }
  }
  return [...dates]
    .map(([date, hours]) => ({ date, hours: hours.sort((a, b) => a.opens.localeCompare(b.opens)) }))
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** The same notation back, a date a group ("2027-12-24 12:00-16:00; 2027-12-25 closed"), or "none". */
export function formatSpecialDates(dates: readonly SpecialDate[]): string {
  if (dates.length === 0) return 'none';
  return dates.map((entry) => `${entry.date} ${entry.hours.length === 0 ? 'closed' : formatTimeRanges(entry.hours)}`).join('; ');
}
