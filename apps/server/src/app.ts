import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cors from '@fastify/cors';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import helmet from 'helmet';
import {
  AppError,
  appRouter,
  assertAdmin,
  checkAdminAccess,
  createContext,
  procedureMeta,
  purgeExpiredIdempotencyKeys,
  ReservationEventHub,
  StreamSlots,
  WindowRateLimiter,
  type BookingSettings,
  type Context,
  type RateLimits,
} from '@tablebook/api';
import { ping, readiness, type DatabaseHandle } from '@tablebook/db';
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import Fastify, { LogController, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { fastifyTRPCOpenApiPlugin } from 'trpc-to-openapi';
import type { AppRouter } from '@tablebook/api';
import { envelopeFromBridgeError, failure, success, successEnvelopeJson } from './envelope.ts';
import { registerEventStreamRoutes } from './event-stream-routes.ts';
import { buildOpenApiDocument } from './openapi.ts';
import { serializeErrorForLog } from './log-redaction.ts';
import { requestIdFor } from './request-id.ts';
import { sendAppError } from './app-error-reply.ts';
import { metricsText, recordBooking, serverMetrics } from './metrics.ts';

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
  /** Per-address limits per minute; undefined = no limits. */
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
}

const isLoopbackHost = (host: string | undefined) => {
  const name = (host ?? '').replace(/:\d+$/, '').replace(/^\[|\]$/g, '').toLowerCase();
  return name === 'localhost' || name === '::1' || /^127\.\d+\.\d+\.\d+$/.test(name);
};

/** Internal header carrying the envelope message from the bridge's responseMeta to onSend. */
const MESSAGE_HEADER = 'x-tablebook-message';
const DEFAULT_BODY_LIMIT = 64 * 1024;
/** Replies whose body is already an envelope (built by the error handler). */
const enveloped = new WeakSet<FastifyRequest>();

