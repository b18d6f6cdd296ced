import type { Reservation, TablebookClient } from '@tablebook/client';
import { bookingContent } from './keys.ts';
import type { BookingRow } from './rows.ts';

const DEFAULT_PARTY_SIZE = 2;

/**
 * Whether an existing reservation is the booking the row describes: same day, time (none for a whole
 * day) and table (any, for a row that leaves the table to the API), and the same party size and guest
 * details (a column the row leaves out must be empty on the reservation too).
 */
function isSameBooking(reservation: Reservation, row: BookingRow, restaurantId: string): boolean {
  const wanted = bookingContent(row, restaurantId);
  return (
    reservation.restaurantId === restaurantId &&
    (wanted.table === '' || reservation.table === wanted.table) &&
    reservation.date === wanted.date &&
    reservation.time === (wanted.time ?? null) &&
    reservation.partySize === (wanted.partySize ?? DEFAULT_PARTY_SIZE) &&
    reservation.guestName === (wanted.guestName ?? null) &&
    reservation.guestPhone === (wanted.guestPhone ?? null) &&
    reservation.guestEmail === (wanted.guestEmail ?? null) &&
    (reservation.notes ?? '') === (wanted.notes ?? '')
  );
}

/**
 * The live reservation of the row's day that is the booking the row describes, if any. For a whole-day
 * row that can only be the one holding its table that day (a table holds one a day); a timed row's table
 * may hold several that day, and one whose table the API chose may be at any table. Reservations in
 * `skip` (those other rows already stand for) are left out.
 */
export async function findMatchingBooking(
  client: TablebookClient,
  restaurantId: string,
  row: BookingRow,
  skip: ReadonlySet<string> = new Set(),
): Promise<Reservation | undefined> {
  const reservations = await client.reservation.list.query({ restaurantId, date: row.date });
  return reservations.find(
    (reservation) => reservation.status !== 'cancelled' && !skip.has(reservation.id) && isSameBooking(reservation, row, restaurantId),
  );
}
