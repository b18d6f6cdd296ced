import {
  assertAdmin,
  describeIssues,
  eventStreamInput,
  issuesFromZod,
  openEventStream,
  toAdminEvent,
  toPublicEvent,
  type Context,
} from '@tablebook/api';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendAppError } from './app-error-reply.ts';
import { failure } from './envelope.ts';

export interface EventStreamRoutesOptions {
  contextFor: (request: FastifyRequest) => Context;
  /** Comment lines sent this often keep proxies and browsers from dropping a quiet stream. */
  pingIntervalMs: number;
  /** Streams still open when the server shuts down: aborted in preClose. */
  openStreams: Set<AbortController>;
}

type StreamRequest = FastifyRequest<{ Params: { id: string }; Querystring: Record<string, string | undefined> }>;

/**
 * Plain server-sent events for REST clients (`event: reservation`, `id:`, JSON `data:`), over the same
 * stream as the tRPC subscriptions. A reconnecting EventSource sends Last-Event-ID and resumes there.
 */
export function registerEventStreamRoutes(app: FastifyInstance, options: EventStreamRoutesOptions) {
  const serve = (audience: 'admin' | 'public') => async (request: StreamRequest, reply: FastifyReply) => {
    const ctx = options.contextFor(request);
    const requestId = String(request.id);
    try {
      if (audience === 'admin') assertAdmin(ctx);
    } catch (error) {
      return sendAppError(reply, requestId, error);
    }
    const lastEventId = request.headers['last-event-id'] ?? request.query['lastEventId'];
    const parsed = eventStreamInput.safeParse({
      restaurantId: request.params.id,
      ...(request.query['date'] ? { date: request.query['date'] } : {}),
      ...(lastEventId ? { lastEventId } : {}),
    });
    if (!parsed.success) {
      const issues = issuesFromZod(parsed.error.issues);
      return reply.status(400).send(failure(describeIssues(issues), { reason: 'INVALID_INPUT', requestId, issues }));
    }
    const abort = new AbortController();
    let stream: Awaited<ReturnType<typeof openEventStream<unknown>>>;
    try {
      stream = await openEventStream<unknown>(ctx, parsed.data, audience === 'admin' ? toAdminEvent : toPublicEvent, abort.signal);
    } catch (error) {
      return sendAppError(reply, requestId, error);
    }
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
    request.raw.on('close', () => abort.abort());
    options.openStreams.add(abort);
    try {
      for await (const { id, event } of stream) {
        raw.write(`event: reservation\nid: ${id}\ndata: ${JSON.stringify(event)}\n\n`);
      }
    } catch (error) {
      request.log.error({ err: error }, 'event stream failed');
    } finally {
      clearInterval(ping);
      options.openStreams.delete(abort);
      await stream.return(undefined);
      raw.end();
    }
  };
  app.get('/api/admin/restaurant/:id/events', serve('admin'));
  app.get('/api/restaurants/:id/events', serve('public'));
}
