import type { Context } from '../context.ts';
import { AppError } from '../errors.ts';
import { requireRestaurant } from '../services/restaurant-ref.ts';
import type { PublicEventOutput, ReservationEventOutput } from '../schemas/events.ts';
import type { StoredEvent } from './hub.ts';
import { AsyncQueue } from './queue.ts';
import { addDays, formatZoned, startOfDay } from '../rules/zoned-time.ts';
import type { EventPayload } from '../services/reservation-events.ts';

export interface StreamRequest {
  /** One restaurant's changes; absent: every restaurant's changes for `date`. */
  restaurantId?: string | undefined;
  date?: string | undefined;
  lastEventId?: number | null | undefined;
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
function payloadOf(event: StoredEvent): EventPayload {
  const payload = event.payload as EventPayload;
  if (payload.reservation.startsAt !== undefined) return payload;
  const reservation = { ...payload.reservation, time: null, durationMinutes: null, ...wholeDayOf(payload.reservation.date) };
  const previous = payload.previous
    ? { ...payload.previous, table: payload.previous.table ?? reservation.table, ...wholeDayOf(payload.previous.capacity.date) }
    : undefined;
  return { ...payload, reservation, ...(previous ? { previous } : {}) };
}

export const toAdminEvent = (event: StoredEvent): ReservationEventOutput => {
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

export const toPublicEvent = (event: StoredEvent): PublicEventOutput => {
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
export interface EventStream<T> extends AsyncIterableIterator<{ id: number; event: T }> {
  return(): Promise<IteratorResult<{ id: number; event: T }>>;
}

/** Events a slow reader may leave unread before its stream is closed (it resumes with Last-Event-ID). */
const MAX_UNREAD_EVENTS = 10_000;

/**
 * Opens a stream of one restaurant's changes: first every stored event after `lastEventId` (when
 * resuming), then live ones, each exactly once and in id order. Checks (the restaurant exists, the
 * caller's stream cap) run before the first event, so a transport can still answer with an error.
 * `signal` ends the stream when the client goes away.
 */
export async function openEventStream<T>(
  ctx: Context,
  request: StreamRequest,
  present: (event: StoredEvent) => T,
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
  const queue = new AsyncQueue<StoredEvent>();
  const matches = (event: StoredEvent) =>
    (!request.restaurantId || event.restaurantId === request.restaurantId) &&
    (!request.date || event.date === request.date || event.previousDate === request.date);
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
  try {
    if (resumeFrom !== undefined) backlog = await hub.backlog(resumeFrom, request.restaurantId, request.date);
  } catch (error) {
    close();
    throw error;
  }
  if (signal?.aborted) close();
  let last = resumeFrom ?? 0;
  const live = queue[Symbol.asyncIterator]();
  const done = (): IteratorResult<{ id: number; event: T }> => ({ done: true, value: undefined });
  const stream: EventStream<T> = {
    [Symbol.asyncIterator]: () => stream,
    async next() {
      const stored = backlog.shift();
      if (stored) {
        last = stored.id;
        return { done: false, value: { id: stored.id, event: present(stored) } };
      }
      for (;;) {
        const item = closed ? { done: true as const, value: undefined } : await live.next();
        if (item.done) {
          close();
          return done();
        }
        if (item.value.id <= last) continue;
        last = item.value.id;
        return { done: false, value: { id: item.value.id, event: present(item.value) } };
      }
    },
    async return() {
      close();
      return done();
    },
  };
  return stream;
}
