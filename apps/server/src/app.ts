import { ReservationEventHub, StreamSlots, type BookingSettings, type RateLimits } from '@tablebook/api';
import type { DatabaseHandle } from '@tablebook/db';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { contextFactory } from './context.ts';
import { bufferedStdout } from './log-destination.ts';
import { serializeErrorForLog } from './log-redaction.ts';
import { serverMetrics } from './metrics.ts';
import { createRateLimiter } from './rate-limiter.ts';
import { apiCompression } from './plugins/api-compression.ts';
import { docsRoutes } from './plugins/docs.ts';
import { errorHandling, frameworkErrorReply } from './plugins/errors.ts';
import { lifecycle } from './plugins/lifecycle.ts';
import { observability, RequestTracker } from './plugins/observability.ts';
import { operationsRoutes } from './plugins/operations.ts';
import { restRoutes } from './plugins/rest.ts';
import { security } from './plugins/security.ts';
import { trpcRoutes } from './plugins/trpc.ts';
import { trpcErrorAnswer } from './plugins/trpc-errors.ts';
import { webApp, webRootOf } from './plugins/web.ts';
import { requestIdFor } from './request-id.ts';

export interface ServerOptions {
  database: DatabaseHandle;
  settings: BookingSettings;
  port?: number;
  host?: string;
  corsOrigins?: string[];
  /** pino level; 'silent' in tests. */
  logLevel?: string;
  /** Largest request body in bytes. */
  bodyLimit?: number;
  /** The clock behind "today" (tests move it). */
  now?: () => Date;
  /** Directory of the built web app (index.html and assets), served at `/` when it exists. */
  webRoot?: string;
  /** Accepted admin tokens; empty = the administration is open (see openAdministrationProblem). */
  adminTokens?: string[];
  /** Per-address limits per minute (shared by every process on PostgreSQL); undefined = no limits. */
  rateLimits?: RateLimits;
  /** Fastify's trustProxy: lets the limits see the client's address behind a load balancer. */
  trustProxy?: boolean | number | string;
  /** Most live streams one client address may hold open (default 20). */
  streamsPerClient?: number;
  /** Keep-alive comment interval on REST event streams (default 15 s). */
  ssePingIntervalMs?: number;
  /** Requests slower than this (ms) are logged at warn with their request id (default 1000). */
  slowRequestMs?: number;
}

export interface TablebookServer {
  app: FastifyInstance;
  /** From now on /api/ready answers 503 (a load balancer stops sending new requests). */
  drain(): void;
  /** Listens and resolves with the base URL, e.g. http://127.0.0.1:5000. */
  start(): Promise<string>;
  stop(): Promise<void>;
  /** Writes the log lines waiting in the buffer now (after the start-up line). */
  flushLogs(): void;
}

const DEFAULT_BODY_LIMIT = 64 * 1024;

export function createServer(options: ServerOptions): TablebookServer {
  const webRoot = webRootOf(options.webRoot);
  const logLevel = options.logLevel ?? 'info';
  const logDestination = logLevel === 'silent' ? undefined : bufferedStdout();
  const app = Fastify({
    logger: {
      level: logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      serializers: { err: serializeErrorForLog },
      ...(logDestination ? { stream: logDestination.stream } : {}),
    },
    genReqId: requestIdFor,
    // While shutting down, requests that still arrive on open connections are served (with
    // Connection: close) rather than answered with Fastify's bare 503: they are in flight too.
    return503OnClosing: false,
    // One line per request, written when it is answered (see plugins/observability.ts), instead of
    // Fastify's two: logging was a measurable share of a cheap request's cost.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    // Batched tRPC calls put every procedure name in one path segment.
    routerOptions: { maxParamLength: 5000 },
    // Raised before any hook runs, so only for requests that arrive once the server (and trpcAnswer) exists.
    frameworkErrors: (error, request, reply) => frameworkErrorReply(error, request, reply, { webRoot, trpcAnswer }),
    // Fastify also takes a hop count here, which its types leave out.
    trustProxy: (options.trustProxy ?? false) as boolean,
  });
  const adminTokens = options.adminTokens ?? [];
  const adminOpen = adminTokens.length === 0;
  const events = new ReservationEventHub(options.database, app.log);
  const openStreams = new Set<AbortController>();
  const tracker = new RequestTracker(app.log, options.slowRequestMs ?? 1000);
  const pool = options.database.pool;
  if (pool) serverMetrics().pools.add(pool);
  let draining = false;
  const isDraining = () => draining;
  const contextFor = contextFactory({
    db: options.database.db,
    settings: options.settings,
    now: options.now ?? (() => new Date()),
    adminTokens,
    ...(options.rateLimits ? { rateLimiter: createRateLimiter(options.database, options.rateLimits, app.log) } : {}),
    events,
    streamSlots: new StreamSlots(options.streamsPerClient ?? 20),
    procedure: tracker.procedure,
  });
  const trpcAnswer = trpcErrorAnswer(contextFor);

  // Root-scope concerns first (their hooks and handlers reach every route registered after them).
  void app.register(observability, { tracker });
  void app.register(security, { ...(options.corsOrigins ? { corsOrigins: options.corsOrigins } : {}), adminOpen, draining: isDraining });
  void app.register(errorHandling, { webRoot, trpcAnswer });
  void app.register(apiCompression);
  void app.register(webApp, { root: webRoot });
  void app.register(trpcRoutes, { contextFor, trpcAnswer });
  void app.register(restRoutes, {
    contextFor,
    pingIntervalMs: options.ssePingIntervalMs ?? 15_000,
    openStreams,
    onStreamOpen: (request, reply) => tracker.streamOpened(request, reply, 200),
  });
  void app.register(docsRoutes);
  void app.register(operationsRoutes, {
    database: options.database,
    adminOpen,
    timeZone: options.settings.timeZone,
    draining: isDraining,
    contextFor,
  });
  void app.register(lifecycle, { database: options.database, events, openStreams });

  return {
    app,
    // The live-update feed starts when the server is ready (plugins/lifecycle.ts), before it listens.
    start: () => app.listen({ port: options.port ?? 5000, host: options.host ?? '127.0.0.1' }),
    drain() {
      draining = true;
    },
    flushLogs() {
      logDestination?.flushNow();
    },
    async stop() {
      draining = true;
      // Connections idle between requests close now; busy ones close after their answer (plugins/security.ts).
      const idleCloser = setInterval(() => app.server.closeIdleConnections(), 100);
      try {
        await app.close();
      } finally {
        clearInterval(idleCloser);
        logDestination?.close();
      }
      if (pool) serverMetrics().pools.delete(pool);
    },
  };
}
