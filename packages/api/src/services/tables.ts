import { and, asc, eq, gt, gte, ne, or, sql } from 'drizzle-orm';
import { reservations, restaurantTables } from '@tablebook/db';
import { AppError } from '../errors.ts';
import { defaultLayout, layoutChange, type TableLayoutEntry } from '../rules/tables.ts';
import { clockOfStart } from './reservation-rows.ts';
import type { Queryable } from './transactions.ts';

/** What a future reservation needs of the layout, for TABLE_HAS_RESERVATIONS' details (no ids: the table, day and party say which). */
function needOf(
  reservation: { table: string; date: string; startTime: string | null; partySize: number },
  seatsByLabel: ReadonlyMap<string, number>,
) {
  const time = clockOfStart(reservation.startTime);
  const seats = seatsByLabel.get(reservation.table);
  return {
    table: reservation.table,
    date: reservation.date,
    partySize: reservation.partySize,
    ...(time === null ? {} : { time }),
    ...(seats === undefined ? {} : { seats }),
  };
}

export async function insertLayout(db: Queryable, restaurantId: string, layout: readonly TableLayoutEntry[] = defaultLayout()) {
  await db.insert(restaurantTables).values(layout.map((table) => ({ restaurantId, ...table })));
}

/**
 * Replaces a restaurant's layout inside the caller's transaction, writing only the rows that change:
 * a table kept as it was is not touched, so bookings holding it FOR SHARE neither wait for the save nor
 * make it wait. Removed tables are deleted first: that waits for bookings in flight on them, so the
 * check for future reservations that follows sees every one of them.
 */
export async function replaceLayout(
  tx: Queryable,
  restaurantId: string,
  restaurantName: string,
  layout: readonly TableLayoutEntry[],
  today: string,
): Promise<void> {
  const current = await tx
    .select({ label: restaurantTables.label, seats: restaurantTables.seats })
    .from(restaurantTables)
    .where(eq(restaurantTables.restaurantId, restaurantId));
  const change = layoutChange(current, layout);
  // The rows this save deletes or updates, locked first in the order bookings lock their candidate
  // tables (by label, in the database's collation): in the request's order they could cross a booking.
  const touched = [...change.removed, ...change.resized.map((table) => table.label)];
  if (touched.length > 0) {
    await tx
      .select({ label: restaurantTables.label })
      .from(restaurantTables)
      .where(and(eq(restaurantTables.restaurantId, restaurantId), sql`${restaurantTables.label} = any(${sql.param(touched)}::varchar[])`))
      .orderBy(asc(restaurantTables.label))
      .for('update');
  }
  if (change.removed.length > 0) {
    await tx
      .delete(restaurantTables)
      .where(
        and(eq(restaurantTables.restaurantId, restaurantId), sql`${restaurantTables.label} = any(${sql.param(change.removed)}::varchar[])`),
      );
  }
  if (change.added.length > 0) await tx.insert(restaurantTables).values(change.added.map((table) => ({ restaurantId, ...table })));
  for (const table of change.resized) {
    await tx
      .update(restaurantTables)
      .set({ seats: table.seats })
      .where(and(eq(restaurantTables.restaurantId, restaurantId), eq(restaurantTables.label, table.label)));
  }
  // Only a removed or shrunk table can leave a future reservation without a place.
  if (change.removed.length === 0 && !change.shrunk) return;
  const seatsByLabel = new Map(layout.map((table) => [table.label, table.seats]));
  const future = await tx
    .select({
      id: reservations.id,
      table: reservations.tableLabel,
      date: reservations.date,
      startTime: reservations.startTime,
      partySize: reservations.partySize,
    })
    .from(reservations)
    // Still to come: from today on, or (last night's range past midnight) held beyond now.
    .where(
      and(
        eq(reservations.restaurantId, restaurantId),
        or(gte(reservations.date, today), gt(reservations.endsAt, sql`now()`)),
        ne(reservations.status, 'cancelled'),
      ),
    )
    .orderBy(asc(reservations.date), asc(reservations.tableLabel));
  const blocking = future.filter((reservation) => {
    const seats = seatsByLabel.get(reservation.table);
    return seats === undefined || seats < reservation.partySize;
  });
  if (blocking.length > 0) {
    const named = blocking.map((reservation) =>
      seatsByLabel.has(reservation.table)
        ? `${reservation.table} on ${reservation.date} (reservation ${reservation.id}, party of ${reservation.partySize})`
        : `${reservation.table} on ${reservation.date} (reservation ${reservation.id})`,
    );
    throw new AppError({
      reason: 'TABLE_HAS_RESERVATIONS',
      message: `Cannot change the tables of "${restaurantName}": future reservations need them: ${named.join('; ')}`,
      details: { restaurantName, reservations: blocking.map((reservation) => needOf(reservation, seatsByLabel)) },
      issues: blocking.map((reservation) => ({
        path: 'tables',
        message: `${reservation.table} is booked on ${reservation.date} by reservation ${reservation.id}`,
        code: 'table_booked',
        ...needOf(reservation, seatsByLabel),
      })),
    });
  }
}
