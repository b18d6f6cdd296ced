/**
 * The reservation statuses, defined once: the database's column enum and CHECK (schema.ts; migration
 * 0002 holds the same list, test/statuses.test.ts keeps them equal), the api's status machine and the
 * web app's and CLI's lists. No imports, so browsers load it too (`@tablebook/db/statuses`).
 * Every status but `cancelled` holds its table and counts against the day's limits.
 */
export const RESERVATION_STATUSES = ['confirmed', 'seated', 'completed', 'cancelled', 'no_show'] as const;
export type ReservationStatus = (typeof RESERVATION_STATUSES)[number];
