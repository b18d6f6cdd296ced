import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  primaryKey,
  serial,
  text,
  time,
  timestamp,
  uniqueIndex,
  unique,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { GUEST_LANGUAGES, OUTBOX_CHANNELS, OUTBOX_KINDS, OUTBOX_STATUSES, RESERVATION_STATUSES, WEBHOOK_EVENT_TYPES } from './statuses.ts';

export const departments = pgTable('departments', {
  id: serial('id').primaryKey(),
  name: text('name').notNull().unique(),
});

export const cities = pgTable(
  'cities',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    departmentId: integer('department_id')
      .notNull()
      .references(() => departments.id),
  },
  (t) => [unique('cities_department_name_unique').on(t.departmentId, t.name)],
);

export const restaurants = pgTable(
  'restaurants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: varchar('name', { length: 250 }).notNull(),
    address: varchar('address', { length: 250 }).notNull(),
    description: varchar('description', { length: 250 }).notNull(),
    photoUrl: varchar('photo_url', { length: 250 }).notNull(),
    cityId: integer('city_id')
      .notNull()
      .references(() => cities.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    /** The IANA zone of the restaurant's clock: its "today", its hours and every local time. */
    timeZone: text('time_zone').notNull().default('America/Bogota'),
    /** `[{day, opens, closes}]`; empty = the seed's whole-day booking. */
    hours: jsonb('hours').$type<{ day: string; opens: string; closes: string }[]>().notNull().default([]),
    specialDates: jsonb('special_dates').$type<{ date: string; hours: { opens: string; closes: string }[] }[]>().notNull().default([]),
    slotMinutes: integer('slot_minutes').notNull().default(30),
    turnTimes: jsonb('turn_times')
      .$type<{ maxPartySize: number; minutes: number }[]>()
      .notNull()
      .default([
        { maxPartySize: 2, minutes: 90 },
        { maxPartySize: 4, minutes: 120 },
        { maxPartySize: 20, minutes: 150 },
      ]),
    minAdvanceMinutes: integer('min_advance_minutes').notNull().default(0),
    maxAdvanceDays: integer('max_advance_days'),
    /** This restaurant's daily limit; null = the stored default (`settings.restaurant_daily_limit`). */
    dailyLimit: integer('daily_limit'),
    /** Pacing: at most `pacing_max_covers` guests start in each interval of this many minutes from local midnight. */
    pacingIntervalMinutes: integer('pacing_interval_minutes'),
    pacingMaxCovers: integer('pacing_max_covers'),
    /** Minutes before a timed reservation's start at which its guest is reminded by e-mail (issue 17). */
    reminders: jsonb('reminders').$type<number[]>().notNull().default([1440, 120]),
  },
  (t) => [
    index('restaurants_name_idx').on(t.name),
    // Name-prefix search (`lower(name) like 'ca%'`) in any collation: text_pattern_ops compares bytes.
    index('restaurants_name_prefix_idx').using('btree', sql`lower(${t.name}) text_pattern_ops`),
    index('restaurants_city_idx').on(t.cityId),
    check('restaurants_name_length', sql`char_length(${t.name}) between 2 and 250`),
    check('restaurants_slot_minutes_known', sql`${t.slotMinutes} in (15, 30, 60)`),
    check('restaurants_min_advance_range', sql`${t.minAdvanceMinutes} between 0 and 525600`),
    check('restaurants_max_advance_range', sql`${t.maxAdvanceDays} is null or ${t.maxAdvanceDays} between 1 and 3650`),
    check('restaurants_daily_limit_range', sql`${t.dailyLimit} is null or ${t.dailyLimit} between 1 and 1000000`),
    check(
      'restaurants_pacing_valid',
      sql`(${t.pacingIntervalMinutes} is null and ${t.pacingMaxCovers} is null) or (${t.pacingIntervalMinutes} in (15, 30, 60) and ${t.pacingMaxCovers} between 1 and 10000 and jsonb_array_length(${t.hours}) > 0)`,
    ),
  ],
);

/** A CHECK's list, `'confirmed', 'seated', …`: the values are plain identifiers (no quoting to escape). */
const listOf = (values: readonly string[]) => sql.raw(values.map((value) => `'${value}'`).join(', '));
const knownStatuses = listOf(RESERVATION_STATUSES);

