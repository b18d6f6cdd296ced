import type { FastifyPluginCallback, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { serverMetrics } from '../metrics.ts';

const isEventStream = (contentType: unknown) => String(contentType ?? '').startsWith('text/event-stream');

/** What a request's log line and metrics need to know: the procedure(s) it reached (the metrics label, bounded: never the raw URL). */
export class RequestTracker {
  readonly #procedureOf = new WeakMap<FastifyRequest, string>();

  constructor(readonly slowRequestMs: number) {}

  // A tRPC batch of several procedures is labelled `batch`: joined names would let a caller mint new
  // metric series at will.
  readonly procedure = (request: FastifyRequest, path: string) => {
    const earlier = this.#procedureOf.get(request);
    this.#procedureOf.set(request, earlier === undefined || earlier === path ? path : 'batch');
  };

  procedureOf(request: FastifyRequest) {
    return this.#procedureOf.get(request) ?? request.routeOptions.url ?? 'unmatched';
  }
}

export interface ObservabilityOptions {
  tracker: RequestTracker;
}

/** One log line per request, written when it is answered, and the request metrics by procedure. */
const observabilityPlugin: FastifyPluginCallback<ObservabilityOptions> = (app, { tracker }, done) => {
  const metrics = serverMetrics();

  app.addHook('onResponse', async (request, reply) => {
    const responseTimeMs = Math.round(reply.elapsedTime * 10) / 10;
    const procedure = tracker.procedureOf(request);
    const labels = { procedure, method: request.method, status: String(reply.statusCode) };
    metrics.requests.inc(labels);
    metrics.durations.observe(labels, reply.elapsedTime / 1000);
    const line = { method: request.method, url: request.url, statusCode: reply.statusCode, responseTimeMs, procedure };
    // A live stream is long by design, not slow.
    const isStream = isEventStream(reply.getHeader('content-type') ?? reply.raw.getHeader('content-type'));
    if (responseTimeMs >= tracker.slowRequestMs && !isStream) request.log.warn(line, 'slow request');
    else request.log.info(line, 'request completed');
  });
  done();
};

export const observability = fp(observabilityPlugin, { name: 'tablebook-observability' });
