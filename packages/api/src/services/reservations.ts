import { and, asc, desc, eq, ne, sql } from 'drizzle-orm';
import { findPgError, PgErrorCode, reservations, restaurants, restaurantTables, type Database, type Reservation } from '@tablebook/db';
import type { BookingSettings } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import { describeRefusal, firstBrokenRule, type BookingRefusal, type DayLoad } from '../rules/booking.ts';
import { isBefore, todayIn } from '../rules/calendar.ts';
import { canChangeStatus, allowedNextStatuses, isMovable, type ReservationStatus } from '../rules/status.ts';
import type { ReservationOutput } from '../schemas/reservation.ts';
import { DEFAULT_PARTY_SIZE } from '../schemas/reservation.ts';
import { runIdempotent, type IdempotencyScope } from './idempotency.ts';
import { preparedQuery, UNNAMED_STATEMENT } from './prepared.ts';
import { recordEvent } from './reservation-events.ts';
import { localDayRange } from './held-range.ts';
import { requireRestaurant } from './restaurant-ref.ts';
import { lockDays, retryOnConflict, type Queryable, type Transaction } from './transactions.ts';

function toReservationOutput(row: Reservation): ReservationOutput {
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
  };
}

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
      .orderBy(desc(reservations.date), asc(reservations.tableLabel), asc(reservations.createdAt))
      .prepare(UNNAMED_STATEMENT),
  );
}

export async function listReservations(
  db: Database,
  restaurantId: string,
  filter: { date?: string | undefined; status?: ReservationStatus | 'all' | undefined },
): Promise<ReservationOutput[]> {
  await requireRestaurant(db, restaurantId);
  const status = filter.status ?? 'live';
  const query = reservationList(db, { date: Boolean(filter.date), status: status === 'live' || status === 'all' ? status : 'one' });
  const rows = await query.execute({ restaurantId, date: filter.date, status });
  return rows.map(toReservationOutput);
}

async function findReservation(db: Queryable, restaurantId: string, reservationId: string, forUpdate = false): Promise<Reservation> {
  const query = db
    .select()
    .from(reservations)
    .where(and(eq(reservations.id, reservationId), eq(reservations.restaurantId, restaurantId)));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound(`Reservation ${reservationId} does not exist at restaurant ${restaurantId}`);
  return row;
}

export async function getReservation(db: Database, restaurantId: string, reservationId: string): Promise<ReservationOutput> {
  return toReservationOutput(await findReservation(db, restaurantId, reservationId));
}

/** The live (not cancelled) reservations of a day, read under that day's lock; `excludeId` leaves out a reservation being moved. */
async function readDayLoad(
  tx: Queryable,
  target: { restaurantId: string; date: string; table: string; excludeId?: string },
): Promise<DayLoad> {
  const live = sql`${reservations.status} <> 'cancelled'${target.excludeId ? sql` and ${reservations.id} <> ${target.excludeId}` : sql``}`;
  const [load] = await tx
    .select({
      globalCount: sql<number>`(count(*) filter (where ${live}))::int`,
      restaurantCount: sql<number>`(count(*) filter (where ${live} and ${reservations.restaurantId} = ${target.restaurantId}))::int`,
      tableTaken: sql<boolean>`coalesce(bool_or(${live} and ${reservations.restaurantId} = ${target.restaurantId} and ${reservations.tableLabel} = ${target.table}), false)`,
    })
    .from(reservations)
    .where(eq(reservations.date, target.date));
  return { globalCount: load?.globalCount ?? 0, restaurantCount: load?.restaurantCount ?? 0, tableTaken: load?.tableTaken ?? false };
}

const refusal = (reason: BookingRefusal, message: string) => new AppError({ reason, message });

/** A whole-day reservation of `date` at a restaurant, in the restaurant's zone. */
const wholeDayRange = (restaurantId: string, date: string) =>
  localDayRange(date, sql`(select ${restaurants.timeZone} from ${restaurants} where ${restaurants.id} = ${restaurantId})`);

function refusePastDate(date: string, settings: BookingSettings, now: Date) {
  const today = todayIn(settings.timeZone, now);
  if (isBefore(date, today)) {
    throw new AppError({
      reason: 'PAST_DATE',
      message: `Cannot book ${date}: it is before today (${today} in ${settings.timeZone})`,
      issues: [{ path: 'date', message: `date must be today (${today}) or later` }],
    });
  }
}

/**
 * The table must be in the layout and seat the party. Locks the table row FOR SHARE so a layout change
 * removing it waits for this booking (and then refuses, since the table has a reservation).
 */
