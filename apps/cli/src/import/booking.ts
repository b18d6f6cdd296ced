import { TablebookError, type Restaurant, type TablebookClient } from '@tablebook/client';
import { InputError } from '../errors.ts';
import { exitCodeFor, ExitCode } from '../exit-codes.ts';
import { normalizeName } from '../resolve/names.ts';
import { resolveRestaurant } from '../resolve/restaurant.ts';
import type { RowResult } from './results.ts';
import type { BookingRow } from './rows.ts';

/** A row ready to send: its restaurant found, and the key that names this booking across runs. */
export interface PlannedBooking {
  row: BookingRow;
  restaurant: Restaurant;
  /**
   * The same booking (restaurant, table, day) always gets the same key, whichever file or run it comes
   * from: once the API takes idempotency keys, sending it makes a re-run or a retry after a lost
   * answer safe by construction, not only through TABLE_ALREADY_BOOKED.
   */
  key: string;
}

export function planBooking(row: BookingRow, restaurant: Restaurant): PlannedBooking {
  // encodeURIComponent keeps the key printable ASCII whatever characters the table label has.
  const key = `import:${restaurant.id}:${encodeURIComponent(row.table.toUpperCase())}:${row.date}`;
  return { row, restaurant, key };
}

/** Finds each restaurant named in the file once, however many rows name it (errors included). */
export function restaurantLookup(client: TablebookClient): (name: string) => Promise<Restaurant> {
  const found = new Map<string, Promise<Restaurant>>();
  return (name) => {
    const key = normalizeName(name);
    let restaurant = found.get(key);
    if (!restaurant) {
      restaurant = resolveRestaurant(client, name);
      // Rejections are read per row; mark this one handled so an unread one does not crash the process.
      restaurant.catch(() => undefined);
      found.set(key, restaurant);
    }
    return restaurant;
  };
}

/** Errors that would fail every further row the same way. */
const stopsTheImport = (error: TablebookError) =>
  exitCodeFor(error) !== ExitCode.refusedOrInvalid || error.reason === 'RATE_LIMITED';

/**
 * The row's outcome for an error the API or the lookup gave. An error that would fail every further
 * row too (server unreachable, not authorised, rate limited) is thrown on: the import stops there,
 * and since a re-run is safe, the person fixes the cause and runs it again.
 */
function failedRow(row: BookingRow, error: unknown): RowResult {
  if (error instanceof InputError) return { ...row, outcome: 'invalid', message: error.message };
  if (!(error instanceof TablebookError) || stopsTheImport(error)) throw error;
  const outcome =
    error.reason === 'TABLE_ALREADY_BOOKED'
      ? 'already-booked'
      : error.reason === 'INVALID_INPUT' || error.reason === 'NOT_FOUND'
        ? 'invalid'
        : 'refused';
  return { ...row, outcome, reason: error.reason, message: error.message };
}

export async function sendBooking(client: TablebookClient, booking: PlannedBooking): Promise<RowResult> {
  const { row, restaurant } = booking;
  try {
    // The place to add `idempotencyKey: booking.key` once the API accepts it.
    const reservation = await client.reservation.create.mutate({ restaurantId: restaurant.id, table: row.table, date: row.date });
    return { ...row, outcome: 'booked', reservation };
  } catch (error) {
    return failedRow(row, error);
  }
}

export async function importRow(
  client: TablebookClient,
  findRestaurant: (name: string) => Promise<Restaurant>,
  row: BookingRow,
): Promise<RowResult> {
  let restaurant: Restaurant;
  try {
    restaurant = await findRestaurant(row.restaurant);
  } catch (error) {
    return failedRow(row, error);
  }
  return sendBooking(client, planBooking(row, restaurant));
}
