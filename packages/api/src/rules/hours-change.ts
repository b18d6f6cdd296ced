import { booksWholeDays, placeTime, type RestaurantCalendar } from './opening-hours.ts';
import { instantOf } from './zoned-time.ts';

/** A future timed reservation, as a change of hours or zone must keep it. */
export interface TimedReservation {
  id: string;
  date: string;
  /** "HH:MM" */
  time: string;
  durationMinutes: number;
  table: string;
}

/**
 * Where a timed reservation's local date and time fall under a new calendar: its new instants, or
 * null when it would be outside the new hours (closed then, a whole-day calendar, or a time the new
 * zone skips). The local time is what the guest was told, so it is kept; the instants follow it.
 */
export function rehome(reservation: TimedReservation, calendar: RestaurantCalendar): { startsAt: number; endsAt: number } | null {
  if (booksWholeDays(calendar)) return null;
  const placement = placeTime(reservation.date, reservation.time, calendar);
  if (placement.kind === 'closed') return null;
  const startsAt = instantOf(reservation.date, placement.start, calendar.timeZone);
  if (startsAt === null) return null;
  return { startsAt, endsAt: startsAt + reservation.durationMinutes * 60_000 };
}
