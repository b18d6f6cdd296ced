import { isTrackedEnvelope } from '@trpc/server';
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface EventStreamOptions {
  event: string;
  /** Comment lines sent this often keep proxies and browsers from dropping a quiet stream. */
  pingIntervalMs: number;
  /** Aborts the subscription when the client leaves or the server shuts down. */
  abort: AbortController;
}

/** Until the socket takes more, or the stream is aborted. */
function drained(raw: FastifyReply['raw'], signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      raw.off('drain', done);
      signal.removeEventListener('abort', done);
      resolve();
    };
    raw.once('drain', done);
    signal.addEventListener('abort', done, { once: true });
  });
}

/**
 * Writes a subscription's items as server-sent events (`event:`, `id:`, JSON `data:`); tracked items
 * carry their event id, which a reconnecting EventSource sends back as Last-Event-ID.
 */
export async function writeEventStream(
  request: FastifyRequest,
  reply: FastifyReply,
  items: AsyncIterable<unknown>,
  options: EventStreamOptions,
) {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    ...(reply.getHeaders() as Record<string, string>),
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  raw.write('retry: 2000\n: connected\n\n');
  const ping = setInterval(() => raw.write(': ping\n\n'), options.pingIntervalMs);
  const iterator = items[Symbol.asyncIterator]();
  try {
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      const [id, data] = isTrackedEnvelope(next.value) ? [next.value[0], next.value[1]] : [undefined, next.value];
      // A client that reads slowly holds the stream back (its unread events wait in the api's bounded queue).
      if (!raw.write(`event: ${options.event}\n${id !== undefined ? `id: ${id}\n` : ''}data: ${JSON.stringify(data)}\n\n`)) {
        await drained(raw, options.abort.signal);
      }
    }
  } catch (error) {
    request.log.error({ err: error }, 'event stream failed');
  } finally {
    clearInterval(ping);
    await iterator.return?.();
    raw.end();
  }
}
