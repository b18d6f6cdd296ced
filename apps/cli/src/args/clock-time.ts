import { UsageError } from '../errors.ts';

/**
 * A time of day as the API takes it, "HH:MM" on a 24-hour clock, from what people type: "19:30", or
 * "9:30" with the hour's leading zero left out. Undefined when the text is not a time of day.
 */
export function readClockTime(text: string): string | undefined {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!match) return undefined;
  const [hour, minute] = [Number(match[1]), Number(match[2])];
  if (hour > 23 || minute > 59) return undefined;
  return `${String(hour).padStart(2, '0')}:${match[2]}`;
}

/** A flag's time of day, or a usage error naming the flag and the text. */
export function parseClockTime(flag: string, text: string): string {
  const time = readClockTime(text);
  if (time === undefined) throw new UsageError(`--${flag} must be a time of day written HH:MM (00:00 to 23:59), not "${text}"`);
  return time;
}
