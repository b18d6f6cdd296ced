import { booksWholeDays, openRangesOn, type RestaurantCalendar } from './opening-hours.ts';
import { instantAtOrAfter } from './zoned-time.ts';

/** A timed reservation, as a change of hours or zone must keep it. */
export interface TimedReservation {
  id: string;
  date: string;
  /** "HH:MM" */
  time: string;
  /** Minutes from the local midnight of `date` to its start: past 1440 for a start after midnight. */
  minutes: number;
  table: string;
  /** How long it holds its table, in ms. */
  heldMs: number;
}

/**
 * Where a timed reservation's local date and time fall under a new calendar: its new instants, or
 * null when it would be outside the new hours (no range of its date holds its start, a whole-day
 * calendar). The local time is what the guest was told, so it is kept; the instants follow it.
 */
export function rehome(reservation: TimedReservation, calendar: RestaurantCalendar): { startsAt: number; endsAt: number } | null {
  if (booksWholeDays(calendar)) return null;
  const inside = openRangesOn(reservation.date, calendar).some(
    (range) => reservation.minutes >= range.opens && reservation.minutes < range.closes,
  );
  if (!inside) return null;
  const startsAt = instantAtOrAfter(reservation.date, reservation.minutes, calendar.timeZone);
  if (startsAt === null) return null;
  return { startsAt, endsAt: startsAt + reservation.heldMs };
}
