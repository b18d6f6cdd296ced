import { todayIn } from '@tablebook/api/shared';
import { useEffect, useState } from 'react';
import { localDay, type CalendarDay } from './days.ts';

/** How often the day is read again: it turns over within a minute of midnight, even while the page stays open. */
const CHECK_EVERY_MS = 30_000;

/**
 * Today's day in `timeZone` (a restaurant's own, where "today", "past" and the booking window are
 * decided), or the device's own day when no zone is given. Malformed zones fall back to the device.
 */
export function dayIn(timeZone: string | undefined, now: Date = new Date()): CalendarDay {
  if (timeZone === undefined) return localDay(now);
  try {
    return todayIn(timeZone, now);
  } catch {
    return localDay(now);
  }
}

/** Today, kept current: in the restaurant's zone when given (see dayIn), read again every half minute and when the tab comes back. */
export function useToday(timeZone?: string): CalendarDay {
  const [seen, setSeen] = useState(() => ({ timeZone, day: dayIn(timeZone) }));
  useEffect(() => {
    const check = () => {
      const day = dayIn(timeZone);
      // The same day again changes nothing: no render every half minute.
      setSeen((last) => (last.timeZone === timeZone && last.day === day ? last : { timeZone, day }));
    };
    check();
    const timer = setInterval(check, CHECK_EVERY_MS);
    document.addEventListener('visibilitychange', check);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', check);
    };
  }, [timeZone]);
  // Another zone than the last one read (the restaurant has just loaded): never show the old zone's day.
  return seen.timeZone === timeZone ? seen.day : dayIn(timeZone);
}
