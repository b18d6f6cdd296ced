import { isBeforeDay, type CalendarDay } from '../../lib/days.ts';
import { dayIn } from '../../lib/useToday.ts';
import { rememberedAppTimeZone } from './rememberedZone.ts';

/**
 * The zone whose today the search starts on, before any restaurant is involved, is the server's zone
 * for new restaurants (APP_TIMEZONE), never the device's: a guest in Tokyo looking for a table in
 * Bogotá means Bogotá's today. GET /api/health names it (useAppTimeZone); this is the server's
 * default, for the page's first render on a device that has not heard the server's zone yet.
 */
export const APP_TIME_ZONE = 'America/Bogota';

/** The server's zone as far as is known without asking: the one it named last time on this device, else the default. */
export const knownAppTimeZone = (): string => rememberedAppTimeZone() ?? APP_TIME_ZONE;

/** Today for the search: in the app's zone (as known without asking, unless given), whatever the device's. */
export const searchToday = (now: Date = new Date(), timeZone: string = knownAppTimeZone()): CalendarDay => dayIn(timeZone, now);

/** A day asked for (an address's `?date=`): a day that has passed is not offered, today is. */
export const notBefore = (day: CalendarDay, today: CalendarDay): CalendarDay => (isBeforeDay(day, today) ? today : day);

/** The day of a restaurant a search result is about, and how its link names it. */
export interface RestaurantDay {
  /** The day searched, or the restaurant's own today when the searched day has already passed there. */
  date: CalendarDay;
  /** For the link to its day page: none when that is the restaurant's today (the page opens on it). */
  linkDate: CalendarDay | undefined;
  /** The searched day has passed in the restaurant's zone (it is ahead of the app's): its today is shown instead. */
  movedToToday: boolean;
}

/** The searched day as a restaurant in `timeZone` sees it: its "today" and "passed" are its own. */
export function restaurantDayOf(searched: CalendarDay, timeZone: string, now: Date = new Date()): RestaurantDay {
  const today = dayIn(timeZone, now);
  const date = notBefore(searched, today);
  return { date, linkDate: date === today ? undefined : date, movedToToday: date !== searched };
}