export const reservations = pgTable(
  'reservations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    restaurantId: uuid('restaurant_id')
      .notNull()
      .references(() => restaurants.id, { onDelete: 'cascade' }),
    tableLabel: varchar('table_label', { length: 2 }).notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    guestName: varchar('guest_name', { length: 120 }),
    guestPhone: varchar('guest_phone', { length: 32 }),
    guestEmail: varchar('guest_email', { length: 254 }),
    partySize: integer('party_size').notNull().default(2),
    notes: varchar('notes', { length: 500 }),
    status: text('status', { enum: RESERVATION_STATUSES }).notNull().default('confirmed'),
    cancelReason: varchar('cancel_reason', { length: 500 }),
    /** SHA-256 of the guest's cancellation code; the code itself is never stored. */
    cancellationCodeHash: varchar('cancellation_code_hash', { length: 64 }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    /** The local start ("HH:MM:SS"); null for a whole-day reservation. */
    startTime: time('start_time'),
    /** The turn; null for a whole-day reservation. */
    durationMinutes: integer('duration_minutes'),
    /**
     * The instants the table is held: a whole-day reservation from its local midnight to the next. The
     * table rule is the exclusion constraint `reservations_table_no_overlap` (migration 0006, btree_gist):
     * no two live reservations of one table overlap, whole-day and timed alike.
     */
    startsAt: timestamp('starts_at', { withTimezone: true, mode: 'date' }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true, mode: 'date' }).notNull(),
    /**
     * Bumped by the database on every update (trigger `reservations_version`, migration 0012), for any
     * writer: a message in the outbox names the version it reports, so one change is never queued twice.
     */
    version: integer('version').notNull().default(1),
    /** The guest's language for messages: 'es-CO' or 'en' (null on rows made before issue 17: es-CO). */
    language: text('language'),
  },
  (t) => [
    index('reservations_date_idx').on(t.date),
    /**
     * The live reservations of a day, for the daily limits' count (the reservation triggers, migration
     * 0014): an index-only count of the day's entries instead of reading every row of it for its status.
     */
    index('reservations_live_date_idx').on(t.date).where(sql`${t.status} <> 'cancelled'`),
    check('reservations_language_known', sql`${t.language} is null or ${t.language} in (${listOf(GUEST_LANGUAGES)})`),
    index('reservations_restaurant_date_idx').on(t.restaurantId, t.date),
    check(
      'reservations_table_label_normalised',
      sql`char_length(${t.tableLabel}) between 1 and 2 and ${t.tableLabel} = upper(btrim(${t.tableLabel}))`,
    ),
    check('reservations_party_size_range', sql`${t.partySize} between 1 and 20`),
    check('reservations_status_known', sql`${t.status} in (${knownStatuses})`),
    check('reservations_range_ordered', sql`${t.endsAt} >= ${t.startsAt}`),
    check('reservations_duration_range', sql`${t.durationMinutes} is null or ${t.durationMinutes} between 15 and 720`),
    index('reservations_restaurant_starts_idx').on(t.restaurantId, t.startsAt),
    /**
     * A guest may cancel with the code alone (POST /api/reservations/cancel): the lookup is by the code's
     * hash, so it needs an index, and a code must name one booking (a code already held, about 1 in 2^60
     * per live code, is drawn again when the guest books).
     */
    uniqueIndex('reservations_cancellation_code_idx').on(t.cancellationCodeHash).where(sql`${t.cancellationCodeHash} is not null`),
  ],
);

/** A restaurant's floor: its tables and how many people each seats. */
export const restaurantTables = pgTable(
  'restaurant_tables',
  {
    restaurantId: uuid('restaurant_id')
      .notNull()
      .references(() => restaurants.id, { onDelete: 'cascade' }),
    label: varchar('label', { length: 2 }).notNull(),
    seats: integer('seats').notNull(),
  },
  (t) => [
    primaryKey({ name: 'restaurant_tables_pk', columns: [t.restaurantId, t.label] }),
    check('restaurant_tables_seats_range', sql`${t.seats} between 1 and 20`),
    check('restaurant_tables_label_normalised', sql`char_length(${t.label}) between 1 and 2 and ${t.label} = upper(btrim(${t.label}))`),
  ],
);

