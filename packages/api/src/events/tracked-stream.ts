import { tracked } from '@trpc/server';
import type { Context } from '../context.ts';
import type { StoredEvent } from './hub.ts';
import { openEventStream, type StreamRequest } from './stream.ts';

/**
 * A subscription's result: the event stream with tRPC ids, so a reconnecting client resumes where it
 * left off. The checks (the restaurant exists, the caller's stream cap) run before it resolves, so
 * every transport can still answer them with an error status instead of inside an open stream.
 */
export async function trackedEventStream<T>(
  ctx: Context,
  request: StreamRequest,
  present: (event: StoredEvent) => T,
  signal?: AbortSignal,
) {
  const stream = await openEventStream(ctx, request, present, signal);
  return (async function* () {
    for await (const { id, event } of stream) yield tracked(String(id), event);
  })();
}
