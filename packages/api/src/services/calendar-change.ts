import { and, asc, eq, gte, inArray, isNotNull, sql } from 'drizzle-orm';
import { reservations } from '@tablebook/db';
import { AppError } from '../errors.ts';
import { rehome, type TimedReservation } from '../rules/hours-change.ts';
import type { RestaurantCalendar } from '../rules/opening-hours.ts';
import { localDayRange } from './held-range.ts';
import type { Queryable } from './transactions.ts';

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Applies a restaurant's new zone or hours to its reservations, in the caller's transaction (which
 * holds the restaurant row FOR UPDATE, so no booking writes meanwhile). Future timed reservations
 * keep their local date and time; one the new hours would leave outside is 409
 * HAS_FUTURE_RESERVATIONS, listing them. A new zone moves every whole-day range with its local day,
 * and the future timed ranges with their local time.
 */
export async function applyCalendarChange(
  tx: Queryable,
  restaurantId: string,
  before: RestaurantCalendar,
  after: RestaurantCalendar,
  today: string,
): Promise<void> {
  const zoneChanged = before.timeZone !== after.timeZone;
  if (!zoneChanged && sameJson(before.hours, after.hours) && sameJson(before.specialDates, after.specialDates)) return;
  const rows = await tx
    .select({
      id: reservations.id,
      date: reservations.date,
      startTime: reservations.startTime,
      durationMinutes: reservations.durationMinutes,
      table: reservations.tableLabel,
    })
    .from(reservations)
    .where(
      and(
        eq(reservations.restaurantId, restaurantId),
        gte(reservations.date, today),
        inArray(reservations.status, ['confirmed', 'seated']),
        isNotNull(reservations.startTime),
      ),
    )
    .orderBy(asc(reservations.startsAt), asc(reservations.tableLabel));
  const future: TimedReservation[] = rows.map((row) => ({
    id: row.id,
    date: row.date,
    time: (row.startTime ?? '00:00').slice(0, 5),
    durationMinutes: row.durationMinutes ?? 0,
    table: row.table,
  }));
  const placed = future.map((reservation) => ({ reservation, held: rehome(reservation, after) }));
  const outside = placed.filter((entry) => entry.held === null).map((entry) => entry.reservation);
  if (outside.length > 0) {
    const field =
      zoneChanged && sameJson(before.hours, after.hours) && sameJson(before.specialDates, after.specialDates) ? 'timeZone' : 'hours';
    throw new AppError({
      reason: 'HAS_FUTURE_RESERVATIONS',
      message: `Cannot change the hours of "${before.name}": future reservations would fall outside them: ${outside
        .map((reservation) => `${reservation.date} ${reservation.time} at table ${reservation.table} (reservation ${reservation.id})`)
        .join('; ')}`,
      issues: outside.map((reservation) => ({
        path: field,
        message: `reservation ${reservation.id} at ${reservation.time} on ${reservation.date} (table ${reservation.table}) would be outside the new hours`,
      })),
    });
  }
  if (!zoneChanged) return;
  // Each range moves through a neighbour's old one: the table rule is checked once all have moved.
  await tx.execute(sql`set constraints reservations_table_no_overlap deferred`);
  await tx
    .update(reservations)
    .set(localDayRange(sql`${reservations.date}`, after.timeZone))
    .where(and(eq(reservations.restaurantId, restaurantId), sql`${reservations.startTime} is null`));
  for (const { reservation, held } of placed) {
    if (!held) continue;
    await tx
      .update(reservations)
      .set({ startsAt: new Date(held.startsAt), endsAt: new Date(held.endsAt) })
      .where(eq(reservations.id, reservation.id));
  }
}
