import { eq, sql } from 'drizzle-orm';
import { reservations, type Database, type Reservation } from '@tablebook/db';
import { AppError, invalidInput } from '../errors.ts';
import { booksWholeDays, turnMinutesFor, type RestaurantCalendar } from '../rules/opening-hours.ts';
import { isOverForGuest } from '../rules/guest-cancel.ts';
import { allowedNextStatuses, canChangeStatus, isMovable, type ReservationStatus } from '../rules/status.ts';
import { lockDaysFor, turnFrom, type Booker } from '../rules/timed-booking.ts';
import { formatClock, formatZoned, localDateTimeOf } from '../rules/zoned-time.ts';
import type { ReservationOutput } from '../schemas/reservation.ts';
import {
  checkDailyLimits,
  checkPacing,
  chooseTable,
  lockCandidateTables,
  pacingStartOf,
  planTime,
  refusePastDate,
  rethrowConstraint,
  timeNotOffered,
  wholeDayPlacement,
  type Placement,
} from './booking.ts';
import { instantRange, readBookingLoad } from './booking-load.ts';
import { recordEvent } from './reservation-events.ts';
import { clockOfStart, findReservation, toReservationOutput } from './reservation-rows.ts';
import { requireCalendar } from './restaurant-ref.ts';
import { lockDays, retryOnConflict, WRITE_TRANSACTION, type Transaction } from './transactions.ts';

/** A timed reservation may be seated this long before its start. */
const SEAT_EARLY_MINUTES = 60;

export interface ReservationChange {
  date?: string | undefined;
  time?: string | undefined;
  durationMinutes?: number | undefined;
  table?: string | undefined;
  partySize?: number | undefined;
  status?: ReservationStatus | undefined;
  guestName?: string | null | undefined;
  guestPhone?: string | null | undefined;
  guestEmail?: string | null | undefined;
  notes?: string | null | undefined;
  cancelReason?: string | null | undefined;
}

/**
 * A status change the machine refuses. The details name the booking (restaurant, table, day, start):
 * a guest cancelling with the code alone knows nothing else of it. A guest is not told the statuses
 * only the host stand may set.
 */
function refuseStatusChange(current: Reservation, next: ReservationStatus, calendar: RestaurantCalendar, by: Booker): never {
  const booking = { restaurantName: calendar.name, table: current.tableLabel, date: current.date, ...optionalTime(timeOf(current)) };
  if (current.status === 'cancelled') {
    throw new AppError({
      reason: 'ALREADY_CANCELLED',
      message: `Reservation ${current.id} is already cancelled`,
      details: booking,
    });
  }
  const allowed = allowedNextStatuses(current.status);
  throw new AppError({
    reason: 'ILLEGAL_STATUS_CHANGE',
    message: `Reservation ${current.id} cannot go from ${current.status} to ${next}${allowed.length ? ` (allowed: ${allowed.join(', ')})` : ' (its status is final)'}`,
    details: { from: current.status, to: next, ...(by === 'guest' ? {} : { allowed: [...allowed] }), ...booking },
  });
}

const optionalTime = (time: string | null) => (time === null ? {} : { time });

const heldOf = (row: Reservation) => ({ startsAt: row.startsAt.getTime(), endsAt: row.endsAt.getTime() });
const timeOf = (row: Reservation) => clockOfStart(row.startTime);

/** Where the reservation is asked to be: its day, start, turn, table and party after the change. */
interface Destination {
  date: string;
  time: string | null;
  durationMinutes: number | null;
  table: string;
  partySize: number;
}

function destinationOf(current: Reservation, change: ReservationChange, calendar: RestaurantCalendar): Destination {
  if (booksWholeDays(calendar) && current.startTime === null) {
    if (change.time !== undefined) throw timeNotOffered(calendar, 'time');
    if (change.durationMinutes !== undefined) throw timeNotOffered(calendar, 'durationMinutes');
  }
  if (current.startTime === null && change.time === undefined && change.durationMinutes !== undefined) {
    throw invalidInput([
      { path: 'time', message: 'a whole-day reservation has no turn: send a time with durationMinutes', code: 'turn_needs_time' },
    ]);
  }
  const partySize = change.partySize ?? current.partySize;
  const time = change.time ?? timeOf(current);
  const partyChanged = partySize !== current.partySize;
  // The turn follows the party only when the party changes and no duration is given.
  const durationMinutes =
    time === null
      ? null
      : (change.durationMinutes ??
        (partyChanged || current.durationMinutes === null ? turnMinutesFor(partySize, calendar.turnTimes) : current.durationMinutes));
  return { date: change.date ?? current.date, time, durationMinutes, table: change.table ?? current.tableLabel, partySize };
}