export function createServer(options: ServerOptions): TablebookServer {
  const app = Fastify({
    logger: {
      level: options.logLevel ?? 'info',
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      serializers: { err: serializeErrorForLog },
    },
    genReqId: requestIdFor,
    // While shutting down, requests that still arrive on open connections are served (with
    // Connection: close) rather than answered with Fastify's bare 503: they are in flight too.
    return503OnClosing: false,
    // One line per request, written when it is answered (see the onResponse hook), instead of
    // Fastify's two: logging was a measurable share of a cheap request's cost.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    // Batched tRPC calls put every procedure name in one path segment.
    routerOptions: { maxParamLength: 5000 },
    // Fastify also takes a hop count here, which its types leave out.
    trustProxy: (options.trustProxy ?? false) as boolean,
  });
  const adminTokens = options.adminTokens ?? [];
  const rateLimiter = options.rateLimits ? new WindowRateLimiter(options.rateLimits) : undefined;
  const events = new ReservationEventHub(options.database, app.log);
  const streamSlots = new StreamSlots(options.streamsPerClient ?? 20);
  const openStreams = new Set<AbortController>();
  if (adminTokens.length === 0) {
    app.log.warn('ADMINISTRATION IS OPEN: no ADMIN_TOKEN is set, so anyone who can reach this server can change restaurants and reservations');
  }
  const now = options.now ?? (() => new Date());
  const metrics = serverMetrics();
  const pool = options.database.pool;
  if (pool) metrics.pools.add(pool);
  /** The procedure(s) each request reached, for its metrics label (bounded: never the raw URL). */
  const procedureOf = new WeakMap<FastifyRequest, string>();
  const slowRequestMs = options.slowRequestMs ?? 1000;
  let draining = false;
  const contextFor = (request: FastifyRequest): Context =>
    createContext({
      db: options.database.db,
      settings: options.settings,
      requestId: String(request.id),
      now,
      log: request.log,
      admin: checkAdminAccess(request.headers.authorization, adminTokens),
      clientAddress: request.ip,
      ...(rateLimiter ? { rateLimiter } : {}),
      events,
      streamSlots,
      observer: {
        // A tRPC batch of several procedures is labelled `batch`: joined names would let a caller
        // mint new metric series at will.
        procedure: (path) => {
          const earlier = procedureOf.get(request);
          procedureOf.set(request, earlier === undefined || earlier === path ? path : 'batch');
        },
        booking: recordBooking,
      },
    });
  /** A 429 tells the caller when to come back. */
  const retryAfterHeader = (errors: readonly unknown[]): Record<string, string> => {
    const limited = errors.find((error): error is AppError => error instanceof AppError && error.retryAfterSeconds !== undefined);
    return limited ? { 'Retry-After': String(limited.retryAfterSeconds) } : {};
  };

  app.addHook('onRequest', async (request, reply) => {
    void reply.header('X-Request-Id', String(request.id));
    // Draining: each connection closes after its answer, so shutdown does not wait out keep-alives.
    if (draining) void reply.header('Connection', 'close');
    // An open administration listens on loopback only; a page on another site could still reach it by
    // rebinding its own name to 127.0.0.1, so a request must also name a loopback host.
    if (adminTokens.length === 0 && !isLoopbackHost(request.headers.host)) {
      enveloped.add(request);
      return reply
        .status(403)
        .send(failure('The administration is open, so this server answers only requests addressed to localhost', { reason: 'FORBIDDEN_HOST', requestId: String(request.id) }));
    }
  });

  app.addHook('onResponse', async (request, reply) => {
    const responseTimeMs = Math.round(reply.elapsedTime * 10) / 10;
    const procedure = procedureOf.get(request) ?? request.routeOptions.url ?? 'unmatched';
    const labels = { procedure, method: request.method, status: String(reply.statusCode) };
    metrics.requests.inc(labels);
    metrics.durations.observe(labels, reply.elapsedTime / 1000);
    const line = { method: request.method, url: request.url, statusCode: reply.statusCode, responseTimeMs, procedure };
    // A live stream is long by design, not slow.
    const isStream = String(reply.getHeader('content-type') ?? reply.raw.getHeader('content-type') ?? '').startsWith('text/event-stream');
    if (responseTimeMs >= slowRequestMs && !isStream) request.log.warn(line, 'slow request');
    else request.log.info(line, 'request completed');
  });

  // Errors Fastify raises itself (bad JSON, wrong content type, body too large) and anything unexpected.
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    const requestId = String(request.id);
    enveloped.add(request);
    if (status >= 500) {
      request.log.error({ err: error, requestId }, 'request failed');
      return reply.status(500).send(failure(`Internal server error (request id ${requestId})`, { reason: 'INTERNAL_ERROR', requestId }));
    }
    const reason =
      status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : status === 404 ? 'NOT_FOUND' : 'INVALID_INPUT';
    const message =
      reason === 'INVALID_INPUT' ? `Invalid input: ${error.message}` : reason === 'PAYLOAD_TOO_LARGE' ? 'Request body too large' : error.message;
    return reply.status(status).send(
      failure(message, {
        reason,
        requestId,
        ...(reason === 'INVALID_INPUT' ? { issues: [{ path: '', message: error.message }] } : {}),
      }),
    );
  });

  const webRoot = options.webRoot && existsSync(join(options.webRoot, 'index.html')) ? options.webRoot : undefined;
  if (webRoot) {
    void app.register(fastifyStatic, { root: webRoot, prefix: '/', wildcard: false, index: 'index.html' });
  }
  const isAppPage = (request: FastifyRequest) =>
    request.method === 'GET' &&
    !/^\/(api|trpc)(\/|$)/.test(request.url) &&
    !/\.[a-z0-9]+(\?|$)/i.test(request.url.split('?')[0] ?? '') &&
    (request.headers.accept ?? '').includes('text/html');

  app.setNotFoundHandler((request, reply) => {
    // The web app routes on the client: any page path gets its index.html.
    if (webRoot && isAppPage(request)) return reply.type('text/html').sendFile('index.html');
    enveloped.add(request);
    return reply
      .status(404)
      .send(failure(`No route ${request.method} ${request.url.split('?')[0]}`, { reason: 'NOT_FOUND', requestId: String(request.id) }));
  });

  // Security headers, built once: @fastify/helmet rebuilt helmet's middleware on every request (a few
  // percent of a cheap call's CPU in pnpm bench); helmet's own middleware precomputes them.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Restaurant photos live anywhere on the web.
        imgSrc: ["'self'", 'data:', 'https:', 'http:'],
        // React and Swagger UI set style attributes.
        styleSrc: ["'self'", "'unsafe-inline'"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    // The API is called from other origins when CORS_ORIGINS allows it.
    crossOriginResourcePolicy: { policy: 'same-site' },
  });
  app.addHook('onRequest', (request, reply, done) => securityHeaders(request.raw, reply.raw, () => done()));

  void app.register(cors, { origin: options.corsOrigins && options.corsOrigins.length > 0 ? options.corsOrigins : false });

  void app.register(fastifyTRPCPlugin, {
    prefix: '/trpc',
    trpcOptions: {
      router: appRouter,
      createContext: ({ req }) => contextFor(req),
      responseMeta: ({ errors }) => ({ headers: retryAfterHeader(errors) }),
    },
  } satisfies FastifyTRPCPluginOptions<AppRouter>);

  const openApiDocument = buildOpenApiDocument();

  void app.register(swagger, { mode: 'static', specification: { document: openApiDocument as never } });
  void app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.get('/api/openapi.json', async () => openApiDocument);

  registerEventStreamRoutes(app, { contextFor, pingIntervalMs: options.ssePingIntervalMs ?? 15_000, openStreams });

  app.get('/api/health', async () => {
    const databaseUp = await ping(options.database);
    return success('OK', { status: 'ok', database: databaseUp ? 'up' : 'down', adminOpen: adminTokens.length === 0 });
  });

  // For a load balancer: ready when the database answers with every migration applied, and not draining.
  app.get('/api/ready', async (request, reply) => {
    const state = await readiness(options.database);
    const problem = draining
      ? 'this server is shutting down'
      : state.database === 'down'
        ? 'the database cannot be reached'
        : state.migrations !== 'current'
          ? 'the database has migrations pending'
          : undefined;
    if (problem) {
      enveloped.add(request);
      return reply.status(503).send(failure(`Not ready: ${problem}`, { reason: 'SERVICE_UNAVAILABLE', requestId: String(request.id) }));
    }
    return success('Ready', { status: 'ready', database: state.database, migrations: state.migrations });
  });

  // Prometheus metrics, aggregated across a cluster's workers, for holders of the admin token: the
  // same gate as every administration call (401, and 429 after too many failed tries).
  app.get('/metrics', async (request, reply) => {
    try {
      assertAdmin(contextFor(request));
    } catch (error) {
      enveloped.add(request);
      return sendAppError(reply, String(request.id), error);
    }
    const { contentType, body } = await metricsText();
    return reply.type(contentType).send(body);
  });

  // The REST bridge, in its own scope so only its replies are wrapped in the envelope.
  void app.register(async (rest) => {
    // An empty JSON body is an empty object: `POST .../cancel` needs no body.
    const parseJson = rest.getDefaultJsonParser('error', 'error');
    rest.removeContentTypeParser('application/json');
    rest.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) =>
      body === '' ? done(null, {}) : parseJson(request, String(body), done),
    );
    rest.addHook('preHandler', async (request) => {
      const crossSite = request.headers['sec-fetch-site'] === 'cross-site' || request.headers['sec-fetch-site'] === 'same-site';
      if (request.method !== 'GET' && request.method !== 'DELETE' && request.body === undefined && !request.headers['content-type'] && !crossSite) {
        // A bodyless POST without a content type (`POST .../cancel`): the bridge insists on JSON, so give
        // it an empty object. Not for another site's page: a browser sends such "simple" requests
        // cross-site without asking, and an open administration must not be reachable that way.
        request.headers['content-type'] = 'application/json';
        request.body = {};
      }
      const idempotencyKey = request.headers['idempotency-key'];
      if (typeof idempotencyKey === 'string' && request.body && typeof request.body === 'object' && !Array.isArray(request.body)) {
        (request.body as Record<string, unknown>)['idempotencyKey'] = idempotencyKey;
      }
    });
    rest.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
      if (enveloped.has(request) || typeof payload !== 'string') return payload;
      const message = reply.getHeader(MESSAGE_HEADER);
      void reply.removeHeader(MESSAGE_HEADER);
      if (reply.statusCode < 400) {
        // The payload is already JSON: wrap it as it is rather than parse and serialise it again.
        return successEnvelopeJson(typeof message === 'string' ? message : 'OK', payload);
      }
      const body: unknown = payload.length > 0 ? JSON.parse(payload) : null;
      if (reply.statusCode >= 500) {
        request.log.error({ requestId: request.id, status: reply.statusCode }, 'REST call failed');
      }
      return JSON.stringify(envelopeFromBridgeError((body ?? {}) as object, String(request.id)));
    });
    await rest.register(fastifyTRPCOpenApiPlugin, {
      basePath: '/api',
      router: appRouter,
      createContext: ({ req }: { req: unknown }) => contextFor(req as FastifyRequest),
      responseMeta: ({ paths, errors }: { paths?: string[]; errors: unknown[] }) => {
        if (errors.length > 0) return { headers: retryAfterHeader(errors) };
        if (!paths?.[0]) return {};
        const meta = procedureMeta(paths[0]);
        return {
          status: meta?.successStatus ?? 200,
          headers: { [MESSAGE_HEADER]: meta?.successMessage ?? 'OK' },
        };
      },
    } as never);
  });

  // Idempotency keys are promised for 24 hours; older ones are swept hourly.
  const sweeper = setInterval(() => {
    purgeExpiredIdempotencyKeys(options.database.db).catch((error: unknown) => app.log.warn({ err: error }, 'idempotency sweep failed'));
    events.purge().catch((error: unknown) => app.log.warn({ err: error }, 'event backlog sweep failed'));
  }, 60 * 60 * 1000);
  sweeper.unref();
  // Live updates need the database; while it is down the API still answers (503s), and the feed retries.
  let liveRetry: NodeJS.Timeout | undefined;
  let closing = false;
  const startLiveUpdates = (delayMs = 1000): Promise<void> =>
    events.start().catch((error: unknown) => {
      if (closing) return;
      app.log.warn({ err: error }, `live updates could not start; retrying in ${delayMs} ms`);
      liveRetry = setTimeout(() => void startLiveUpdates(Math.min(delayMs * 2, 30_000)), delayMs);
      liveRetry.unref();
    });

  // Live streams end before the server waits for its connections to close.
  app.addHook('preClose', async () => {
    closing = true;
    clearTimeout(liveRetry);
    clearInterval(sweeper);
    for (const stream of openStreams) stream.abort();
    await events.stop();
  });

  return {
    app,
    async start() {
      await startLiveUpdates();
      return app.listen({ port: options.port ?? 5000, host: options.host ?? '127.0.0.1' });
    },
    drain() {
      draining = true;
    },
    async stop() {
      draining = true;
      // Connections idle between requests close now; busy ones close after their answer (above).
      const idleCloser = setInterval(() => app.server.closeIdleConnections(), 100);
      try {
        await app.close();
      } finally {
        clearInterval(idleCloser);
      }
      if (pool) metrics.pools.delete(pool);
    },
  };
}
