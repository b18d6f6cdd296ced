import { createHash } from 'node:crypto';
import type { BookingRow } from './rows.ts';

/** Bumped if the derivation ever changes, so an old key is never taken for a new one's request. */
const KEY_VERSION = 'v1';

/** What a row asks the API for, in a fixed order: the parts that make it this booking and no other. */
export function bookingContent(row: BookingRow, restaurantId: string) {
  return {
    restaurantId,
    // The API upper-cases labels: "a1" and "A1" are the same table and the same booking.
    table: row.table.toUpperCase(),
    date: row.date,
    guestName: row.guestName,
    guestPhone: row.guestPhone,
    guestEmail: row.guestEmail,
    partySize: row.partySize,
    notes: row.notes,
    // Last, and only when given: a whole-day row keeps the key it had before rows could have a time.
    ...(row.time === undefined ? {} : { time: row.time }),
  };
}

/**
 * The idempotency key of a row: a hash of its content (restaurant id, table, day, time and guest columns),
 * so the same booking gets the same key whichever file, line or run it comes from, and a re-run
 * replays the first answer instead of booking again. Printable ASCII, 76 characters.
 *
 * A row that leaves its table to the API asks for *a* table, so identical such rows are as many
 * bookings (two parties of 2 at 19:00): `occurrence` is the row's number among the identical rows of
 * its file (1 for the first), and from the second on it is part of the key. The Nth identical row
 * gets the same key in every run of the file, so a re-run still replays each one's answer; the first
 * keeps the key it had before. A row with a table names one booking: identical ones share a key.
 */
export function importKey(row: BookingRow, restaurantId: string, occurrence = 1): string {
  const content: unknown[] = Object.values(bookingContent(row, restaurantId));
  if (row.table === '' && occurrence > 1) content.push(occurrence);
  // JSON of a fixed-order array, absent fields as null: unambiguous whatever the cells hold.
  const canonical = JSON.stringify(content.map((value) => value ?? null));
  return `tablebook-import:${KEY_VERSION}:${createHash('sha256').update(canonical).digest('hex')}`;
}
