import type { Reservation, TablebookClient } from '@tablebook/client';
import { bookingContent } from './keys.ts';
import type { BookingRow } from './rows.ts';

const DEFAULT_PARTY_SIZE = 2;

/** The reservation holding the row's table that day (cancelled ones hold nothing), if any. */
export async function tableHolder(client: TablebookClient, restaurantId: string, row: BookingRow): Promise<Reservation | undefined> {
  const table = row.table.toUpperCase();
  const reservations = await client.reservation.list.query({ restaurantId, date: row.date });
  return reservations.find((reservation) => reservation.table === table && reservation.status !== 'cancelled');
}

/**
 * Whether an existing reservation is the booking the row describes: same table and day, and the same
 * party size and guest details (a column the row leaves out must be empty on the reservation too).
 */
export function isSameBooking(reservation: Reservation, row: BookingRow, restaurantId: string): boolean {
  const wanted = bookingContent(row, restaurantId);
  return (
    reservation.restaurantId === restaurantId &&
    reservation.table === wanted.table &&
    reservation.date === wanted.date &&
    reservation.partySize === (wanted.partySize ?? DEFAULT_PARTY_SIZE) &&
    reservation.guestName === (wanted.guestName ?? null) &&
    reservation.guestPhone === (wanted.guestPhone ?? null) &&
    reservation.guestEmail === (wanted.guestEmail ?? null) &&
    (reservation.notes ?? '') === (wanted.notes ?? '')
  );
}
