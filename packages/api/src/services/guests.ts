import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { reservations, type Database } from '@tablebook/db';
import { AppError, notFound } from '../errors.ts';
import type { GuestBookingInput, GuestBookingOutput } from '../schemas/guest.ts';
import type { ReservationOutput } from '../schemas/reservation.ts';
import { getReservation } from './reservations.ts';
import { bookInTransaction, runBooking } from './booking.ts';
import { cancelReservation } from './reservation-change.ts';
import type { Transaction } from './transactions.ts';

/** Crockford's base32 without look-alikes: easy to read out on the phone. */
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Twelve characters, 60 random bits. */
function newCancellationCode(): string {
  const bytes = randomBytes(12);
  return Array.from(bytes, (byte) => CODE_ALPHABET[byte % 32]).join('');
}

const hashCancellationCode = (code: string) => createHash('sha256').update(code.trim().toUpperCase().replace(/[\s-]/g, '')).digest('hex');

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
  cancellationCode,
});

export async function bookAsGuest(
  db: Database,
  now: Date,
  input: GuestBooking & { idempotencyKey?: string | undefined },
): Promise<GuestBookingOutput> {
  const { idempotencyKey, ...request } = input;
  const book = async (tx: Transaction): Promise<GuestBookingOutput> => {
    const code = newCancellationCode();
    const reservation = await bookInTransaction(tx, now, { ...request, cancellationCodeHash: hashCancellationCode(code) }, 'guest');
    return guestView(reservation, code);
  };
  // A replay shows the booking as it is now, with the code it was given.
  const current = async (stored: GuestBookingOutput) =>
    guestView(await getReservation(db, request.restaurantId, stored.id), stored.cancellationCode);
  const idempotency = idempotencyKey
    ? { scope: `guest.book:${request.restaurantId}`, key: idempotencyKey, request, secret: true }
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
  if (!row) throw notFound(`Reservation ${target.reservationId} does not exist at restaurant ${target.restaurantId}`);
  const given = Buffer.from(hashCancellationCode(target.cancellationCode), 'hex');
  const expected = row.hash ? Buffer.from(row.hash, 'hex') : undefined;
  if (!expected || !timingSafeEqual(given, expected)) {
    throw new AppError({
      reason: 'INVALID_CANCELLATION_CODE',
      message: 'The cancellation code does not match this reservation',
    });
  }
  const cancelled = await cancelReservation(db, now, target, 'Cancelled by the guest');
  return { id: cancelled.id, restaurantId: cancelled.restaurantId, table: cancelled.table, date: cancelled.date, status: cancelled.status };
}
