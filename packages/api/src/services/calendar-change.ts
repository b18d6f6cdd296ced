import { and, asc, eq, gt, isNotNull, sql } from 'drizzle-orm';
import { findPgError, PgErrorCode, queryRows, reservations } from '@tablebook/db';
import { AppError } from '../errors.ts';
import { rehome, type TimedReservation } from '../rules/hours-change.ts';
import { lockDaysFor } from '../rules/timed-booking.ts';
import type { RestaurantCalendar } from '../rules/opening-hours.ts';
import { formatZoned, instantAtOrAfter, instantOf, localDateTimeOf, parseClock } from '../rules/zoned-time.ts';
import { dayNumber } from '../rules/calendar.ts';
import { localDayRange } from './held-range.ts';
import { clockOfStart } from './reservation-rows.ts';
import { lockDays, type Queryable } from './transactions.ts';

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Statuses whose turn is still to be served: a change of hours must keep them inside the hours. */
const upcoming = (status: string) => status === 'confirmed' || status === 'seated';

type TimedRow = TimedReservation & { status: string; startsAt: Date; endsAt: Date };

/** Minutes from the local midnight of the reservation's date to its start, in the zone it was booked in. */
function startMinutes(row: { date: string; startsAt: Date; startTime: string | null }, timeZone: string): number {
  const afterMidnight = dayNumber(localDateTimeOf(row.startsAt.getTime(), timeZone).date) - dayNumber(row.date);
  return afterMidnight * 1440 + (parseClock(clockOfStart(row.startTime) ?? '00:00') ?? 0);
}

function outsideNewHours(
  before: RestaurantCalendar,
  field: 'hours' | 'timeZone',
  what: string,
  outside: TimedRow[],
  why: 'outsideHours' | 'noSuchTime',
  timeZone?: string,
): AppError {
  const because =
    why === 'noSuchTime' ? `their local times do not exist in ${timeZone} (a daylight-saving gap)` : 'they would fall outside its hours';
  return new AppError({
    reason: 'HAS_FUTURE_RESERVATIONS',
    message: `Cannot change the ${what} of "${before.name}": future reservations would be lost, ${because}: ${outside
      .map((row) => `${row.date} ${row.time} at table ${row.table} (reservation ${row.id})`)
      .join('; ')}`,
    details: {
      restaurantName: before.name,
      change: field,
      why,
      ...(timeZone ? { timeZone } : {}),
      reservations: outside.map((row) => ({ date: row.date, time: row.time, table: row.table })),
    },
    issues: outside.map((row) => ({
      path: field,
      message:
        why === 'noSuchTime'
          ? `reservation ${row.id} at ${row.time} on ${row.date} (table ${row.table}) is at a time ${timeZone} skips that night`
          : `reservation ${row.id} at ${row.time} on ${row.date} (table ${row.table}) would be outside the new hours`,
      code: why === 'noSuchTime' ? 'no_such_time_in_new_zone' : 'outside_new_hours',
      date: row.date,
      time: row.time,
      table: row.table,
    })),
  });
}

/**
 * The live reservations of the restaurant whose held ranges overlap another of their table, read
 * while the table rule is deferred (after a zone change moved them), so the refusal can list them; the
 * exclusion constraint stays the last word at the `immediate` below.
 */
async function overlappingTurns(tx: Queryable, restaurantId: string) {
  return queryRows<{ id: string; date: string; time: string | null; table: string }>(
    tx,
    sql`
    select distinct a.id, a.date::text as date, to_char(a.start_time, 'HH24:MI') as time, a.table_label as "table", a.starts_at
      from ${reservations} a
      join ${reservations} b on b.restaurant_id = a.restaurant_id and b.table_label = a.table_label and b.id <> a.id
       and b.status <> 'cancelled' and tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)
     where a.restaurant_id = ${restaurantId} and a.status <> 'cancelled'
     order by a.starts_at, a.table_label`,
  );
}