/** The new placement of a move: a changed start is checked like an admin's booking; an unchanged one keeps its instant. */
function placeMove(current: Reservation, to: Destination, calendar: RestaurantCalendar, now: Date): Placement {
  if (to.time === null) {
    return to.date === current.date
      ? { kind: 'day', range: instantRange(current.startsAt.getTime(), current.endsAt.getTime()), days: [current.date] }
      : wholeDayPlacement(to.date, calendar);
  }
  const duration = to.durationMinutes ?? turnMinutesFor(to.partySize, calendar.turnTimes);
  if (to.date === current.date && to.time === timeOf(current)) {
    const held = turnFrom(current.startsAt.getTime(), duration);
    if (!held) {
      throw new AppError({
        reason: 'CLOSED',
        message: `Reservation ${current.id}: a turn of ${duration} minutes would end after the year 9999`,
        details: { restaurantName: calendar.name, date: to.date, why: 'endsTooLate', time: to.time, durationMinutes: duration },
      });
    }
    return {
      kind: 'time',
      time: to.time,
      held,
      range: instantRange(held.startsAt, held.endsAt),
      days: lockDaysFor(to.date, held, calendar.timeZone),
    };
  }
  return planTime({ date: to.date, time: to.time, partySize: to.partySize, durationMinutes: duration }, calendar, 'admin', now);
}

/** A timed reservation's new end when it is completed or a no-show: the table is free from now on. */
function endOnClose(current: Reservation, now: Date): Date {
  const startsAt = current.startsAt.getTime();
  return new Date(Math.max(startsAt, Math.min(now.getTime(), current.endsAt.getTime())));
}

/** Too early to seat: the clocks come with their day (a reservation days ahead; 23:30 the day before a 00:30 start). */
function refuseEarlySeating(current: Reservation, calendar: RestaurantCalendar, now: Date) {
  const from = current.startsAt.getTime() - SEAT_EARLY_MINUTES * 60_000;
  if (current.startTime !== null && now.getTime() < from) {
    const seatable = localDateTimeOf(from, calendar.timeZone);
    throw new AppError({
      reason: 'ILLEGAL_STATUS_CHANGE',
      message: `Too early to seat the reservation at table ${current.tableLabel} of "${calendar.name}": it starts at ${timeOf(current)} on ${current.date}; it can be seated from ${formatClock(seatable.minutes)}${seatable.date !== current.date ? ` on ${seatable.date}` : ''} (${SEAT_EARLY_MINUTES} minutes before)`,
      details: {
        from: current.status,
        to: 'seated',
        restaurantName: calendar.name,
        table: current.tableLabel,
        date: current.date,
        startsAt: formatZoned(current.startsAt.getTime(), calendar.timeZone).slice(11, 16),
        seatableFrom: formatClock(seatable.minutes),
        ...(seatable.date !== current.date ? { seatableFromDate: seatable.date } : {}),
      },
    });
  }
}

/** A guest's cancel of a booking already over (rules/guest-cancel.ts) is refused; the host stand's is not. */
function refuseCancelWhenOver(current: Reservation, calendar: RestaurantCalendar, now: Date) {
  const span = { date: current.date, timed: current.startTime !== null, endsAt: current.endsAt.getTime() };
  if (!isOverForGuest(span, calendar.timeZone, now.getTime())) return;
  const time = timeOf(current);
  throw new AppError({
    reason: 'ALREADY_OVER',
    message: `Reservation ${current.id} at "${calendar.name}" (table ${current.tableLabel}, ${current.date}${time ? ` ${time}` : ''}) is already over; it can no longer be cancelled`,
    details: { restaurantName: calendar.name, table: current.tableLabel, date: current.date, ...optionalTime(time) },
  });
}

/** Whether any field a reader of the reservation sees differs (not updatedAt, not version). */
function changedForReaders(before: Reservation, after: Reservation): boolean {
  const instants = (row: Reservation) => [row.startsAt.getTime(), row.endsAt.getTime()];
  const fields = (row: Reservation) => [
    row.date,
    row.tableLabel,
    row.partySize,
    row.startTime,
    row.durationMinutes,
    row.status,
    row.guestName,
    row.guestPhone,
    row.guestEmail,
    row.notes,
    row.cancelReason,
    ...instants(row),
  ];
  const a = fields(before);
  const b = fields(after);
  return a.some((value, index) => value !== b[index]);
}

