import { and, eq } from 'drizzle-orm';
import { reservations, type Reservation } from '@tablebook/db';
import { notFound } from '../errors.ts';
import { formatZoned } from '../rules/zoned-time.ts';
import type { ReservationOutput } from '../schemas/reservation.ts';
import type { Queryable } from './transactions.ts';

/** A stored start ("HH:MM:SS") as the API writes it, "HH:MM"; null for a whole-day reservation. */
export const clockOfStart = (startTime: string | null) => (startTime ? startTime.slice(0, 5) : null);

/** A stored reservation as callers see it: its instants on the restaurant's own clock. */
export function toReservationOutput(row: Reservation, timeZone: string): ReservationOutput {
  return {
    id: row.id,
    table: row.tableLabel,
    date: row.date,
    restaurantId: row.restaurantId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    status: row.status,
    partySize: row.partySize,
    guestName: row.guestName,
    guestPhone: row.guestPhone,
    guestEmail: row.guestEmail,
    notes: row.notes,
    cancelReason: row.cancelReason,
    time: clockOfStart(row.startTime),
    durationMinutes: row.durationMinutes,
    startsAt: formatZoned(row.startsAt.getTime(), timeZone),
    endsAt: formatZoned(row.endsAt.getTime(), timeZone),
    language: row.language === 'en' || row.language === 'es-CO' ? row.language : null,
  };
}

export async function findReservation(db: Queryable, restaurantId: string, reservationId: string, forUpdate = false): Promise<Reservation> {
  const query = db
    .select()
    .from(reservations)
    .where(and(eq(reservations.id, reservationId), eq(reservations.restaurantId, restaurantId)));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound(`Reservation ${reservationId} does not exist at restaurant ${restaurantId}`, 'reservation');
  return row;
}
