import type { ReservationOutput } from '@tablebook/api/shared';
import { turnOf } from './reservationTimes.ts';

type Counted = Pick<ReservationOutput, 'date' | 'time' | 'startsAt' | 'endsAt' | 'table' | 'createdAt' | 'status' | 'partySize'>;

/** The guests whose turns start within one hour of the restaurant's clock. */
interface HourCovers {
  /** The hour's first minute since the date's local midnight: 1140 is 19:00, past 1440 after midnight (1440 is that night's 00:00). */
  hour: number;
  covers: number;
  reservations: number;
}

export interface DayCovers {
  /** Hours with at least one start, in time order. */
  hours: HourCovers[];
  /** Reservations that hold a table all day have no hour. */
  wholeDay: { covers: number; reservations: number };
  total: number;
}

/**
 * Covers per hour of one day's list: the sum of the party sizes of the reservations starting in each
 * hour, on the restaurant's own clock (a turn at 00:30 of the night counts in that night's 00:00 hour,
 * after the evening). Cancelled reservations bring no one and are left out; the others count, a no-show
 * too (the table was held for it).
 */
export function coversPerHour(reservations: readonly Counted[]): DayCovers {
  const byHour = new Map<number, HourCovers>();
  const wholeDay = { covers: 0, reservations: 0 };
  let total = 0;
  for (const reservation of reservations) {
    if (reservation.status === 'cancelled') continue;
    total += reservation.partySize;
    const turn = turnOf(reservation);
    if (!turn) {
      wholeDay.covers += reservation.partySize;
      wholeDay.reservations += 1;
      continue;
    }
    const hour = Math.floor(turn.start / 60) * 60;
    const entry = byHour.get(hour) ?? { hour, covers: 0, reservations: 0 };
    entry.covers += reservation.partySize;
    entry.reservations += 1;
    byHour.set(hour, entry);
  }
  return { hours: [...byHour.values()].sort((a, b) => a.hour - b.hour), wholeDay, total };
}
