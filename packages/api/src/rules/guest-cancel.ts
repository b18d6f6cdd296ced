import { todayIn } from './calendar.ts';

/** What the rule reads of a reservation: its local day, whether it holds a time of day, and where its hold ends. */
export interface ReservationSpan {
  /** Its day in the restaurant's calendar, YYYY-MM-DD. */
  date: string;
  /** A turn at a time of day (false: the whole day). */
  timed: boolean;
  /** The instant its hold of the table ends (ms since the epoch). */
  endsAt: number;
}

/**
 * Whether a reservation is already over, so its guest can no longer cancel it (cancelling would
 * rewrite what happened: a booking nobody came to would leave the no-shows). In the restaurant's
 * zone: a timed booking once its turn has ended (the end instant has come), a whole-day booking once
 * its day is before today there. A turn that has started but not ended can still be cancelled: the
 * rest of it is freed. The host stand is not bound by this (it marks what happened).
 */
export function isOverForGuest(reservation: ReservationSpan, timeZone: string, now: number): boolean {
  if (reservation.timed) return now >= reservation.endsAt;
  return reservation.date < todayIn(timeZone, new Date(now));
}
