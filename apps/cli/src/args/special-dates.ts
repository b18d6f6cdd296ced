import type { RouterInputs } from '@tablebook/client';
import { UsageError } from '../errors.ts';
import { formatTimeRanges, groupWords, meansNone, readTimeRange, valueGroups } from './time-ranges.ts';

type SpecialDate = NonNullable<RouterInputs['restaurant']['create']['specialDates']>[number];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const usage = (problem: string, group: string) => new UsageError(`--special-dates: ${problem}, in "${group}"`);

/**
 * Dates with hours of their own, instead of their weekday's: groups separated by ";", each one or more
 * YYYY-MM-DD dates then HH:MM-HH:MM ranges, or "closed". "" or "none" is no special dates. The API
 * checks that each date is a real day, listed once, and that its ranges do not overlap.
 */
export function parseSpecialDates(text: string): SpecialDate[] {
  if (meansNone(text)) return [];
  const dates: SpecialDate[] = [];
  for (const group of valueGroups(text)) {
    const words = groupWords(group);
    const firstOther = words.findIndex((word) => !DATE.test(word));
    const dateWords = firstOther < 0 ? words : words.slice(0, firstOther);
    const hourWords = firstOther < 0 ? [] : words.slice(firstOther);
    if (dateWords.length === 0) throw usage(`"${hourWords[0]}" is not a date written YYYY-MM-DD`, group);
    if (hourWords.length === 0) throw usage(`"${dateWords.join(' ')}" needs its HH:MM-HH:MM ranges, or "closed"`, group);
    const closed = hourWords.length === 1 && hourWords[0]?.toLowerCase() === 'closed';
    const hours = closed
      ? []
      : hourWords.map((word) => {
          const range = readTimeRange(word);
          if (!range) throw usage(`"${word}" is not a time range written HH:MM-HH:MM, or "closed"`, group);
          return range;
        });
    for (const date of dateWords) dates.push({ date, hours });
  }
  return dates.sort((a, b) => a.date.localeCompare(b.date));
}

/** The same notation back, a date a group ("2027-12-24 12:00-16:00; 2027-12-25 closed"), or "none". */
export function formatSpecialDates(dates: readonly SpecialDate[]): string {
  if (dates.length === 0) return 'none';
  return dates.map((entry) => `${entry.date} ${entry.hours.length === 0 ? 'closed' : formatTimeRanges(entry.hours)}`).join('; ');
}
