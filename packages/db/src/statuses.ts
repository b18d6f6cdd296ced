/**
 * The reservation statuses, defined once: the database's column enum and CHECK (schema.ts; migration
 * 0002 holds the same list, test/statuses.test.ts keeps them equal), the api's status machine and the
 * web app's and CLI's lists. No imports, so browsers load it too (`@tablebook/db/statuses`).
 * Every status but `cancelled` holds its table and counts against the day's limits.
 */
export const RESERVATION_STATUSES = ['confirmed', 'seated', 'completed', 'cancelled', 'no_show'] as const;
export type ReservationStatus = (typeof RESERVATION_STATUSES)[number];

/**
 * The outbox's kinds, channels and statuses (issue 17), defined once the same way: the database's
 * CHECKs (schema.ts, migration 0012), the sender, the admin API's filters, the web app's Messages page
 * and the CLI's flags.
 * pending: waiting for its time (or its next attempt); sending: claimed by a process until its lease
 * ends; sent; dead: out of attempts (an admin may retry it); dropped: no longer to be sent (a reminder
 * of a moved, cancelled or past reservation, an e-mail about a visit that is over).
 */
export const OUTBOX_KINDS = ['confirmation', 'change', 'cancellation', 'reminder'] as const;
export const OUTBOX_CHANNELS = ['email', 'webhook'] as const;
export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'dead', 'dropped'] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];
export type OutboxChannel = (typeof OUTBOX_CHANNELS)[number];
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** The events a webhook endpoint may subscribe to (or `*`, every one), one per kind of reservation change. */
export const WEBHOOK_EVENT_TYPES = ['reservation.created', 'reservation.updated', 'reservation.moved', 'reservation.cancelled'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** The languages guests are written to in (a booking's `language`). */
export const GUEST_LANGUAGES = ['es-CO', 'en'] as const;