/** Results of idempotent requests, replayed when the same key comes again. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    scope: varchar('scope', { length: 300 }).notNull(),
    /** SHA-256 of the caller's key: the key can unseal secrets in the stored response, so it is not kept. */
    key: varchar('key', { length: 255 }).notNull(),
    requestHash: varchar('request_hash', { length: 64 }).notNull(),
    responseStatus: integer('response_status').notNull(),
    responseBody: jsonb('response_body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'idempotency_keys_pk', columns: [t.scope, t.key] }), index('idempotency_keys_created_idx').on(t.createdAt)],
);

/**
 * Ids of reservation events, handed out by a sequence (migration 0013): no row lock held until commit,
 * so writers of unrelated days never wait for each other's commits. Ids are therefore not in commit
 * order; the reader (api events/hub.ts) delivers them in id order only up to the first id still being
 * written, so a reader that saw id N has still seen every event below N.
 */
export const reservationEventIds = pgSequence('reservation_events_id_seq', { startWith: 1, cache: 1 });

/**
 * Changes to reservations, for live streams and for resuming them. A `limits` event is a change of the
 * rules that decide every day (migration 0011): the stored limits (no restaurant) or one restaurant's
 * own limit or pacing; it has no day.
 */
export const reservationEvents = pgTable(
  'reservation_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().default(sql`nextval('reservation_events_id_seq')`),
    /** Null only for a `limits` event of the stored settings (every restaurant). */
    restaurantId: uuid('restaurant_id').references(() => restaurants.id, { onDelete: 'cascade' }),
    /** Null only for a `limits` event (it concerns every day). */
    date: date('date', { mode: 'string' }),
    /** For a move: the day the reservation left. */
    previousDate: date('previous_date', { mode: 'string' }),
    type: text('type', { enum: ['created', 'updated', 'moved', 'cancelled', 'limits'] }).notNull(),
    payload: jsonb('payload').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('reservation_events_restaurant_idx').on(t.restaurantId, t.id),
    index('reservation_events_created_idx').on(t.createdAt),
    // A resuming stream reads the few limits events beside its restaurant's (hub.backlog).
    index('reservation_events_limits_idx').on(t.id).where(sql`${t.type} = 'limits'`),
    check('reservation_events_place', sql`${t.type} = 'limits' or (${t.restaurantId} is not null and ${t.date} is not null)`),
  ],
);

/**
 * The stored daily limits, one row that every process and the reservation trigger read. `initialized`
 * is false until the first server process writes its environment's limits into it (the environment
 * gives the values of a new database) or an admin changes them.
 */
export const settings = pgTable(
  'settings',
  {
    id: integer('id').primaryKey(),
    globalDailyLimit: integer('global_daily_limit').notNull(),
    restaurantDailyLimit: integer('restaurant_daily_limit').notNull(),
    initialized: boolean('initialized').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    check('settings_single_row', sql`${t.id} = 1`),
    check('settings_global_daily_limit_range', sql`${t.globalDailyLimit} between 1 and 1000000`),
    check('settings_restaurant_daily_limit_range', sql`${t.restaurantDailyLimit} between 1 and 1000000`),
  ],
);

/**
 * The per-minute rate-limit counters every server process shares (apps/server/src/rate-limiter.ts):
 * rate-limiter-flexible's RateLimiterPostgres layout, which inserts (key, points, expire) in this
 * column order. `key` is "<bucket>:<client address>", `expire` the window's end in epoch ms. One row per
 * bucket and address; the counting processes delete rows whose window ended over a minute ago every
 * five minutes.
 */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: varchar('key', { length: 255 }).primaryKey(),
    points: integer('points').notNull().default(0),
    expire: bigint('expire', { mode: 'number' }),
  },
  (t) => [index('rate_limits_expire_idx').on(t.expire)],
);

