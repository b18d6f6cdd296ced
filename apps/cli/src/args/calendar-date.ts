import { UsageError } from '../errors.ts';

/**
 * Whether `text` is a day of the calendar written YYYY-MM-DD, as the API takes it: a real day (no
 * February 30th, no month 13), in the years 0001 to 9999.
 */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is this month's last day; setUTCFullYear keeps years below 100 as written.
  const lastDay = new Date(0);
  lastDay.setUTCFullYear(year, month, 0);
  return day <= lastDay.getUTCDate();
}

/** A flag's day (spaces around it dropped), or a usage error naming the flag and the text. */
export function parseDate(flag: string, text: string): string {
  const date = text.trim();
  if (!isCalendarDate(date)) throw new UsageError(`--${flag} must be a calendar day written YYYY-MM-DD, not "${text}"`);
  return date;
}

/** The same for a flag that may be left out. */
export const parseOptionalDate = (flag: string, text: string | undefined) => (text === undefined ? undefined : parseDate(flag, text));
