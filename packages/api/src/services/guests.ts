import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { reservations, restaurants, type Database } from '@tablebook/db';
import { AppError, notFound } from '../errors.ts';
import { verifyCancelToken } from '../rules/cancel-token.ts';
import { CODE_ALPHABET, canonicalCancellationCode } from '../rules/cancellation-code.ts';
import type { GuestBookingInput, GuestBookingOutput, GuestCancelByCodeOutput } from '../schemas/guest.ts';
import type { ReservationOutput } from '../schemas/reservation.ts';
import { cancelTokenKey } from './app-secrets.ts';
import { getReservation } from './reservations.ts';
import { bookInTransaction, runBooking } from './booking.ts';
import { cancelReservation } from './reservation-change.ts';
import type { Transaction } from './transactions.ts';

/** Twelve characters, 60 random bits. */
function newCancellationCode(): string {
  const bytes = randomBytes(12);
  return Array.from(bytes, (byte) => CODE_ALPHABET[byte % 32]).join('');
}

/** Every lookup and every new code hash the canonical form: a code read back as typed finds its booking. */
const hashCancellationCode = (code: string) => createHash('sha256').update(canonicalCancellationCode(code)).digest('hex');

type GuestBooking = Omit<GuestBookingInput, 'idempotencyKey' | 'partySize' | 'durationMinutes'> & { partySize?: number | undefined };

/** What a guest sees of a reservation: no one else's data, and the code that lets them cancel. */
const guestView = (reservation: ReservationOutput, cancellationCode: string): GuestBookingOutput => ({
  id: reservation.id,
  restaurantId: reservation.restaurantId,
  table: reservation.table,
  date: reservation.date,
  time: reservation.time,
  durationMinutes: reservation.durationMinutes,
  startsAt: reservation.startsAt,
  endsAt: reservation.endsAt,
  partySize: reservation.partySize,
  guestName: reservation.guestName ?? '',
  status: reservation.status,
  createdAt: reservation.createdAt,
  language: reservation.language,
  cancellationCode,
});

/** A collision is about 1 in 2^60 per live code: a third in a row means something else is wrong. */
const CODE_ATTEMPTS = 3;

/**
 * A code no live booking has: a code must name one booking (the unique index of migration 0010 is the
 * last word; this read keeps a collision from surfacing as that index's refusal).
 */
async function freshCode(tx: Transaction, newCode: () => string): Promise<{ code: string; hash: string }> {
  for (let attempt = 1; ; attempt += 1) {
    const code = newCode();
    const hash = hashCancellationCode(code);
    const [taken] = await tx.select({ id: reservations.id }).from(reservations).where(eq(reservations.cancellationCodeHash, hash)).limit(1);
    if (!taken) return { code, hash };
    if (attempt >= CODE_ATTEMPTS) throw new Error(`${CODE_ATTEMPTS} cancellation codes in a row were taken`);
  }
}

export async function bookAsGuest(
  db: Database,
  now: Date,
  input: GuestBooking & { idempotencyKey?: string | undefined },
  /** Where codes come from; a test passes a fixed one to force a collision. */
  newCode: () => string = newCancellationCode,
): Promise<GuestBookingOutput> {
  const { idempotencyKey, ...request } = input;
  const book = async (tx: Transaction): Promise<GuestBookingOutput> => {
    const { code, hash } = await freshCode(tx, newCode);
    const reservation = await bookInTransaction(tx, now, { ...request, cancellationCodeHash: hash }, 'guest');
    return guestView(reservation, code);
  };
  // A replay shows the booking as it is now, with the code it was given.
  const current = async (stored: GuestBookingOutput) =>
    guestView(await getReservation(db, request.restaurantId, stored.id), stored.cancellationCode);
  // The language is how the guest is written to, not the booking: a retry that words it otherwise is the same request.
  const { language: _language, ...booking } = request;
  const idempotency = idempotencyKey
    ? { scope: `guest.book:${request.restaurantId}`, key: idempotencyKey, request: booking, secret: true }
    : undefined;
  return runBooking(db, request.restaurantId, idempotency, book, current);
}

