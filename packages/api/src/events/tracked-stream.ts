import { tracked } from '@trpc/server';
import type { Context } from '../context.ts';
import type { StoredEvent } from './hub.ts';
import { openEventStream, type StreamRequest } from './stream.ts';

/** A subscription's body: the event stream with tRPC ids, so a reconnecting client resumes where it left off. */
export async function* trackedEventStream<T>(ctx: Context, request: StreamRequest, present: (event: StoredEvent) => T, signal?: AbortSignal) {
  const stream = await openEventStream(ctx, request, present, signal);
  for await (const { id, event } of stream) yield tracked(String(id), event);
}
