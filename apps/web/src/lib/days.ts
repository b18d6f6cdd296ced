/**
 * Calendar days as the API speaks them: `YYYY-MM-DD` strings with no time and no zone.
 *
 * "Today" is the user's own calendar day, read from the local clock fields. `toISOString()` would
 * give the UTC day instead, which in Colombia (UTC-5) turns into tomorrow every evening after 19:00.
 */
export type CalendarDay = string;

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** The local calendar day of `now` on this device. */
export function localDay(now: Date = new Date()): CalendarDay {
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Year, month (1-12) and day of a well-formed day, or undefined. */
function partsOf(day: string): { year: number; month: number; date: number } | undefined {
  const match = DAY_PATTERN.exec(day);
  if (!match) return undefined;
  return { year: Number(match[1]), month: Number(match[2]), date: Number(match[3]) };
}

/** Midnight UTC of the day: a zone-free instant to do arithmetic and formatting on. */
function utcMidnight(day: CalendarDay): Date {
  const parts = partsOf(day);
  if (!parts) throw new RangeError(`Not a calendar day: ${day}`);
  return new Date(Date.UTC(parts.year, parts.month - 1, parts.date));
}

/** True for `YYYY-MM-DD` days that exist (no February 30th, no year 0). */
export function isCalendarDay(value: string): value is CalendarDay {
  const parts = partsOf(value);
  if (!parts || parts.year === 0) return false;
  const instant = new Date(Date.UTC(parts.year, parts.month - 1, parts.date));
  return instant.getUTCFullYear() === parts.year && instant.getUTCMonth() === parts.month - 1 && instant.getUTCDate() === parts.date;
}

/** The day `count` days after `day` (before it when negative). */
export function addDays(day: CalendarDay, count: number): CalendarDay {
  const shifted = new Date(utcMidnight(day).getTime() + count * MS_PER_DAY);
  return `${pad(shifted.getUTCFullYear(), 4)}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`;
}

/** Days are zero-padded, so string order is calendar order. */
export const isBeforeDay = (day: CalendarDay, other: CalendarDay) => day < other;

/** A day written for people in `locale`, e.g. "miércoles, 25 de noviembre de 2026". */
export function formatDay(day: CalendarDay, locale: string, style: 'long' | 'short' = 'long'): string {
  const options: Intl.DateTimeFormatOptions =
    style === 'long'
      ? { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }
      : { weekday: 'short', month: 'short', day: 'numeric' };
  // Formatted in UTC because the instant is UTC midnight: the printed day is exactly `day`.
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(utcMidnight(day));
}

/** An instant (ISO timestamp from the API) in the device's zone, e.g. "25 nov 2026, 8:05 p. m.". */
export function formatInstant(isoTimestamp: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(isoTimestamp));
}