async function requireTableFor(tx: Queryable, restaurantId: string, restaurantName: string, table: string, partySize: number) {
  const [row] = await tx
    .select({ seats: restaurantTables.seats })
    .from(restaurantTables)
    .where(and(eq(restaurantTables.restaurantId, restaurantId), eq(restaurantTables.label, table)))
    .for('share');
  if (!row) {
    throw new AppError({
      reason: 'UNKNOWN_TABLE',
      message: `"${restaurantName}" has no table ${table}`,
      issues: [{ path: 'table', message: `table ${table} is not in the restaurant's layout` }],
    });
  }
  if (partySize > row.seats) {
    throw new AppError({
      reason: 'PARTY_TOO_LARGE',
      message: `Table ${table} at "${restaurantName}" seats ${row.seats}; a party of ${partySize} does not fit`,
      issues: [{ path: 'partySize', message: `table ${table} seats at most ${row.seats}` }],
    });
  }
}

function checkRules(load: DayLoad, settings: BookingSettings, details: { table: string; date: string; restaurantName: string }) {
  const broken = firstBrokenRule(load, settings);
  if (broken) throw refusal(broken, describeRefusal(broken, { ...details, limits: settings }));
}

/** Maps the database's last word on the table rule and on a vanished restaurant. */
function rethrowConstraint(
  error: unknown,
  details: { table: string; date: string; restaurantName: string; restaurantId: string },
  settings: BookingSettings,
): never {
  const code = findPgError(error)?.code;
  if (code === PgErrorCode.exclusionViolation || code === PgErrorCode.uniqueViolation) {
    throw refusal('TABLE_ALREADY_BOOKED', describeRefusal('TABLE_ALREADY_BOOKED', { ...details, limits: settings }));
  }
  if (code === PgErrorCode.foreignKeyViolation) throw notFound(`Restaurant ${details.restaurantId} does not exist`);
  throw error;
}

export interface BookingRequest {
  restaurantId: string;
  table: string;
  date: string;
  partySize?: number | undefined;
  guestName?: string | null | undefined;
  guestPhone?: string | null | undefined;
  guestEmail?: string | null | undefined;
  notes?: string | null | undefined;
  idempotencyKey?: string | undefined;
  /** Set by guest bookings: the hash of the code that lets the guest cancel. */
  cancellationCodeHash?: string | undefined;
}

