import { readClockTime } from './clock-time.ts';

/** An opening range of a day: `closes` at or before `opens` means it ends after midnight. */
export interface TimeRange {
  opens: string;
  closes: string;
}

/** "12:00-15:00" as a range; undefined when the token is not one. */
export function readTimeRange(token: string): TimeRange | undefined {
  const [opensText, closesText, ...extra] = token.split('-');
  if (opensText === undefined || closesText === undefined || extra.length > 0) return undefined;
  const opens = readClockTime(opensText);
  const closes = readClockTime(closesText);
  return opens === undefined || closes === undefined ? undefined : { opens, closes };
}

/** Ranges in the order they open, written as the flags take them: "12:00-15:00 19:00-23:00". */
export const formatTimeRanges = (ranges: readonly TimeRange[]) =>
  [...ranges]
    .sort((a, b) => a.opens.localeCompare(b.opens))
    .map((range) => `${range.opens}-${range.closes}`)
    .join(' ');

/**
 * The words of one `;`-separated group of an --hours or --special-dates value. Commas separate like
 * spaces ("sat, sun" and "sat,sun" are the same), and spaces around a dash are dropped, so
 * "12:00 - 15:00" stays one range.
 */
export const groupWords = (group: string) =>
  group
    .replace(/\s*-\s*/g, '-')
    .split(/[\s,]+/)
    .filter((word) => word !== '');

/** The `;`-separated groups of a value, blank ones (a trailing ";") left out. */
export const valueGroups = (text: string) =>
  text
    .split(';')
    .map((group) => group.trim())
    .filter((group) => group !== '');

/** Whether the value asks to clear the setting: empty, or the word "none". */
export const meansNone = (text: string) => text.trim() === '' || text.trim().toLowerCase() === 'none';