async function applyChange(
  tx: Transaction,
  now: Date,
  calendar: RestaurantCalendar,
  current: Reservation,
  change: ReservationChange,
  placement: Placement | null,
  to: Destination,
): Promise<ReservationOutput> {
  const closes = change.status === 'completed' || change.status === 'no_show';
  const timed = placement?.kind === 'time';
  const [row] = await tx
    .update(reservations)
    .set({
      date: to.date,
      tableLabel: to.table,
      partySize: to.partySize,
      ...(placement
        ? {
            // A kept start keeps its stored clock (a hand-written one may carry seconds): the trigger then
            // sees no new start, as the api's own judgement does.
            startTime: timed
              ? placement.time === timeOf(current) && to.date === current.date
                ? current.startTime
                : `${placement.time}:00`
              : null,
            durationMinutes: timed ? placement.held.durationMinutes : null,
            startsAt: placement.range.startsAt,
            endsAt: placement.range.endsAt,
          }
        : {}),
      ...(closes && current.startTime !== null ? { endsAt: endOnClose(current, now) } : {}),
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
  const reservation = toReservationOutput(row, calendar.timeZone);
  const moved = row.date !== current.date || row.tableLabel !== current.tableLabel || row.startsAt.getTime() !== current.startsAt.getTime();
  const type = change.status === 'cancelled' ? 'cancelled' : moved ? 'moved' : 'updated';
  // Any change of where or when the table is held (a longer turn, a turn ended early) says where it was:
  // the slots overlapping the old span are the ones that changed too.
  const spanChanged = moved || row.endsAt.getTime() !== current.endsAt.getTime();
  const before = toReservationOutput(current, calendar.timeZone);
  // A PATCH that changes nothing (a client's retry, a form saved as it was) tells no one: no live event,
  // no webhook, no e-mail. The row was written (its updatedAt and version moved), nothing anyone sees.
  if (!changedForReaders(current, row)) return reservation;
  const guestVisible = row.partySize !== current.partySize || (row.durationMinutes !== current.durationMinutes && !closes);
  await recordEvent(tx, {
    type,
    reservation,
    version: row.version,
    language: row.language,
    guestVisible,
    replanReminders: row.startsAt.getTime() !== current.startsAt.getTime() || row.guestEmail !== current.guestEmail,
    ...(spanChanged ? { previous: { date: before.date, table: before.table, startsAt: before.startsAt, endsAt: before.endsAt } } : {}),
  });
  return reservation;
}

/**
 * Changes a reservation in one transaction under the booking rules: a new day, time, turn, table or
 * party size is a move, checked like a new booking (its own place excluded); a status change follows
 * the status machine. If anything is refused, the reservation stays exactly as it was.
 */
export async function changeReservation(
  db: Database,
  now: Date,
  target: { restaurantId: string; reservationId: string },
  change: ReservationChange,
  options: { by?: Booker; attempt?: number } = {},
): Promise<ReservationOutput> {
  const { by = 'admin', attempt = 1 } = options;
  return retryOnConflict(async () => {
    // Read the reservation without a lock to learn its days, take the day locks in order, then lock
    // the row and check nothing changed meanwhile: the same order as bookings and cancels, so no deadlock.
    const before = await findReservation(db, target.restaurantId, target.reservationId);
    return db.transaction(async (tx) => {
      const calendar = await requireCalendar(tx, target.restaurantId, 'key share');
      const beforeTo = destinationOf(before, change, calendar);
      const statusChanges = change.status !== undefined && change.status !== before.status;
      const moves =
        beforeTo.date !== before.date ||
        beforeTo.table !== before.tableLabel ||
        beforeTo.partySize !== before.partySize ||
        beforeTo.time !== timeOf(before) ||
        beforeTo.durationMinutes !== before.durationMinutes;
      if (statusChanges && !canChangeStatus(before.status, change.status!)) refuseStatusChange(before, change.status!, calendar, by);
      if (change.status === 'cancelled' && before.status === 'cancelled') refuseStatusChange(before, 'cancelled', calendar, by);
      if (moves && !isMovable(before.status)) {
        if (before.status === 'cancelled') refuseStatusChange(before, 'cancelled', calendar, by);
        throw new AppError({
          reason: 'NOT_MOVABLE',
          message: `Reservation ${before.id} is ${before.status}; only a confirmed reservation can change its day, time, table or party size`,
          details: { status: before.status },
        });
      }
      if (moves && change.status === 'cancelled') {
        throw new AppError({
          reason: 'INVALID_INPUT',
          message: 'Invalid input: a cancelled reservation cannot also move',
          issues: [{ path: 'status', message: 'cancel, or move, not both', code: 'cancel_or_move' }],
        });
      }
      if (moves && beforeTo.date !== before.date) refusePastDate(beforeTo.date, calendar, now, beforeTo.time);
      const placement = moves ? placeMove(before, beforeTo, calendar, now) : null;
      const days = lockDaysFor(before.date, heldOf(before), calendar.timeZone).concat(placement?.days ?? []);
      const candidates = moves ? await lockCandidateTables(tx, target.restaurantId, calendar, beforeTo.table, beforeTo.partySize) : [];
      await lockDays(tx, days);
      const current = await findReservation(tx, target.restaurantId, target.reservationId, true);
      if (!unchanged(current, before)) throw new RetryableMove();
      if (change.status === 'seated' && statusChanges) refuseEarlySeating(current, calendar, now);
      // After the status machine: a booking already cancelled or seated says so first.
      if (change.status === 'cancelled' && by === 'guest') refuseCancelWhenOver(current, calendar, now);

      const relocates =
        placement !== null &&
        (beforeTo.table !== current.tableLabel || beforeTo.date !== current.date || placementDiffers(placement, current));
      const paced = placement !== null && judgesPacing(placement, current, beforeTo);
      if (placement && (relocates || paced)) {
        // Refusals in the booking's order: the table, the daily limits (a new day), then pacing.
        const load = await readBookingLoad(tx, {
          restaurantId: target.restaurantId,
          date: beforeTo.date,
          range: placement.range,
          excludeId: current.id,
          pacingStart: paced ? pacingStartOf(placement) : undefined,
        });
        if (relocates) {
          chooseTable(
            candidates,
            load.overlapping,
            { table: beforeTo.table, date: beforeTo.date, partySize: beforeTo.partySize },
            placement,
            calendar,
          );
        }
        if (relocates && beforeTo.date !== current.date) {
          checkDailyLimits(load, { table: beforeTo.table, date: beforeTo.date, restaurantName: calendar.name, time: beforeTo.time });
        }
        if (paced) checkPacing(load, placement, beforeTo.partySize, calendar);
      }
      try {
        return await applyChange(tx, now, calendar, current, change, placement, beforeTo);
      } catch (error) {
        rethrowConstraint(error, {
          table: beforeTo.table,
          date: beforeTo.date,
          restaurantName: calendar.name,
          restaurantId: target.restaurantId,
        });
      }
    }, WRITE_TRANSACTION);
  }).catch(async (error: unknown) => {
    // The reservation changed between the read and the lock: read it again (a few times at most).
    if (error instanceof RetryableMove) {
      if (attempt >= MAX_REREADS) {
        throw new AppError({
          reason: 'SERVICE_UNAVAILABLE',
          message: `Reservation ${target.reservationId} kept changing while being updated; try again`,
        });
      }
      return changeReservation(db, now, target, change, { by, attempt: attempt + 1 });
    }
    throw error;
  });
}

function placementDiffers(placement: Placement, current: Reservation): boolean {
  if (placement.kind === 'day') return current.startTime !== null;
  return placement.held.startsAt !== current.startsAt.getTime() || placement.held.endsAt !== current.endsAt.getTime();
}

/**
 * Whether a move is judged by pacing, as the reservation trigger decides (tablebook_reservation_change
 * in migration 0008): a timed place with a new day, a new start (clock or instant) or a larger party.
 * A move that keeps its start and does not grow the party is not re-judged, so lowering the pacing
 * never blocks changing a table or a turn's length. The move counts at its new start, itself left out.
 */
function judgesPacing(placement: Placement, current: Reservation, to: Destination): boolean {
  if (placement.kind !== 'time') return false;
  return (
    to.date !== current.date ||
    placement.time !== timeOf(current) ||
    placement.held.startsAt !== current.startsAt.getTime() ||
    to.partySize > current.partySize
  );
}

class RetryableMove extends Error {}

const MAX_REREADS = 5;

/** The row the change was planned from is still the row under the lock. */
const unchanged = (current: Reservation, before: Reservation) =>
  current.updatedAt.getTime() === before.updatedAt.getTime() &&
  current.date === before.date &&
  current.tableLabel === before.tableLabel &&
  current.status === before.status &&
  current.startsAt.getTime() === before.startsAt.getTime() &&
  current.endsAt.getTime() === before.endsAt.getTime();

/**
 * Cancels a confirmed reservation: its table and its place in the day's limits are free at once. A
 * guest (`by: 'guest'`) cannot cancel one already over (409 ALREADY_OVER); the host stand can.
 */
export async function cancelReservation(
  db: Database,
  now: Date,
  target: { restaurantId: string; reservationId: string },
  reason?: string | null,
  by: Booker = 'admin',
): Promise<ReservationOutput> {
  return changeReservation(db, now, target, { status: 'cancelled', ...(reason ? { cancelReason: reason } : {}) }, { by });
}
