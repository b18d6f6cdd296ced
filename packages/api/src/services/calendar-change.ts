import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import { findPgError, PgErrorCode, reservations } from '@tablebook/db';
import { AppError } from '../errors.ts';
import { rehome, type TimedReservation } from '../rules/hours-change.ts';
import type { RestaurantCalendar } from '../rules/opening-hours.ts';
import { parseClock } from '../rules/zoned-time.ts';
import { instantAtOrAfter, localDateTimeOf } from '../rules/zoned-time.ts';
import { dayNumber } from '../rules/calendar.ts';
import { localDayRange } from './held-range.ts';
import type { Queryable } from './transactions.ts';

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Statuses whose turn is still to be served: a change of hours must keep them inside the hours. */
const upcoming = (status: string) => status === 'confirmed' || status === 'seated';

type TimedRow = TimedReservation & { status: string; startsAt: Date; endsAt: Date };

/**
 * A timed reservation's instants in another zone, keeping its local date and time (and whether it
 * starts after midnight of its date) and its held length.
 */
function sameLocalTime(row: TimedRow, from: string, to: string): { startsAt: number; endsAt: number } {
  const afterMidnight = dayNumber(localDateTimeOf(row.startsAt.getTime(), from).date) - dayNumber(row.date);
  const minutes = afterMidnight * 1440 + (parseClock(row.time) ?? 0);
  const startsAt = instantAtOrAfter(row.date, minutes, to) ?? row.startsAt.getTime();
  return { startsAt, endsAt: startsAt + (row.endsAt.getTime() - row.startsAt.getTime()) };
}

/**
 * Applies a restaurant's new zone or hours to its reservations, in the caller's transaction (which
 * holds the restaurant row FOR UPDATE, so no booking or move writes meanwhile). Upcoming timed
 * reservations (not yet ended, confirmed or seated) must fall inside the new hours: one left outside
 * is 409 HAS_FUTURE_RESERVATIONS, listing them. A new zone keeps every reservation's local date and
 * time: whole-day ranges move with their local day, timed ones with their local start; if that makes
 * two of one table overlap (a daylight-saving difference), it is refused the same way.
 */
export async function applyCalendarChange(
  tx: Queryable,
  restaurantId: string,
  before: RestaurantCalendar,
  after: RestaurantCalendar,
  now: Date,
): Promise<void> {
  const zoneChanged = before.timeZone !== after.timeZone;
  const hoursChanged = !sameJson(before.hours, after.hours) || !sameJson(before.specialDates, after.specialDates);
  if (!zoneChanged && !hoursChanged) return;
  const what = hoursChanged ? 'hours' : 'time zone';
  const field = hoursChanged ? 'hours' : 'timeZone';
  const rows: TimedRow[] = (
    await tx
      .select({
        id: reservations.id,
        date: reservations.date,
        startTime: reservations.startTime,
        durationMinutes: reservations.durationMinutes,
        table: reservations.tableLabel,
        status: reservations.status,
        startsAt: reservations.startsAt,
        endsAt: reservations.endsAt,
      })
      .from(reservations)
      .where(and(eq(reservations.restaurantId, restaurantId), isNotNull(reservations.startTime)))
      .orderBy(asc(reservations.startsAt), asc(reservations.tableLabel))
  ).map((row) => ({ ...row, time: (row.startTime ?? '00:00').slice(0, 5), durationMinutes: row.durationMinutes ?? 0 }));
  const toServe = rows.filter((row) => upcoming(row.status) && row.endsAt.getTime() > now.getTime());
  const outside = toServe.filter((row) => rehome(row, after) === null);
  if (outside.length > 0) {
    throw new AppError({
      reason: 'HAS_FUTURE_RESERVATIONS',
      message: `Cannot change the ${what} of "${before.name}": future reservations would fall outside its hours: ${outside
        .map((row) => `${row.date} ${row.time} at table ${row.table} (reservation ${row.id})`)
        .join('; ')}`,
      issues: outside.map((row) => ({
        path: field,
        message: `reservation ${row.id} at ${row.time} on ${row.date} (table ${row.table}) would be outside the new hours`,
      })),
    });
  }
  if (!zoneChanged) return;
  // Each range moves through a neighbour's old one: the table rule is checked once all have moved.
  await tx.execute(sql`set constraints reservations_table_no_overlap deferred`);
  await tx
    .update(reservations)
    .set({ ...localDayRange(sql`${reservations.date}`, after.timeZone), updatedAt: sql`now()` })
    .where(and(eq(reservations.restaurantId, restaurantId), sql`${reservations.startTime} is null`));
  for (const row of rows) {
    const held = sameLocalTime(row, before.timeZone, after.timeZone);
    await tx
      .update(reservations)
      .set({ startsAt: new Date(held.startsAt), endsAt: new Date(held.endsAt), updatedAt: sql`now()` })
      .where(eq(reservations.id, row.id));
  }
  try {
    await tx.execute(sql`set constraints reservations_table_no_overlap immediate`);
  } catch (error) {
    if (findPgError(error)?.code !== PgErrorCode.exclusionViolation) throw error;
    throw new AppError({
      reason: 'HAS_FUTURE_RESERVATIONS',
      message: `Cannot change the time zone of "${before.name}" to ${after.timeZone}: kept at their local times, two reservations of one table would overlap there (a daylight-saving difference); move one first`,
      issues: [{ path: 'timeZone', message: 'reservations of one table would overlap in the new zone' }],
    });
  }
}
