import { type TrackedEnvelope, tracked } from '@trpc/server';
import type { Context } from '../context.ts';
import type { StreamNotice } from '../schemas/events.ts';
import type { StoredReservationEvent } from './hub.ts';
import { openEventStream, type StreamRequest } from './stream.ts';

/**
 * A subscription's result: the event stream (and the notices asked for) with tRPC ids, so a
 * reconnecting client resumes where it left off. The checks (the restaurant exists, the caller's stream cap) run before it resolves, so
 * every transport can still answer them with an error status instead of inside an open stream.
 */
export async function trackedEventStream<T>(
  ctx: Context,
  request: StreamRequest,
  present: (event: StoredReservationEvent) => T,
  signal?: AbortSignal,
) {
  const stream = await openEventStream(ctx, request, present, signal);
  // A mapping iterator, not a generator: a generator never started skips its cleanup on return().
  const items: AsyncIterableIterator<TrackedEnvelope<T | StreamNotice>> = {
    [Symbol.asyncIterator]: () => items,
    async next() {
      const item = await stream.next();
      return item.done ? item : { done: false, value: tracked(String(item.value.id), item.value.event) };
    },
    async return() {
      await stream.return();
      return { done: true, value: undefined };
    },
  };
  return items;
}
