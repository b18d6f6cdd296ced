import type { ReservationOutput } from '@tablebook/api/shared';
import { minutesIntoDay } from '../timeline/timelineLayout.ts';

type Held = Pick<ReservationOutput, 'date' | 'time' | 'startsAt' | 'endsAt' | 'table' | 'createdAt'>;

/**
 * A timed reservation's turn on the restaurant's own clock, in minutes since the local midnight of its
 * date: past 1440 after midnight (a 00:30 start in Friday's 18:00-02:00 is 1470). None for a whole day.
 */
export function turnOf(reservation: Held): { start: number; end: number } | undefined {
  if (reservation.time === null) return undefined;
  const start = minutesIntoDay(reservation.date, reservation.startsAt);
  const end = minutesIntoDay(reservation.date, reservation.endsAt);
  return Number.isNaN(start) || Number.isNaN(end) ? undefined : { start, end: Math.max(start, end) };
}

/**
 * The list's order: the newest day first (as the page says), and within a day by when the table is
 * taken (the instant, whatever the order they came in), then by table and by when they were made.
 */
export function inListOrder<Reservation extends Held>(reservations: readonly Reservation[]): Reservation[] {
  return [...reservations].sort(
    (a, b) =>
      b.date.localeCompare(a.date) ||
      Date.parse(a.startsAt) - Date.parse(b.startsAt) ||
      a.table.localeCompare(b.table) ||
      a.createdAt.localeCompare(b.createdAt),
  );
}
