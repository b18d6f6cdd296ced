import type { FastifyBaseLogger, FastifyPluginCallback, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { finished } from 'node:stream';
import { redactUrlSecrets } from '../log-redaction.ts';
import { serverMetrics } from '../metrics.ts';

const isEventStream = (contentType: unknown) => String(contentType ?? '').startsWith('text/event-stream');
/** tRPC's Fastify adapter answers with a web Response, whose headers Fastify applies after onSend. */
const isResponse = (payload: unknown): payload is Response =>
  typeof payload === 'object' && payload !== null && Object.prototype.toString.call(payload) === '[object Response]';

/**
 * What a request's log line and metrics need to know: the procedure(s) it reached (the metrics
 * label, bounded: never the raw URL) and the live streams it holds open.
 */
export class RequestTracker {
  readonly #procedureOf = new WeakMap<FastifyRequest, string>();
  /** Open live streams by request: when they opened (performance.now()) and their status. */
  readonly #streams = new WeakMap<FastifyRequest, { openedAt: number; status: number }>();
  readonly #metrics = serverMetrics();

  constructor(
    private readonly log: FastifyBaseLogger,
    readonly slowRequestMs: number,
  ) {}

  // A tRPC batch of several procedures is labelled `batch`: joined names would let a caller mint new
  // metric series at will.
  readonly procedure = (request: FastifyRequest, path: string) => {
    const earlier = this.#procedureOf.get(request);
    this.#procedureOf.set(request, earlier === undefined || earlier === path ? path : 'batch');
  };

  procedureOf(request: FastifyRequest) {
    return this.#procedureOf.get(request) ?? request.routeOptions.url ?? 'unmatched';
  }

  /** A stream this tracker logs and counts itself, when it closes (not as a request answered). */
  isTrackedStream(request: FastifyRequest) {
    return this.#streams.has(request);
  }

  /**
   * A live stream opened: the gauge goes up, a line is logged, and when the connection closes
   * (the client left, or the server ended it) the gauge goes down and a line gives its duration.
   */
  streamOpened(request: FastifyRequest, reply: FastifyReply, status = reply.statusCode) {
    if (this.#streams.has(request)) return;
    this.#streams.set(request, { openedAt: performance.now(), status });
    this.#metrics.openStreams.inc();
    request.log.info(
      { method: request.method, url: redactUrlSecrets(request.originalUrl), procedure: this.procedureOf(request) },
      'live stream opened',
    );
    // Whichever side ends the stream, and even when its connection had already closed (where 'close'
    // would never come again); Fastify's onResponse only comes when an answer finished.
    finished(reply.raw, () => this.#streamClosed(request));
  }

  #streamClosed(request: FastifyRequest) {
    const stream = this.#streams.get(request);
    if (!stream) return;
    this.#metrics.openStreams.dec();
    const procedure = this.procedureOf(request);
    // Counted as a request answered; its duration stays out of the latency histogram (long by design).
    this.#metrics.requests.inc({ procedure, method: request.method, status: String(stream.status) });
    const durationMs = Math.round(performance.now() - stream.openedAt);
    request.log.info(
      { method: request.method, url: redactUrlSecrets(request.originalUrl), statusCode: stream.status, durationMs, procedure },
      'live stream closed',
    );
  }
}

export interface ObservabilityOptions {
  tracker: RequestTracker;
}

/** One log line per request, written when it is answered, and the request metrics by procedure. */
const observabilityPlugin: FastifyPluginCallback<ObservabilityOptions> = (app, { tracker }, done) => {
  const metrics = serverMetrics();

  // Streams answered through reply.send (the tRPC subscriptions) are seen here, before their first byte.
  app.addHook('onSend', (request, reply, payload, next) => {
    const contentType = isResponse(payload) ? payload.headers.get('content-type') : reply.getHeader('content-type');
    if (isEventStream(contentType)) tracker.streamOpened(request, reply, isResponse(payload) ? payload.status : reply.statusCode);
    next(null, payload);
  });

  app.addHook('onResponse', async (request, reply) => {
    if (tracker.isTrackedStream(request)) return;
    const responseTimeMs = Math.round(reply.elapsedTime * 10) / 10;
    const procedure = tracker.procedureOf(request);
    const labels = { procedure, method: request.method, status: String(reply.statusCode) };
    // A live stream is long by design, not slow: neither logged as slow nor in the latency histogram.
    const isStream = isEventStream(reply.getHeader('content-type') ?? reply.raw.getHeader('content-type'));
    metrics.requests.inc(labels);
    if (!isStream) metrics.durations.observe(labels, reply.elapsedTime / 1000);
    // The path as the client sent it (a plugin's routing may have rewritten request.url).
    const line = {
      method: request.method,
      url: redactUrlSecrets(request.originalUrl),
      statusCode: reply.statusCode,
      responseTimeMs,
      procedure,
    };
    if (responseTimeMs >= tracker.slowRequestMs && !isStream) request.log.warn(line, 'slow request');
    else request.log.info(line, 'request completed');
  });
  done();
};

export const observability = fp(observabilityPlugin, { name: 'tablebook-observability' });