export async function bookInTransaction(
  tx: Transaction,
  settings: BookingSettings,
  now: Date,
  request: Omit<BookingRequest, 'idempotencyKey'>,
): Promise<ReservationOutput> {
  refusePastDate(request.date, settings, now);
  const restaurantName = await requireRestaurant(tx, request.restaurantId, 'key share');
  const partySize = request.partySize ?? DEFAULT_PARTY_SIZE;
  const details = { table: request.table, date: request.date, restaurantName, restaurantId: request.restaurantId };
  await requireTableFor(tx, request.restaurantId, restaurantName, request.table, partySize);
  await lockDays(tx, [request.date]);
  checkRules(await readDayLoad(tx, request), settings, details);
  try {
    const [row] = await tx
      .insert(reservations)
      .values({
        restaurantId: request.restaurantId,
        tableLabel: request.table,
        date: request.date,
        partySize,
        guestName: request.guestName ?? null,
        guestPhone: request.guestPhone ?? null,
        guestEmail: request.guestEmail ?? null,
        notes: request.notes ?? null,
        cancellationCodeHash: request.cancellationCodeHash ?? null,
        ...wholeDayRange(request.restaurantId, request.date),
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    const reservation = toReservationOutput(row);
    await recordEvent(tx, settings, { type: 'created', reservation });
    return reservation;
  } catch (error) {
    rethrowConstraint(error, details, settings);
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
): Promise<T> {
  try {
    if (idempotency) return await runIdempotent(db, idempotency, book);
    return await retryOnConflict(() => db.transaction(book));
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (findPgError(error)?.code === PgErrorCode.foreignKeyViolation) throw notFound(`Restaurant ${restaurantId} does not exist`);
    throw error;
  }
}

/**
 * Books a table. Every writer of a day holds that day's advisory lock while it counts and writes, so
 * the daily limits hold across processes; the partial unique index guards the table rule on its own.
 * With an idempotency key the booking runs at most once per key and restaurant.
 */
export async function createReservation(
  db: Database,
  settings: BookingSettings,
  now: Date,
  request: BookingRequest,
): Promise<ReservationOutput> {
  const { idempotencyKey, ...rest } = request;
  const idempotency = idempotencyKey ? { scope: `reservation.create:${rest.restaurantId}`, key: idempotencyKey, request: rest } : undefined;
  return runBooking(db, rest.restaurantId, idempotency, (tx) => bookInTransaction(tx, settings, now, rest));
}

export interface ReservationChange {
  date?: string | undefined;
  table?: string | undefined;
  partySize?: number | undefined;
  status?: ReservationStatus | undefined;
  guestName?: string | null | undefined;
  guestPhone?: string | null | undefined;
  guestEmail?: string | null | undefined;
  notes?: string | null | undefined;
  cancelReason?: string | null | undefined;
}

function refuseStatusChange(current: Reservation, next: ReservationStatus): never {
  if (current.status === 'cancelled') {
    throw new AppError({ reason: 'ALREADY_CANCELLED', message: `Reservation ${current.id} is already cancelled` });
  }
  const allowed = allowedNextStatuses(current.status);
  throw new AppError({
    reason: 'ILLEGAL_STATUS_CHANGE',
    message: `Reservation ${current.id} cannot go from ${current.status} to ${next}${allowed.length ? ` (allowed: ${allowed.join(', ')})` : ' (its status is final)'}`,
  });
}

/**
 * Changes a reservation in one transaction under the booking rules: a new day, table or party size is
 * a move, checked like a new booking (its own place excluded); a status change follows the status
 * machine. If anything is refused, the reservation stays exactly as it was.
 */
export async function changeReservation(
  db: Database,
  settings: BookingSettings,
  now: Date,
  target: { restaurantId: string; reservationId: string },
  change: ReservationChange,
): Promise<ReservationOutput> {
  return retryOnConflict(async () => {
    // Read the current day without a lock, take the day locks in order, then lock the row and check
    // it is still on that day: the same order as bookings and cancels, so no deadlock.
    const before = await findReservation(db, target.restaurantId, target.reservationId);
    return db.transaction(async (tx) => {
      const restaurantName = await requireRestaurant(tx, target.restaurantId, 'key share');
      const days = change.date && change.date !== before.date ? [before.date, change.date] : [before.date];
      await lockDays(tx, days);
      const current = await findReservation(tx, target.restaurantId, target.reservationId, true);
      if (current.date !== before.date) throw new RetryableMove();

      const statusChanges = change.status !== undefined && change.status !== current.status;
      if (statusChanges && !canChangeStatus(current.status, change.status!)) refuseStatusChange(current, change.status!);
      if (change.status === 'cancelled' && current.status === 'cancelled') refuseStatusChange(current, 'cancelled');

      const date = change.date ?? current.date;
      const table = change.table ?? current.tableLabel;
      const partySize = change.partySize ?? current.partySize;
      const moves = date !== current.date || table !== current.tableLabel || partySize !== current.partySize;
      if (moves) {
        if (!isMovable(current.status)) {
          if (current.status === 'cancelled') refuseStatusChange(current, 'cancelled');
          throw new AppError({
            reason: 'NOT_MOVABLE',
            message: `Reservation ${current.id} is ${current.status}; only a confirmed reservation can change its day, table or party size`,
          });
        }
        if (change.status === 'cancelled') {
          throw new AppError({
            reason: 'INVALID_INPUT',
            message: 'Invalid input: a cancelled reservation cannot also move',
            issues: [{ path: 'status', message: 'cancel, or move, not both' }],
          });
        }
        if (date !== current.date) refusePastDate(date, settings, now);
        await requireTableFor(tx, target.restaurantId, restaurantName, table, partySize);
        if (date !== current.date || table !== current.tableLabel) {
          checkRules(await readDayLoad(tx, { restaurantId: target.restaurantId, date, table, excludeId: current.id }), settings, {
            table,
            date,
            restaurantName,
          });
        }
      }
      try {
        const [row] = await tx
          .update(reservations)
          .set({
            date,
            tableLabel: table,
            partySize,
            ...(date !== current.date ? wholeDayRange(target.restaurantId, date) : {}),
            ...(change.status !== undefined ? { status: change.status } : {}),
            ...(change.guestName !== undefined ? { guestName: change.guestName } : {}),
            ...(change.guestPhone !== undefined ? { guestPhone: change.guestPhone } : {}),
            ...(change.guestEmail !== undefined ? { guestEmail: change.guestEmail } : {}),
            ...(change.notes !== undefined ? { notes: change.notes } : {}),
            ...(change.cancelReason !== undefined ? { cancelReason: change.cancelReason } : {}),
            updatedAt: sql`now()`,
          })
          .where(eq(reservations.id, current.id))
          .returning();
        if (!row) throw new Error('update returned no row');
        const reservation = toReservationOutput(row);
        const type =
          change.status === 'cancelled' ? 'cancelled' : date !== current.date || table !== current.tableLabel ? 'moved' : 'updated';
        await recordEvent(tx, settings, { type, reservation, previousDate: current.date });
        return reservation;
      } catch (error) {
        rethrowConstraint(error, { table, date, restaurantName, restaurantId: target.restaurantId }, settings);
      }
    });
  }).catch(async (error: unknown) => {
    // The reservation moved to another day between the read and the lock: read it again, once more.
    if (error instanceof RetryableMove) return changeReservation(db, settings, now, target, change);
    throw error;
  });
}

class RetryableMove extends Error {}

/** Cancels a confirmed reservation: its table and its place in the day's limits are free at once. */
export async function cancelReservation(
  db: Database,
  settings: BookingSettings,
  now: Date,
  target: { restaurantId: string; reservationId: string },
  reason?: string | null,
): Promise<ReservationOutput> {
  return changeReservation(db, settings, now, target, { status: 'cancelled', ...(reason ? { cancelReason: reason } : {}) });
}
