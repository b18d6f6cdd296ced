import type { Context } from '../context.ts';
import { AppError } from '../errors.ts';
import { requireRestaurant } from '../services/restaurant-ref.ts';
import type { PublicEventOutput, ReservationEventOutput } from '../schemas/events.ts';
import type { StoredEvent } from './hub.ts';
import { AsyncQueue } from './queue.ts';
import type { EventPayload } from '../services/reservation-events.ts';

export interface StreamRequest {
  /** One restaurant's changes; absent: every restaurant's changes for `date`. */
  restaurantId?: string | undefined;
  date?: string | undefined;
  lastEventId?: number | null | undefined;
}

export const toAdminEvent = (event: StoredEvent): ReservationEventOutput => {
  const payload = event.payload as EventPayload;
  return {
    id: event.id,
    type: event.type,
    reservation: payload.reservation,
    capacity: payload.capacity,
    ...(payload.previous ? { previousCapacity: payload.previous.capacity } : {}),
  };
};

export const toPublicEvent = (event: StoredEvent): PublicEventOutput => {
  const payload = event.payload as EventPayload;
  return {
    id: event.id,
    type: event.type,
    restaurantId: event.restaurantId,
    date: event.date,
    capacity: payload.capacity,
    takenTables: payload.takenTables,
    ...(payload.previous ? { previous: payload.previous } : {}),
  };
};

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
): Promise<AsyncGenerator<{ id: number; event: T }>> {
  const hub = ctx.events;
  if (!hub) throw new AppError({ reason: 'SERVICE_UNAVAILABLE', message: 'Live updates are not available on this server' });
  if (request.restaurantId) {
    await requireRestaurant(ctx.db, request.restaurantId);
  } else if (!request.date) {
    throw new Error('a stream across restaurants needs a date');
  }
  const release = ctx.streamSlots ? ctx.streamSlots.acquire(ctx.clientAddress) : () => undefined;
  if (!release) {
    throw new AppError({ reason: 'RATE_LIMITED', message: 'Too many live streams open from this address', retryAfterSeconds: 10 });
  }
  const queue = new AsyncQueue<StoredEvent>();
  const matches = (event: StoredEvent) =>
    (!request.restaurantId || event.restaurantId === request.restaurantId) &&
    (!request.date || event.date === request.date || event.previousDate === request.date);
  // Subscribe before reading the backlog: nothing committed in between can fall through the gap.
  const unsubscribe = hub.subscribe(
    (event) => matches(event) && queue.push(event),
    () => queue.close(),
  );
  const stop = () => queue.close();
  signal?.addEventListener('abort', stop, { once: true });
  if (signal?.aborted) stop();
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
    unsubscribe();
    release();
    throw error;
  }
  return (async function* () {
    try {
      let last = resumeFrom ?? 0;
      for (const event of backlog) {
        last = event.id;
        yield { id: event.id, event: present(event) };
      }
      for await (const event of queue) {
        if (event.id <= last) continue;
        last = event.id;
        yield { id: event.id, event: present(event) };
      }
    } finally {
      signal?.removeEventListener('abort', stop);
      unsubscribe();
      release();
    }
  })();
}
