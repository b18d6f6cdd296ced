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
 */
export function importKey(row: BookingRow, restaurantId: string): string {
  const content = bookingContent(row, restaurantId);
  // JSON of a fixed-order object, absent fields as null: unambiguous whatever the cells hold.
  const canonical = JSON.stringify(Object.values(content).map((value) => value ?? null));
  return `tablebook-import:${KEY_VERSION}:${createHash('sha256').update(canonical).digest('hex')}`;
}
