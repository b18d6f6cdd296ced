import type { Context } from '../context.ts';
import { AppError } from '../errors.ts';
import { requireRestaurant } from '../services/restaurant-ref.ts';
import type {
  LimitsChangeOutput,
  PublicEventOutput,
  ReservationEventOutput,
  StreamNotice,
  SystemCapacityOutput,
} from '../schemas/events.ts';
import { isReservationEvent, type StoredEvent, type StoredReservationEvent } from './hub.ts';
import { AsyncQueue } from './queue.ts';
import { addDays, formatZoned, startOfDay } from '../rules/zoned-time.ts';
import type { EventPayload } from '../services/reservation-events.ts';

export interface StreamRequest {
  /** One restaurant's changes; absent: every restaurant's changes for `date`. */
  restaurantId?: string | undefined;
  date?: string | undefined;
  lastEventId?: number | null | undefined;
  /** Start with a `ready` item once subscribed (a transport that answers before the stream opens needs it). */
  ready?: boolean | undefined;
  /** With a restaurant and a date: other restaurants' changes that day, as the system's remaining capacity. */
  systemCapacity?: boolean | undefined;
  /** Changes of the stored limits, and of the restaurant's own limit or pacing (any restaurant's without one), as `limits` items. */
  limits?: boolean | undefined;
}

/** The zone every restaurant had before reservations took a time of day (migration 0006). */
const ZONE_BEFORE_TIMES = 'America/Bogota';

const wholeDayOf = (date: string) => ({
  startsAt: formatZoned(startOfDay(date, ZONE_BEFORE_TIMES), ZONE_BEFORE_TIMES),
  endsAt: formatZoned(startOfDay(addDays(date, 1), ZONE_BEFORE_TIMES), ZONE_BEFORE_TIMES),
});

/**
 * A stored event's payload in today's shape. Events recorded before reservations had a time of day
 * (replayed to a client resuming with an old Last-Event-ID) were all whole-day bookings at restaurants
 * in America/Bogota: their held span is that local day.
 */
function payloadOf(event: StoredReservationEvent): EventPayload {
  const payload = event.payload as EventPayload;
  if (payload.reservation.startsAt !== undefined) return payload;
  const reservation = { ...payload.reservation, time: null, durationMinutes: null, ...wholeDayOf(payload.reservation.date) };
  const previous = payload.previous
    ? { ...payload.previous, table: payload.previous.table ?? reservation.table, ...wholeDayOf(payload.previous.capacity.date) }
    : undefined;
  return { ...payload, reservation, ...(previous ? { previous } : {}) };
}

export const toAdminEvent = (event: StoredReservationEvent): ReservationEventOutput => {
  const payload = payloadOf(event);
  return {
    id: event.id,
    type: event.type,
    reservation: payload.reservation,
    capacity: payload.capacity,
    ...(payload.previous && payload.previous.capacity.date !== payload.capacity.date
      ? { previousCapacity: payload.previous.capacity }
      : {}),
  };
};

export const toPublicEvent = (event: StoredReservationEvent): PublicEventOutput => {
  const payload = payloadOf(event);
  return {
    id: event.id,
    type: event.type,
    restaurantId: event.restaurantId,
    date: event.date,
    table: payload.reservation.table,
    startsAt: payload.reservation.startsAt,
    endsAt: payload.reservation.endsAt,
    capacity: payload.capacity,
    takenTables: payload.takenTables,
    ...(payload.previous ? { previous: payload.previous } : {}),
  };
};

/** A stream of events that always gives its resources back: when iterated to its end, when `return()` is called (even before the first pull) and when its signal aborts. */
export interface EventStream<T> extends AsyncIterableIterator<{ id: number; event: T | StreamNotice }> {
  return(): Promise<IteratorResult<{ id: number; event: T | StreamNotice }>>;
}

/** Events a slow reader may leave unread before its stream is closed (it resumes with Last-Event-ID). */
const MAX_UNREAD_EVENTS = 10_000;

/** The system's remaining capacity on `date` after an event (a move also reports the day it left). */
function globalRemainingOn(event: StoredReservationEvent, date: string): number | undefined {
  const payload = payloadOf(event);
  if (payload.capacity.date === date) return payload.capacity.globalRemaining;
  if (payload.previous?.capacity.date === date) return payload.previous.capacity.globalRemaining;
  return undefined;
}

/**
 * Opens a stream of one restaurant's changes: first every stored event after `lastEventId` (when
 * resuming), then live ones, each exactly once and in id order. Checks (the restaurant exists, the
 * caller's stream cap) run before the first event, so a transport can still answer with an error.
 * `signal` ends the stream when the client goes away.
 *
 * Asked for, it also sends `ready` first (its id the stream's position, `resumed` whether every event
 * since lastEventId follows) and, for a restaurant's day, `capacity` items: a booking anywhere moves
 * the system's daily limit for every restaurant that day. Those ride on the stream the page already
 * holds (no second connection), come from the payload the change already stored (no query), and only
 * when the number differs from the last one this stream told. With `limits`, a change of the rules
 * that decide every day (the stored limits; the restaurant's own limit or pacing) is a `limits` item:
 * it carries no numbers (they differ per day, and counting each open stream's day is a query per
 * stream), so the reader reads its days afresh.
 */
