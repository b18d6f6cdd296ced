import { z } from 'zod';
import { calendarDate, entityId, optionalQuery, QUERY_SCHEMA_KEY } from './common.ts';
import { dayCapacityOutput, reservationOutput } from './reservation.ts';

export const reservationEventTypes = ['created', 'updated', 'moved', 'cancelled'] as const;

/** A yes/no query parameter: a boolean from tRPC, `true` or `false` from a query string. */
function queryFlag(field: string) {
  return z
    .union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')], {
      error: `${field} must be true or false`,
    })
    .meta({ [QUERY_SCHEMA_KEY]: { type: 'boolean' } });
}

const LIMITS_FLAG_DESCRIPTION =
  "Also a `limits` event, {id, type: 'limits', restaurantId}, when a rule that decides every day's capacity changes: the stored daily limits (PUT /api/admin/settings) or the restaurants that count against the system's limit (a restaurant deleted; restaurantId null for both), or the restaurant's own dailyLimit or pacing (its id; on a stream across restaurants, any restaurant's). Every day's remaining capacity and bookable times may have changed: read them afresh.";

export const eventStreamInput = z.object({
  restaurantId: entityId('restaurantId'),
  /** Only changes touching this day (a move counts for both of its days). */
  date: optionalQuery(calendarDate).describe('Only changes touching this day (a move counts for both of its days).'),
  /** Resume after this event: everything since is sent first, once. tRPC's client sends it on reconnect. */
  lastEventId: optionalQuery(
    z
      .union(
        [
          z.number(),
          z
            .string()
            .regex(/^\d{1,15}$/, 'lastEventId must be an event id')
            .transform(Number),
        ],
        { error: 'lastEventId must be an event id' },
      )
      .pipe(
        z
          .number({ error: 'lastEventId must be an event id' })
          .int('lastEventId must be an event id')
          .min(0, 'lastEventId must be an event id'),
      )
      .meta({ [QUERY_SCHEMA_KEY]: { type: 'integer', minimum: 0, maximum: 999_999_999_999_999 } }),
  )
    .nullable()
    .describe('Resume after this event id (as the Last-Event-ID header does).'),
  ready: optionalQuery(queryFlag('ready')).describe(
    "Start with a `ready` event once the stream is open: {id, type: 'ready', resumed}; resumed false: the events since lastEventId cannot all be sent (none given, unknown or expired), read the day afresh.",
  ),
  systemCapacity: optionalQuery(queryFlag('systemCapacity')).describe(
    "With date: also a `capacity` event, {id, type: 'capacity', date, globalRemaining}, when another restaurant's change moves the system's remaining capacity that day.",
  ),
  limits: optionalQuery(queryFlag('limits')).describe(LIMITS_FLAG_DESCRIPTION),
});
export type EventStreamInput = z.input<typeof eventStreamInput>;

/** For the administration: the reservation itself and the day's capacity after the change. */
export const reservationEventOutput = z.object({
  id: z.number().int(),
  type: z.enum(reservationEventTypes),
  reservation: reservationOutput,
  capacity: dayCapacityOutput,
  /** A move also reports the day it left. */
  previousCapacity: dayCapacityOutput.optional(),
});
export type ReservationEventOutput = z.infer<typeof reservationEventOutput>;

/** Where a table is held, in the restaurant's zone: the slots overlapping it are the ones that changed. */
const heldPlace = {
  table: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
};

/** For guests: no personal data, only the table and time that changed, the day's remaining capacity and which tables are taken. */
export const publicEventOutput = z.object({
  id: z.number().int(),
  type: z.enum(reservationEventTypes),
  restaurantId: z.string(),
  date: z.string(),
  ...heldPlace,
  capacity: dayCapacityOutput,
  takenTables: z.array(z.string()),
  /** A move: where it was, and the day it left (the same day for a move within a day). */
  previous: z.object({ ...heldPlace, capacity: dayCapacityOutput, takenTables: z.array(z.string()) }).optional(),
});
export type PublicEventOutput = z.infer<typeof publicEventOutput>;

/** Every restaurant's changes for one day: what search results need to stay current. */
export const dayStreamInput = z.object({
  date: calendarDate,
  lastEventId: eventStreamInput.shape.lastEventId,
  ready: eventStreamInput.shape.ready,
  limits: eventStreamInput.shape.limits,
});

/**
 * The first item of a stream opened with `ready`: the server is subscribed and every change from here
 * on follows. `resumed`: the events since the caller's lastEventId follow too (else it reads afresh).
 * Its id is the stream's position, to resume from like any event's.
 */
export const streamReadyOutput = z.object({ id: z.number().int(), type: z.literal('ready'), resumed: z.boolean() });
export type StreamReadyOutput = z.infer<typeof streamReadyOutput>;

/** Another restaurant's change moved the system's remaining capacity for the day (streams opened with `systemCapacity`). */
export const systemCapacityOutput = z.object({
  id: z.number().int(),
  type: z.literal('capacity'),
  date: z.string(),
  globalRemaining: z.number().int(),
});
export type SystemCapacityOutput = z.infer<typeof systemCapacityOutput>;

/**
 * A rule that decides every day's capacity changed (streams opened with `limits`): the stored daily
 * limits (`restaurantId` null: every restaurant's days) or one restaurant's own daily limit or pacing.
 * It names no day and no number: every day's remaining capacity and bookable times may have moved, and
 * the reader reads what it shows afresh (a booking's event carries the exact numbers again).
 */
export const limitsChangeOutput = z.object({
  id: z.number().int(),
  type: z.literal('limits'),
  restaurantId: z.string().nullable(),
});
export type LimitsChangeOutput = z.infer<typeof limitsChangeOutput>;

/** What a stream may send besides the events themselves (each only when asked for). */
export type StreamNotice = StreamReadyOutput | SystemCapacityOutput | LimitsChangeOutput;

/** An item of a restaurant's stream as REST documents it: the event, or a notice asked for. */
export const publicStreamItem = z.union([publicEventOutput, systemCapacityOutput, limitsChangeOutput, streamReadyOutput]);
export const reservationStreamItem = z.union([reservationEventOutput, systemCapacityOutput, limitsChangeOutput, streamReadyOutput]);
