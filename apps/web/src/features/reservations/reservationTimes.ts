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
 * The list's order: the soonest day first, and within a day the reservations that hold a table all
 * day first, then by when the table is taken (the instant, whatever the order they came in), then by
 * table (labels with numbers in number order) and by when they were made.
 */
export function inListOrder<Reservation extends Held>(reservations: readonly Reservation[]): Reservation[] {
  return [...reservations].sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      Number(a.time !== null) - Number(b.time !== null) ||
      Date.parse(a.startsAt) - Date.parse(b.startsAt) ||
      a.table.localeCompare(b.table, 'en', { numeric: true }) ||
      a.createdAt.localeCompare(b.createdAt),
  );
}

/** The list's order, cut into days (soonest first), for a list of several days with a heading per day. */
export function byDayInListOrder<Reservation extends Held>(reservations: readonly Reservation[]) {
  const days: { date: string; reservations: Reservation[] }[] = [];
  for (const reservation of inListOrder(reservations)) {
    const last = days.at(-1);
    if (last?.date === reservation.date) last.reservations.push(reservation);
    else days.push({ date: reservation.date, reservations: [reservation] });
  }
  return days;
}
