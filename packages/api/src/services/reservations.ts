import { and, asc, desc, eq, ne, sql } from 'drizzle-orm';
import { reservations, type Database } from '@tablebook/db';
import type { ReservationStatus } from '../rules/status.ts';
import type { ReservationOutput } from '../schemas/reservation.ts';
import { preparedQuery, UNNAMED_STATEMENT } from './prepared.ts';
import { findReservation, toReservationOutput } from './reservation-rows.ts';
import { requireCalendar } from './restaurant-ref.ts';

/** A restaurant's reservations, built once per filter shape (see preparedQuery). */
function reservationList(db: Database, shape: { date: boolean; status: 'live' | 'all' | 'one' }) {
  return preparedQuery(db, `reservations.list:${shape.date ? 'd' : ''}${shape.status}`, () =>
    db
      .select()
      .from(reservations)
      .where(
        and(
          eq(reservations.restaurantId, sql.placeholder('restaurantId')),
          shape.date ? eq(reservations.date, sql.placeholder('date')) : undefined,
          shape.status === 'live'
            ? ne(reservations.status, 'cancelled')
            : shape.status === 'one'
              ? eq(reservations.status, sql.placeholder('status'))
              : undefined,
        ),
      )
      .orderBy(desc(reservations.date), asc(reservations.startsAt), asc(reservations.tableLabel), asc(reservations.createdAt))
      .prepare(UNNAMED_STATEMENT),
  );
}

export async function listReservations(
  db: Database,
  restaurantId: string,
  filter: { date?: string | undefined; status?: ReservationStatus | 'all' | undefined },
): Promise<ReservationOutput[]> {
  const { timeZone } = await requireCalendar(db, restaurantId);
  const status = filter.status ?? 'live';
  const query = reservationList(db, { date: Boolean(filter.date), status: status === 'live' || status === 'all' ? status : 'one' });
  const rows = await query.execute({ restaurantId, date: filter.date, status });
  return rows.map((row) => toReservationOutput(row, timeZone));
}

export async function getReservation(db: Database, restaurantId: string, reservationId: string): Promise<ReservationOutput> {
  const { timeZone } = await requireCalendar(db, restaurantId);
  return toReservationOutput(await findReservation(db, restaurantId, reservationId), timeZone);
}