/** Where an admin asked to be told of changes (issue 17): signed with `secret` (Standard Webhooks). */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    url: text('url').notNull(),
    /** `reservation.created`, `reservation.updated`, `reservation.moved`, `reservation.cancelled` or `*`. */
    events: jsonb('events').$type<string[]>().notNull(),
    /** `whsec_<base64>`: the receiver needs it to verify signatures, so it is kept (not a hash). */
    secret: text('secret').notNull(),
    /** After a rotation the old secret also signs for a day, so receivers can switch without a gap. */
    previousSecret: text('previous_secret'),
    previousSecretUntil: timestamp('previous_secret_until', { withTimezone: true, mode: 'date' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [check('webhook_endpoints_url_scheme', sql`${t.url} ~ '^https?://'`)],
);

export { OUTBOX_CHANNELS, OUTBOX_KINDS, OUTBOX_STATUSES, WEBHOOK_EVENT_TYPES, GUEST_LANGUAGES } from './statuses.ts';
export type { OutboxChannel, OutboxKind, OutboxStatus, WebhookEventType } from './statuses.ts';

/**
 * Messages to guests and integrators, written in the transaction of the change they report (issue 17)
 * and sent by every server process (`FOR UPDATE SKIP LOCKED`, a lease, retries with backoff). One row
 * per (reservation, kind, channel, endpoint, version, reminder): a change is never queued twice.
 * No foreign key to the reservation: a deleted restaurant's reservations go, their messages stay.
 */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reservationId: uuid('reservation_id').notNull(),
    restaurantId: uuid('restaurant_id').notNull(),
    kind: text('kind', { enum: OUTBOX_KINDS }).notNull(),
    channel: text('channel', { enum: OUTBOX_CHANNELS }).notNull(),
    endpointId: uuid('endpoint_id').references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    /** A reminder's minutes before the start; 0 for the other kinds. */
    reminderMinutes: integer('reminder_minutes').notNull().default(0),
    /** A webhook's event type (`reservation.created`, ...); null for e-mail. */
    eventType: text('event_type'),
    /** The guest's address for e-mail; null for webhooks. */
    recipient: text('recipient'),
    language: text('language').notNull().default('es-CO'),
    /** What the message says, as of the change: the reservation and its restaurant. */
    payload: jsonb('payload').notNull(),
    status: text('status', { enum: OUTBOX_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** When it may be attempted next: its commit, a reminder's time, or a retry's backoff. */
    dueAt: timestamp('due_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    leaseUntil: timestamp('lease_until', { withTimezone: true, mode: 'date' }),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    unique('outbox_messages_once').on(t.reservationId, t.kind, t.channel, t.endpointId, t.version, t.reminderMinutes).nullsNotDistinct(),
    index('outbox_messages_due_idx').on(t.channel, t.dueAt).where(sql`${t.status} = 'pending'`),
    index('outbox_messages_lease_idx').on(t.leaseUntil).where(sql`${t.status} = 'sending'`),
    index('outbox_messages_reservation_idx').on(t.reservationId),
    index('outbox_messages_created_idx').on(t.createdAt),
    check('outbox_messages_kind_known', sql`${t.kind} in (${listOf(OUTBOX_KINDS)})`),
    check('outbox_messages_channel_known', sql`${t.channel} in (${listOf(OUTBOX_CHANNELS)})`),
    check('outbox_messages_status_known', sql`${t.status} in (${listOf(OUTBOX_STATUSES)})`),
    check('outbox_messages_language_known', sql`${t.language} in (${listOf(GUEST_LANGUAGES)})`),
    check('outbox_messages_event_type_known', sql`${t.eventType} is null or ${t.eventType} in (${listOf(WEBHOOK_EVENT_TYPES)})`),
    check(
      'outbox_messages_channel_target',
      sql`(${t.channel} = 'email') = (${t.recipient} is not null) and (${t.channel} = 'webhook') = (${t.endpointId} is not null)`,
    ),
  ],
);

/** Every attempt to send a message: when, how long, and what came back. */
export const outboxAttempts = pgTable(
  'outbox_attempts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    messageId: uuid('message_id')
      .notNull()
      .references(() => outboxMessages.id, { onDelete: 'cascade' }),
    attempt: integer('attempt').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    ok: boolean('ok').notNull(),
    /** A webhook receiver's HTTP status, or the SMTP reply code. */
    responseStatus: integer('response_status'),
    error: text('error'),
  },
  (t) => [index('outbox_attempts_message_idx').on(t.messageId, t.attempt)],
);

/** Keys every process and machine must share (the cancel links' signing key), made once. */
export const appSecrets = pgTable('app_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export type Restaurant = typeof restaurants.$inferSelect;
export type NewRestaurant = typeof restaurants.$inferInsert;
export type Reservation = typeof reservations.$inferSelect;
export type City = typeof cities.$inferSelect;
export type OutboxMessage = typeof outboxMessages.$inferSelect;
export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;
export type RestaurantTable = typeof restaurantTables.$inferSelect;
export type IdempotencyRecord = typeof idempotencyKeys.$inferSelect;
export type ReservationEventRow = typeof reservationEvents.$inferSelect;