export async function openEventStream<T>(
  ctx: Context,
  request: StreamRequest,
  present: (event: StoredReservationEvent) => T,
  signal?: AbortSignal,
): Promise<EventStream<T>> {
  const hub = ctx.events;
  if (!hub) throw new AppError({ reason: 'SERVICE_UNAVAILABLE', message: 'Live updates are not available on this server' });
  if (request.restaurantId) {
    await requireRestaurant(ctx.db, request.restaurantId);
  } else if (!request.date) {
    throw new Error('a stream across restaurants needs a date');
  }
  const release = ctx.streamSlots ? ctx.streamSlots.acquire(ctx.clientAddress) : () => undefined;
  if (!release) {
    throw new AppError({
      reason: 'RATE_LIMITED',
      message: 'Too many live streams open from this address',
      details: { what: 'streams', retryAfterSeconds: 10 },
      retryAfterSeconds: 10,
    });
  }
  const { restaurantId, date } = request;
  // Without a restaurant the stream already carries every restaurant's changes that day.
  const systemDay = request.systemCapacity && restaurantId ? date : undefined;
  const ours = (event: StoredEvent) => !restaurantId || event.restaurantId === restaurantId;
  const onDay = (event: StoredReservationEvent) => !date || event.date === date || event.previousDate === date;
  // The stored limits are every restaurant's; a restaurant's own, its streams' and the day's across restaurants.
  const limitsFor = (event: StoredEvent) => request.limits === true && (event.restaurantId === null || ours(event));
  const matches = (event: StoredEvent) =>
    isReservationEvent(event) ? onDay(event) && (systemDay !== undefined || ours(event)) : limitsFor(event);
  const queue = new AsyncQueue<StoredEvent>();
  // Subscribe before reading the backlog: nothing committed in between can fall through the gap.
  const unsubscribe = hub.subscribe(
    (event) => {
      if (!matches(event)) return;
      // A reader that stopped reading must not make the server hold every event for it.
      if (queue.size >= MAX_UNREAD_EVENTS) queue.close();
      else queue.push(event);
    },
    () => queue.close(),
  );
  // Every event after this one reaches the queue: where a fresh stream starts.
  const subscribedAt = hub.latestId;
  let closed = false;
  // Given back exactly once, whichever way the stream ends: a transport may drop it before its first pull.
  const close = () => {
    if (closed) return;
    closed = true;
    signal?.removeEventListener('abort', close);
    queue.close();
    unsubscribe();
    release();
  };
  signal?.addEventListener('abort', close, { once: true });
  // An id beyond anything this database has issued (it was reset or restored): start afresh instead
  // of staying silent until new ids pass it.
  const resumeFrom =
    request.lastEventId !== undefined && request.lastEventId !== null && request.lastEventId <= hub.latestId
      ? request.lastEventId
      : undefined;
  let backlog: StoredEvent[] = [];
  let resumed = false;
  try {
    if (resumeFrom !== undefined) {
      backlog = (
        await hub.backlog(resumeFrom, {
          restaurantId: systemDay ? undefined : restaurantId,
          date,
          limits: request.limits,
          // Above it, events reach the queue in id order; the store may already show some past a hole not yet settled.
          upTo: subscribedAt,
        })
      ).filter(matches);
      if (request.ready) resumed = await hub.canReplayAfter(resumeFrom);
    }
  } catch (error) {
    close();
    throw error;
  }
  if (signal?.aborted) close();
  let last = resumeFrom ?? 0;
  let toldGlobal: number | undefined;
  const pending: { id: number; event: T | StreamNotice }[] = request.ready
    ? [{ id: resumeFrom ?? subscribedAt, event: { id: resumeFrom ?? subscribedAt, type: 'ready', resumed } }]
    : [];
  /** The item an event becomes on this stream, or undefined when it tells this reader nothing new. */
  const itemOf = (event: StoredEvent): T | SystemCapacityOutput | LimitsChangeOutput | undefined => {
    if (!isReservationEvent(event)) {
      // New stored limits move the system's remaining capacity: the next booking's number is news.
      if (event.restaurantId === null) toldGlobal = undefined;
      return { id: event.id, type: 'limits', restaurantId: event.restaurantId };
    }
    const globalRemaining = systemDay ? globalRemainingOn(event, systemDay) : undefined;
    const told = toldGlobal;
    if (globalRemaining !== undefined) toldGlobal = globalRemaining;
    if (ours(event)) return present(event);
    if (globalRemaining === undefined || globalRemaining === told) return undefined;
    return { id: event.id, type: 'capacity', date: systemDay as string, globalRemaining };
  };
  const live = queue[Symbol.asyncIterator]();
  const done = (): IteratorResult<{ id: number; event: T | StreamNotice }> => ({ done: true, value: undefined });
  const stream: EventStream<T> = {
    [Symbol.asyncIterator]: () => stream,
    async next() {
      const notice = pending.shift();
      if (notice) return { done: false, value: notice };
      for (;;) {
        const stored = backlog.shift();
        const item = stored
          ? { done: false as const, value: stored }
          : closed
            ? { done: true as const, value: undefined }
            : await live.next();
        if (item.done) {
          close();
          return done();
        }
        if (item.value.id <= last) continue;
        last = item.value.id;
        const event = itemOf(item.value);
        if (event !== undefined) return { done: false, value: { id: item.value.id, event } };
      }
    },
    async return() {
      close();
      return done();
    },
  };
  return stream;
}