/**
 * Applies a restaurant's new zone or hours to its reservations, in the caller's transaction (which
 * holds the restaurant row FOR UPDATE, so no booking or move writes meanwhile). Upcoming timed
 * reservations (not yet ended, confirmed or seated) must fall inside the new hours: one left outside
 * is 409 HAS_FUTURE_RESERVATIONS, listing them. A new zone keeps reservations' local date and time:
 * every whole-day range moves with its local day (one statement), each timed one not yet ended with
 * its local start (ended turns keep their instants); if that makes two of one table overlap (a
 * daylight-saving difference), it is refused the same way.
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
  // Reservations whose turn is over keep their instants: history is not rewritten, and only what is
  // still to come is judged by the new calendar.
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
      .where(and(eq(reservations.restaurantId, restaurantId), isNotNull(reservations.startTime), gt(reservations.endsAt, now)))
      .orderBy(asc(reservations.startsAt), asc(reservations.tableLabel))
  ).map((row) => ({
    ...row,
    time: clockOfStart(row.startTime) ?? '00:00',
    minutes: startMinutes(row, before.timeZone),
    heldMs: row.endsAt.getTime() - row.startsAt.getTime(),
  }));
  const outside = rows.filter((row) => upcoming(row.status) && rehome(row, after) === null);
  if (outside.length > 0) throw outsideNewHours(before, field, what, outside, 'outsideHours');
  // A local time a daylight-saving shift of the new zone skips (02:30 on New York's spring-forward
  // night) has no instant there: the guest's time cannot be kept, so the change waits for a move.
  const skipped = zoneChanged
    ? rows.filter((row) => upcoming(row.status) && instantOf(row.date, row.minutes, after.timeZone) === null)
    : [];
  if (skipped.length > 0) throw outsideNewHours(before, field, what, skipped, 'noSuchTime', after.timeZone);
  if (!zoneChanged) return;
  // Each range moves through a neighbour's old one: the table rule and the reservation trigger's rules
  // (pacing, with local times kept) are checked once all have moved.
  await tx.execute(sql`set constraints reservations_table_no_overlap, "Reservation_rules" deferred`);
  await tx
    .update(reservations)
    .set({ ...localDayRange(sql`${reservations.date}`, after.timeZone), updatedAt: sql`now()` })
    .where(and(eq(reservations.restaurantId, restaurantId), sql`${reservations.startTime} is null`));
  // A cancelled or closed turn whose local time the new zone skips keeps its instants: no rule counts it.
  const movable = rows.filter((row) => instantOf(row.date, row.minutes, after.timeZone) !== null);
  const moved = movable.map((row) => {
    const startsAt = instantAtOrAfter(row.date, row.minutes, after.timeZone) ?? row.startsAt.getTime();
    return { id: row.id, startsAt: new Date(startsAt).toISOString(), endsAt: new Date(startsAt + row.heldMs).toISOString() };
  });
  if (moved.length > 0) {
    // The trigger locks each moved turn's days row by row; taking them all first, in order, keeps the
    // one lock order (restaurant, days, rows).
    await lockDays(
      tx,
      moved.flatMap((row, index) =>
        lockDaysFor(movable[index]!.date, { startsAt: Date.parse(row.startsAt), endsAt: Date.parse(row.endsAt) }, after.timeZone),
      ),
    );
    // One statement for all of them: a restaurant may hold thousands of upcoming turns.
    await tx.execute(sql`update ${reservations} set starts_at = moved.starts_at, ends_at = moved.ends_at, updated_at = now()
      from (select unnest(${sql.param(moved.map((row) => row.id))}::uuid[]) as id,
                   unnest(${sql.param(moved.map((row) => row.startsAt))}::timestamptz[]) as starts_at,
                   unnest(${sql.param(moved.map((row) => row.endsAt))}::timestamptz[]) as ends_at) as moved
      where ${reservations.id} = moved.id`);
    // Their pending reminders follow the new instants (the guest's local time is kept, so the reminder
    // is still "a day before" it): a zone change is no booking event, so nothing else would re-plan them.
    await tx.execute(sql`update outbox_messages o
         set due_at = moved.starts_at - make_interval(mins => o.reminder_minutes),
             payload = jsonb_set(jsonb_set(o.payload, '{reservation,startsAt}', to_jsonb(moved.local_starts)), '{reservation,endsAt}', to_jsonb(moved.local_ends)),
             updated_at = now()
        from (select unnest(${sql.param(moved.map((row) => row.id))}::uuid[]) as id,
                     unnest(${sql.param(moved.map((row) => row.startsAt))}::timestamptz[]) as starts_at,
                     unnest(${sql.param(moved.map((row) => formatZoned(Date.parse(row.startsAt), after.timeZone)))}::text[]) as local_starts,
                     unnest(${sql.param(moved.map((row) => formatZoned(Date.parse(row.endsAt), after.timeZone)))}::text[]) as local_ends) as moved
       where o.reservation_id = moved.id and o.kind = 'reminder' and o.status = 'pending'`);
  }
  const clashes = await overlappingTurns(tx, restaurantId);
  if (clashes.length > 0) {
    const listed = clashes.map((row) => `${row.date} ${row.time ?? 'all day'} at table ${row.table}`).join('; ');
    throw new AppError({
      reason: 'HAS_FUTURE_RESERVATIONS',
      message: `Cannot change the time zone of "${before.name}" to ${after.timeZone}: kept at their local times, these reservations of one table would overlap there (a daylight-saving difference): ${listed}; move one first`,
      details: {
        restaurantName: before.name,
        change: 'timeZone',
        why: 'overlap',
        timeZone: after.timeZone,
        reservations: clashes.map((row) => ({ date: row.date, time: row.time ?? '00:00', table: row.table })),
      },
      issues: clashes.map((row) => ({
        path: 'timeZone',
        message: `reservation ${row.id} at ${row.time ?? 'all day'} on ${row.date} (table ${row.table}) would overlap another of its table in the new zone`,
        code: 'zone_overlaps',
        date: row.date,
        time: row.time ?? '00:00',
        table: row.table,
      })),
    });
  }
  try {
    await tx.execute(sql`set constraints reservations_table_no_overlap, "Reservation_rules" immediate`);
  } catch (error) {
    const failure = findPgError(error);
    if (failure?.code === PgErrorCode.checkViolation && failure.constraint === 'reservations_pacing_limit') {
      throw new AppError({
        reason: 'HAS_FUTURE_RESERVATIONS',
        message: `Cannot change the time zone of "${before.name}" to ${after.timeZone}: kept at their local times, future reservations would exceed its pacing there; move one first`,
        details: { restaurantName: before.name, change: 'timeZone', why: 'pacing', timeZone: after.timeZone },
        issues: [{ path: 'timeZone', message: 'reservations would exceed the pacing in the new zone', code: 'zone_exceeds_pacing' }],
      });
    }
    if (failure?.code !== PgErrorCode.exclusionViolation) throw error;
    throw new AppError({
      reason: 'HAS_FUTURE_RESERVATIONS',
      message: `Cannot change the time zone of "${before.name}" to ${after.timeZone}: kept at their local times, two reservations of one table would overlap there (a daylight-saving difference); move one first`,
      details: { restaurantName: before.name, change: 'timeZone', why: 'overlap', timeZone: after.timeZone },
      issues: [{ path: 'timeZone', message: 'reservations of one table would overlap in the new zone', code: 'zone_overlaps' }],
    });
  }
}