export async function cancelAsGuest(
  db: Database,
  now: Date,
  target: { restaurantId: string; reservationId: string; cancellationCode: string },
) {
  const [row] = await db
    .select({ hash: reservations.cancellationCodeHash })
    .from(reservations)
    .where(and(eq(reservations.id, target.reservationId), eq(reservations.restaurantId, target.restaurantId)));
  if (!row) throw notFound(`Reservation ${target.reservationId} does not exist at restaurant ${target.restaurantId}`, 'reservation');
  const given = Buffer.from(hashCancellationCode(target.cancellationCode), 'hex');
  const expected = row.hash ? Buffer.from(row.hash, 'hex') : undefined;
  if (!expected || !timingSafeEqual(given, expected)) {
    throw new AppError({
      reason: 'INVALID_CANCELLATION_CODE',
      message: 'The cancellation code does not match this reservation',
    });
  }
  const cancelled = await cancelReservation(db, now, target, 'Cancelled by the guest', 'guest');
  return { id: cancelled.id, restaurantId: cancelled.restaurantId, table: cancelled.table, date: cancelled.date, status: cancelled.status };
}

/**
 * Cancels the booking a code names, with nothing else to type. The lookup is by the code's SHA-256
 * through a unique index: what the database compares is a hash, so how long an answer takes says
 * nothing about how close a guess came, and an unknown code is a plain 404 (NOT_FOUND). At 60 random
 * bits and the guest-booking rate limit, guessing a live code is out of reach.
 *
 * Or the booking a cancel link's token names (issue 17): a token that does not verify under the
 * shared key is 403 INVALID_CANCEL_TOKEN; a valid one cancels exactly as the code does.
 */
export async function cancelAsGuestByCode(
  db: Database,
  now: Date,
  input: { cancellationCode?: string | undefined; cancelToken?: string | undefined },
): Promise<GuestCancelByCodeOutput> {
  const target = db
    .select({ id: reservations.id, restaurantId: reservations.restaurantId, restaurantName: restaurants.name })
    .from(reservations)
    .innerJoin(restaurants, eq(restaurants.id, reservations.restaurantId));
  let row: { id: string; restaurantId: string; restaurantName: string } | undefined;
  if (input.cancelToken !== undefined) {
    const reservationId = verifyCancelToken(input.cancelToken, await cancelTokenKey(db));
    if (reservationId === null) {
      throw new AppError({ reason: 'INVALID_CANCEL_TOKEN', message: 'The cancel link is not valid: its token does not verify' });
    }
    [row] = await target.where(eq(reservations.id, reservationId));
    // Signed by this installation for a booking since deleted (with its restaurant).
    if (!row) throw notFound('The booking of this cancel link no longer exists', 'reservation');
  } else {
    [row] = await target.where(eq(reservations.cancellationCodeHash, hashCancellationCode(input.cancellationCode ?? '')));
    if (!row) throw notFound('No booking has this cancellation code', 'reservation');
  }
  // The same change as a cancel with the ids: 409 ALREADY_CANCELLED, ILLEGAL_STATUS_CHANGE, ALREADY_OVER, one event.
  const cancelled = await cancelReservation(
    db,
    now,
    { restaurantId: row.restaurantId, reservationId: row.id },
    'Cancelled by the guest',
    'guest',
  );
  return {
    id: cancelled.id,
    restaurantId: cancelled.restaurantId,
    restaurantName: row.restaurantName,
    table: cancelled.table,
    date: cancelled.date,
    time: cancelled.time,
    startsAt: cancelled.startsAt,
    endsAt: cancelled.endsAt,
    partySize: cancelled.partySize,
    status: cancelled.status,
  };
}
