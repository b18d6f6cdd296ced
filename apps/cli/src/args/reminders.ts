import { UsageError } from '../errors.ts';
import { meansNone } from './time-ranges.ts';

/**
 * A restaurant's reminders (issue 17), as --reminders takes them: minutes before a timed booking's
 * start, comma-separated, e.g. "1440,120" (a day and two hours before); "none" (or empty) for no
 * reminders. The range (5 to 10080), the count (at most 5) and distinctness are the API's to check.
 */
export function parseReminders(text: string): number[] {
  if (meansNone(text)) return [];
  const parts = text.split(',').map((part) => part.trim());
  const minutes = parts.map((part) => {
    if (!/^\d{1,9}$/.test(part)) {
      throw new UsageError(`--reminders takes minutes before the start, like "1440,120", or "none", not "${text}"`);
    }
    return Number(part);
  });
  return minutes;
}

/** The same notation back: what --reminders takes. */
export const formatReminders = (reminders: readonly number[]) => (reminders.length === 0 ? 'none' : reminders.join(','));
