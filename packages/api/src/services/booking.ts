import { and, asc, eq, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import {
  findPgError,
  PgErrorCode,
  queryRows,
  reservations,
  restaurants,
  restaurantTables,
  type Database,
  type Reservation,
} from '@tablebook/db';
import { AppError, invalidInput, notFound } from '../errors.ts';
import { describeRefusal, firstBrokenRule } from '../rules/booking.ts';
import { isBefore, todayIn } from '../rules/calendar.ts';
import { booksWholeDays, placeTime, type RestaurantCalendar } from '../rules/opening-hours.ts';
import { coversByInterval, coversInInterval, describePacingRefusal, pacingIntervalOf, pacingRefusal } from '../rules/pacing.ts';
import { smallestFreeTable, type HeldTable } from '../rules/table-choice.ts';
import type { TableLayoutEntry } from '../rules/tables.ts';
import { DEFAULT_GUEST_LANGUAGE, type GuestLanguage } from '../rules/guest-language.ts';
import { lockDaysFor, planTimedBooking, type Booker, type HeldTime } from '../rules/timed-booking.ts';
import { addDays, formatClock, formatZoned, instantOf, localDateTimeOf } from '../rules/zoned-time.ts';
import { DEFAULT_PARTY_SIZE, type ReservationOutput } from '../schemas/reservation.ts';
import { instantRange, readBookingLoad, type BookingLoad, type HeldRange } from './booking-load.ts';
import { localDayRange } from './held-range.ts';
import { runIdempotent, type IdempotencyScope } from './idempotency.ts';
import { insertAndRecord } from './reservation-events.ts';
import { toReservationOutput } from './reservation-rows.ts';
import { calendarOfSqlRow, type CalendarSqlRow } from './restaurant-rows.ts';
import { getReservation } from './reservations.ts';
import { lockDays, retryOnConflict, WRITE_TRANSACTION, type Queryable, type Transaction } from './transactions.ts';

/** Where a reservation sits: a whole local day, or a start and a turn. */
export type Placement =
  | { kind: 'day'; range: HeldRange; days: string[] }
  | { kind: 'time'; time: string; held: HeldTime; range: HeldRange; days: string[] };

export const wholeDayPlacement = (date: string, calendar: RestaurantCalendar): Placement => ({
  kind: 'day',
  range: localDayRange(date, calendar.timeZone),
  days: [date],
});

const timedPlacement = (date: string, time: string, held: HeldTime, calendar: RestaurantCalendar): Placement => ({
  kind: 'time',
  time,
  held,
  range: instantRange(held.startsAt, held.endsAt),
  days: lockDaysFor(date, held, calendar.timeZone),
});

/**
 * PAST_DATE for a date before today in the restaurant's zone. At a restaurant that books times,
 * yesterday's date still names the rest of last night's range past midnight (00:30 in Friday's
 * 18:00-02:00 is Friday's), so it is let through when `time` is given: the time rules judge it.
 */
export function refusePastDate(date: string, calendar: RestaurantCalendar, now: Date, time?: string | null) {
  const today = todayIn(calendar.timeZone, now);
  const lastNight = time != null && !booksWholeDays(calendar) && date === addDays(today, -1) && startsFromNow(date, time, calendar, now);
  if (isBefore(date, today) && !lastNight) {
    throw new AppError({
      reason: 'PAST_DATE',
      message: `Cannot book ${date}: it is before today (${today} in ${calendar.timeZone})`,
      details: { restaurantName: calendar.name, date, today },
      issues: [{ path: 'date', message: `date must be today (${today}) or later`, code: 'before_today', today }],
    });
  }
}

/** True when `time` on `date` falls in one of the date's ranges and has not started yet. */
function startsFromNow(date: string, time: string, calendar: RestaurantCalendar, now: Date): boolean {
  const placement = placeTime(date, time, calendar);
  if (placement.kind === 'closed') return false;
  const startsAt = instantOf(date, placement.start, calendar.timeZone);
  return startsAt !== null && startsAt >= now.getTime();
}

export const timeNotOffered = (calendar: RestaurantCalendar, field: 'time' | 'durationMinutes') =>
  new AppError({
    reason: 'TIME_NOT_OFFERED',
    message: `"${calendar.name}" books whole days, not times: send no ${field} (or give the restaurant opening hours)`,
    details: { restaurantName: calendar.name },
    issues: [{ path: field, message: 'this restaurant books whole days', code: 'whole_days_only' }],
  });

/** Plans a start time for `booker`, or throws the first time rule it breaks. */
export function planTime(
  request: { date: string; time: string; partySize: number; durationMinutes?: number | undefined },
  calendar: RestaurantCalendar,
  booker: Booker,
  now: Date,
): Placement {
  const plan = planTimedBooking(request, calendar, booker, now.getTime());
  if (!plan.ok) throw new AppError(plan.refusal);
  return timedPlacement(request.date, request.time, plan.held, calendar);
}

/**
 * The restaurant's tables that could take the party: the named one, or all of them. Locks them FOR
 * SHARE so a layout change removing one waits for this booking (and then refuses, since the table has
 * a reservation). Unknown or too small: UNKNOWN_TABLE / PARTY_TOO_LARGE.
 */
export async function lockCandidateTables(
  tx: Queryable,
  restaurantId: string,
  calendar: RestaurantCalendar,
  table: string | undefined,
  partySize: number,
): Promise<TableLayoutEntry[]> {
  const rows = await tx
    .select({ label: restaurantTables.label, seats: restaurantTables.seats })
    .from(restaurantTables)
    .where(and(eq(restaurantTables.restaurantId, restaurantId), table === undefined ? undefined : eq(restaurantTables.label, table)))
    .orderBy(asc(restaurantTables.label))
    .for('share');
  return candidatesFor(rows, calendar, table, partySize);
}

/** The candidate tables of lockCandidateTables, checked: UNKNOWN_TABLE / PARTY_TOO_LARGE. */
function candidatesFor(
  rows: TableLayoutEntry[],
  calendar: RestaurantCalendar,
  table: string | undefined,
  partySize: number,
): TableLayoutEntry[] {
  if (table !== undefined) {
    const [row] = rows;
    if (!row) {
      throw new AppError({
        reason: 'UNKNOWN_TABLE',
        message: `"${calendar.name}" has no table ${table}`,
        details: { restaurantName: calendar.name, table },
        issues: [{ path: 'table', message: `table ${table} is not in the restaurant's layout`, code: 'not_in_layout', table }],
      });
    }
    if (partySize > row.seats) {
      throw new AppError({
        reason: 'PARTY_TOO_LARGE',
        message: `Table ${table} at "${calendar.name}" seats ${row.seats}; a party of ${partySize} does not fit`,
        details: { restaurantName: calendar.name, partySize, seats: row.seats, table },
        issues: [
          { path: 'partySize', message: `table ${table} seats at most ${row.seats}`, code: 'too_many_guests', seats: row.seats, table },
        ],
      });
    }
    return rows;
  }
  const largest = Math.max(0, ...rows.map((row) => row.seats));
  if (partySize > largest) {
    throw new AppError({
      reason: 'PARTY_TOO_LARGE',
      message: `No table at "${calendar.name}" seats a party of ${partySize} (the largest seats ${largest})`,
      details: { restaurantName: calendar.name, partySize, seats: largest },
      issues: [{ path: 'partySize', message: `the largest table seats ${largest}`, code: 'too_many_guests', seats: largest }],
    });
  }
  return rows;
}

const clockOf = (instant: number, timeZone: string) => formatZoned(instant, timeZone).slice(11, 16);

/** A held span's start and end on the restaurant's clock, for a refusal's details. */
const spanOf = (span: { startsAt: number; endsAt: number }, timeZone: string) => ({
  from: clockOf(span.startsAt, timeZone),
  to: clockOf(span.endsAt, timeZone),
});

/** "from 19:00 to 21:00 on 2027-03-14" in the restaurant's clock. */
function describeSpan(span: { startsAt: number; endsAt: number }, date: string, timeZone: string) {
  return `from ${clockOf(span.startsAt, timeZone)} to ${clockOf(span.endsAt, timeZone)} on ${date}`;
}

/** A whole-day reservation holds from one local midnight to the next. */
const isWholeDay = (held: { startsAt: number; endsAt: number }, timeZone: string) => {
  const start = localDateTimeOf(held.startsAt, timeZone);
  const end = localDateTimeOf(held.endsAt, timeZone);
  return start.minutes === 0 && end.minutes === 0 && end.date === addDays(start.date, 1);
};

/**
 * The table this booking gets (the named one, or the smallest free one that seats the party), given
 * the reservations overlapping its range; TABLE_ALREADY_BOOKED / NO_TABLE_AVAILABLE otherwise.
 */
export function chooseTable(
  candidates: readonly TableLayoutEntry[],
  overlapping: readonly HeldTable[],
  request: { table: string | undefined; date: string; partySize: number },
  placement: Placement,
  calendar: RestaurantCalendar,
): string {
  const takenBy = new Map(overlapping.map((held) => [held.table, held]));
  if (request.table !== undefined) {
    const held = takenBy.get(request.table);
    if (!held) return request.table;
    const heldDay = localDateTimeOf(held.startsAt, calendar.timeZone).date;
    const wholeDay = isWholeDay(held, calendar.timeZone);
    const message =
      placement.kind === 'day'
        ? `Table ${request.table} at "${calendar.name}" is already booked on ${request.date}`
        : wholeDay
          ? `Table ${request.table} at "${calendar.name}" is already booked for the whole day on ${heldDay}`
          : `Table ${request.table} at "${calendar.name}" is already booked ${describeSpan(held, heldDay, calendar.timeZone)}`;
    const where = { restaurantName: calendar.name, table: request.table };
    const details =
      placement.kind === 'day'
        ? { ...where, date: request.date, wholeDay: true }
        : wholeDay
          ? { ...where, date: heldDay, wholeDay: true }
          : { ...where, date: heldDay, ...spanOf(held, calendar.timeZone) };
    throw new AppError({ reason: 'TABLE_ALREADY_BOOKED', message, details });
  }
  const chosen = smallestFreeTable(candidates, new Set(takenBy.keys()), request.partySize);
  if (chosen !== null) return chosen;
  const when = placement.kind === 'time' ? describeSpan(placement.held, request.date, calendar.timeZone) : `on ${request.date}`;
  throw new AppError({
    reason: 'NO_TABLE_AVAILABLE',
    message: `No table at "${calendar.name}" that seats a party of ${request.partySize} is free ${when}`,
    details: {
      restaurantName: calendar.name,
      partySize: request.partySize,
      date: request.date,
      ...(placement.kind === 'time' ? spanOf(placement.held, calendar.timeZone) : {}),
    },
  });
}

/** The daily limits as stored when the day lock was taken (BookingLoad.limits). */
export function checkDailyLimits(
  load: BookingLoad,
  details: { table: string; date: string; restaurantName: string; time?: string | null },
) {
  const broken = firstBrokenRule({ ...load, tableTaken: false }, load.limits);
  if (!broken) return;
  const message = describeRefusal(broken, { ...details, limits: load.limits });
  if (broken === 'TABLE_ALREADY_BOOKED') {
    throw new AppError({
      reason: broken,
      message,
      details: { restaurantName: details.restaurantName, table: details.table, date: details.date },
    });
  }
  const limit = broken === 'GLOBAL_DAILY_LIMIT' ? load.limits.globalDailyLimit : load.limits.restaurantDailyLimit;
  // Field by field, never a spread: a caller's object may carry more (a booking's passes its restaurant's id).
  throw new AppError({
    reason: broken,
    message,
    details: { restaurantName: details.restaurantName, date: details.date, table: details.table, limit },
  });
}

/**
 * Pacing, judged after the table and the daily limits (the trigger's order too): the party must fit
 * the covers left in its start's interval (BookingLoad.pacing, read with `pacingStart`). Whole days
 * are not paced.
 */
export function checkPacing(load: BookingLoad, placement: Placement, partySize: number, calendar: RestaurantCalendar) {
  if (placement.kind !== 'time' || load.pacing === null) return;
  const { pacing, starts } = load.pacing;
  const interval = pacingIntervalOf(placement.held.startsAt, calendar.timeZone, pacing.intervalMinutes);
  const refusal = pacingRefusal(pacing, interval, coversInInterval(coversByInterval(starts, pacing.intervalMinutes), interval), partySize);
  if (!refusal) return;
  throw new AppError({
    reason: 'PACING_LIMIT',
    message: describePacingRefusal(calendar.name, refusal),
    details: {
      restaurantName: calendar.name,
      date: refusal.interval.date,
      from: formatClock(refusal.interval.start),
      to: formatClock(refusal.interval.end),
      coversLeft: refusal.coversLeft,
      maxCovers: refusal.maxCovers,
      partySize: refusal.partySize,
    },
  });
}

/** The start a booking load reads pacing around: a timed placement's. */
export const pacingStartOf = (placement: Placement) => (placement.kind === 'time' ? placement.held.startsAt : undefined);

/** The reservation trigger's rules (migration 0008), by the constraint name it raises with. */
const TRIGGER_RULES: Record<string, 'GLOBAL_DAILY_LIMIT' | 'RESTAURANT_DAILY_LIMIT' | 'PACING_LIMIT'> = {
  reservations_global_daily_limit: 'GLOBAL_DAILY_LIMIT',
  reservations_restaurant_daily_limit: 'RESTAURANT_DAILY_LIMIT',
  reservations_pacing_limit: 'PACING_LIMIT',
};

/** The database's message without its leading reason code ("PACING_LIMIT: the 19:00-19:30 ..."). */
const triggerMessage = (error: unknown) => {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current && typeof current === 'object'; depth += 1) {
    const message = (current as { message?: unknown }).message;
    if (typeof message === 'string' && /^[A-Z_]+: /.test(message)) return message.replace(/^[A-Z_]+: /, '');
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
};

/**
 * Maps the database's last word: the table rule (exclusion constraint), the trigger's daily limits and
 * pacing (the api checks them first under the same locks, so these fire only for a rule the api
 * missed), and a vanished restaurant.
 */
export function rethrowConstraint(
  error: unknown,
  details: { table: string; date: string; restaurantName: string; restaurantId: string },
): never {
  const code = findPgError(error)?.code;
  if (code === PgErrorCode.exclusionViolation || code === PgErrorCode.uniqueViolation) {
    throw new AppError({
      reason: 'TABLE_ALREADY_BOOKED',
      message: `Table ${details.table} at "${details.restaurantName}" already has a reservation that overlaps this one (${details.date})`,
      details: { restaurantName: details.restaurantName, table: details.table, date: details.date },
    });
  }
  const rule = code === PgErrorCode.checkViolation ? TRIGGER_RULES[findPgError(error)?.constraint ?? ''] : undefined;
  if (rule) {
    // The trigger's message is its own: the details name what the api knows (the limit or interval is the database's).
    const message = `Cannot book at "${details.restaurantName}": ${triggerMessage(error) ?? rule}`;
    const where = { restaurantName: details.restaurantName, date: details.date };
    if (rule === 'PACING_LIMIT') throw new AppError({ reason: rule, message, details: where });
    throw new AppError({ reason: rule, message, details: { ...where, table: details.table } });
  }
  if (code === PgErrorCode.foreignKeyViolation) throw notFound(`Restaurant ${details.restaurantId} does not exist`, 'restaurant');
  throw error;
}

export interface BookingRequest {
  restaurantId: string;
  /** Required at a restaurant that books whole days; elsewhere absent = the smallest free table. */
  table?: string | undefined;
  date: string;
  time?: string | undefined;
  durationMinutes?: number | undefined;
  partySize?: number | undefined;
  guestName?: string | null | undefined;
  guestPhone?: string | null | undefined;
  guestEmail?: string | null | undefined;
  notes?: string | null | undefined;
  idempotencyKey?: string | undefined;
  /** The guest's language for e-mail, as the caller resolved it (rules/guest-language.ts); absent: es-CO. */
  language?: GuestLanguage | undefined;
  /** Set by guest bookings: the hash of the code that lets the guest cancel. */
  cancellationCodeHash?: string | undefined;
}

/** The placement a new booking asks for, checked in the refusal order up to the tables. */
function placeBooking(
  request: Omit<BookingRequest, 'idempotencyKey'>,
  calendar: RestaurantCalendar,
  booker: Booker,
  now: Date,
  partySize: number,
) {
  if (booksWholeDays(calendar)) {
    // INVALID_INPUT ranks before TIME_NOT_OFFERED.
    if (request.table === undefined) {
      throw invalidInput([{ path: 'table', message: 'table is required: this restaurant books whole days', code: 'table_required' }]);
    }
    if (request.time !== undefined) throw timeNotOffered(calendar, 'time');
    if (request.durationMinutes !== undefined) throw timeNotOffered(calendar, 'durationMinutes');
    refusePastDate(request.date, calendar, now);
    return wholeDayPlacement(request.date, calendar);
  }
  if (request.time === undefined) {
    throw invalidInput([
      { path: 'time', message: `time is required: "${calendar.name}" books times of day (HH:MM)`, code: 'time_required' },
    ]);
  }
  refusePastDate(request.date, calendar, now, request.time);
  return planTime({ date: request.date, time: request.time, partySize, durationMinutes: request.durationMinutes }, calendar, booker, now);
}

/**
 * A booking's first statement: the restaurant's calendar under FOR KEY SHARE (every reservation
 * writer's first lock, see requireCalendar), then its candidate tables FOR SHARE (lockCandidateTables),
 * by label (the order a layout save locks them in: without it the rows were locked in the table's
 * physical order, and a save and a booking deadlocked), then, at a restaurant that books whole days,
 * the lock of `date` (the only day such a booking locks), in that order, in one round trip: the CTE is materialized, so the restaurant's row is locked before
 * the subquery locks its tables, and the select list runs left to right. The day's load is read by the
 * next statement, whose snapshot comes after the lock. NOT_FOUND for an unknown restaurant.
 */
async function lockCalendarAndTables(
  tx: Queryable,
  restaurantId: string,
  table: string | undefined,
  date: string,
): Promise<{ calendar: RestaurantCalendar; tables: TableLayoutEntry[]; wholeDayLocked: boolean; transactionStart: Date }> {
  const named = table === undefined ? sql`` : sql` and t.label = ${table}`;
  const [row] = await queryRows<
    CalendarSqlRow & {
      tables: TableLayoutEntry[];
      day_locked: boolean | null;
      transaction_start: Date;
    }
  >(
    tx,
    sql`with r as materialized (
          select name, time_zone, hours, special_dates, slot_minutes, turn_times, min_advance_minutes, max_advance_days
            from ${restaurants} where id = ${restaurantId} for key share)
        select r.*, (select coalesce(json_agg(json_build_object('label', c.label, 'seats', c.seats) order by c.label), '[]'::json)
                       from (select t.label, t.seats from ${restaurantTables} t
                              where t.restaurant_id = ${restaurantId}${named}
                              order by t.label for share) c) as tables,
               case when jsonb_array_length(r.hours) = 0
                    then (select true from tablebook_lock_days(array[${date}]::date[])) end as day_locked,
               now() as transaction_start
          from r`,
  );
  if (!row) throw notFound(`Restaurant ${restaurantId} does not exist`, 'restaurant');
  return {
    calendar: calendarOfSqlRow(row),
    tables: row.tables,
    wholeDayLocked: row.day_locked === true,
    transactionStart: new Date(row.transaction_start),
  };
}

export async function bookInTransaction(
  tx: Transaction,
  now: Date,
  request: Omit<BookingRequest, 'idempotencyKey'>,
  booker: Booker = 'admin',
): Promise<ReservationOutput> {
  const { calendar, tables, wholeDayLocked, transactionStart } = await lockCalendarAndTables(
    tx,
    request.restaurantId,
    request.table,
    request.date,
  );
  const partySize = request.partySize ?? DEFAULT_PARTY_SIZE;
  const placement = placeBooking(request, calendar, booker, now, partySize);
  const candidates = candidatesFor(tables, calendar, request.table, partySize);
  // A whole day locks its date alone, taken already; a turn's days depend on its calendar.
  if (!(placement.kind === 'day' && wholeDayLocked)) await lockDays(tx, placement.days);
  const load = await readBookingLoad(tx, {
    restaurantId: request.restaurantId,
    date: request.date,
    range: placement.range,
    pacingStart: pacingStartOf(placement),
  });
  const table = chooseTable(candidates, load.overlapping, { table: request.table, date: request.date, partySize }, placement, calendar);
  const where = { table, date: request.date, restaurantName: calendar.name };
  checkDailyLimits(load, { ...where, time: placement.kind === 'time' ? request.time : null });
  checkPacing(load, placement, partySize, calendar);
  // Every value of the new row is known here (the database's created and updated times are the
  // transaction's start, now()), so the insert, its outbox rows and its event are one statement.
  const row: Reservation = {
    id: randomUUID(),
    restaurantId: request.restaurantId,
    tableLabel: table,
    date: request.date,
    partySize,
    guestName: request.guestName ?? null,
    guestPhone: request.guestPhone ?? null,
    guestEmail: request.guestEmail ?? null,
    notes: request.notes ?? null,
    status: 'confirmed',
    cancelReason: null,
    cancellationCodeHash: request.cancellationCodeHash ?? null,
    createdAt: transactionStart,
    updatedAt: transactionStart,
    startTime: placement.kind === 'time' ? `${placement.time}:00` : null,
    durationMinutes: placement.kind === 'time' ? placement.held.durationMinutes : null,
    startsAt: new Date(load.range.startsAt),
    endsAt: new Date(load.range.endsAt),
    version: 1,
    language: request.language ?? DEFAULT_GUEST_LANGUAGE,
  };
  const { createdAt: _createdAt, updatedAt: _updatedAt, startsAt: _startsAt, endsAt: _endsAt, ...stored } = row;
  const insert = tx
    .insert(reservations)
    .values({ ...stored, startsAt: placement.range.startsAt, endsAt: placement.range.endsAt })
    .getSQL();
  const reservation = toReservationOutput(row, calendar.timeZone);
  // The day as counted under the lock, with this booking: the event does not count it again.
  const counts = { globalCount: load.globalCount + 1, restaurantCount: load.restaurantCount + 1, limits: load.limits };
  try {
    await insertAndRecord(tx, insert, { type: 'created', reservation, version: row.version, language: row.language, counts });
    return reservation;
  } catch (error) {
    // The id only names a vanished restaurant in the 404's message, never a refusal's details.
    rethrowConstraint(error, { ...where, restaurantId: request.restaurantId });
  }
}

/**
 * Runs a booking in a transaction (retried on a deadlock or serialization failure), at most once per
 * idempotency key when one is given.
 */
export async function runBooking<T>(
  db: Database,
  restaurantId: string,
  idempotency: IdempotencyScope | undefined,
  book: (tx: Transaction) => Promise<T>,
  current?: (stored: T) => Promise<T>,
): Promise<T> {
  try {
    if (idempotency) return await runIdempotent(db, idempotency, book, current);
    return await retryOnConflict(() => db.transaction(book, WRITE_TRANSACTION));
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (findPgError(error)?.code === PgErrorCode.foreignKeyViolation)
      throw notFound(`Restaurant ${restaurantId} does not exist`, 'restaurant');
    throw error;
  }
}

/**
 * Books a table. Every writer of a day holds that day's advisory lock while it counts and writes, so
 * the daily limits hold across processes; the exclusion constraint is the table rule's last word.
 * With an idempotency key the booking runs at most once per key and restaurant.
 */
export async function createReservation(db: Database, now: Date, request: BookingRequest): Promise<ReservationOutput> {
  const { idempotencyKey, ...rest } = request;
  // The language is how the guest is written to, not the booking: a retry that words it otherwise is the same request.
  const { language: _language, ...booking } = rest;
  const idempotency = idempotencyKey
    ? { scope: `reservation.create:${rest.restaurantId}`, key: idempotencyKey, request: booking }
    : undefined;
  return runBooking(
    db,
    rest.restaurantId,
    idempotency,
    (tx) => bookInTransaction(tx, now, rest),
    (stored) => getReservation(db, rest.restaurantId, stored.id),
  );
}
