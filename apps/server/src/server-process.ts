// One server process: the whole server when WORKERS=1, or one cluster worker. Reads its settings,
// opens the database, migrates (unless the cluster primary already did), serves, and on SIGTERM
// shuts down gracefully: /api/ready turns 503, the listener closes, live streams end, requests in
// flight finish (up to SHUTDOWN_GRACE_MS), the outbox's sends in flight finish, the pool closes, exit 0.
// Every serving process (each worker with WORKERS>1; never the cluster primary) runs the outbox's sender.
import cluster from 'node:cluster';
import { fileURLToPath } from 'node:url';
import { createDb, migrate } from '@tablebook/db';
import type { Settings } from './config.ts';
import { createServer } from './app.ts';
import { adoptConfiguredLimits } from '@tablebook/api';
import type { Database } from '@tablebook/db';
import type { FastifyBaseLogger } from 'fastify';
import { type RunningOutbox, startOutbox } from './outbox/start.ts';
import { heapSettings } from './heap-settings.ts';

/** The variable behind each stored limit. */
const LIMIT_VARIABLES = { globalDailyLimit: 'GLOBAL_DAILY_LIMIT', restaurantDailyLimit: 'RESTAURANT_DAILY_LIMIT' } as const;

/**
 * The daily limits are stored in the database: a new one takes this process's (RESTAURANT_DAILY_LIMIT,
 * GLOBAL_DAILY_LIMIT); afterwards the stored values rule, and a variable set to another value is
 * named in a warning (a rolling deploy that changes a limit in the environment changes nothing).
 */
async function adoptLimits(db: Database, settings: Settings, log: FastifyBaseLogger) {
  const explicit = (Object.keys(LIMIT_VARIABLES) as (keyof typeof LIMIT_VARIABLES)[]).filter(
    (name) => process.env[LIMIT_VARIABLES[name]] !== undefined && process.env[LIMIT_VARIABLES[name]] !== '',
  );
  const { stored, mismatches } = await adoptConfiguredLimits(db, {
    limits: { globalDailyLimit: settings.GLOBAL_DAILY_LIMIT, restaurantDailyLimit: settings.RESTAURANT_DAILY_LIMIT },
    explicit,
  });
  for (const mismatch of mismatches) {
    const variable = LIMIT_VARIABLES[mismatch.name];
    log.warn(
      { variable, configured: mismatch.configured, stored: mismatch.stored },
      `${variable}=${mismatch.configured} differs from the stored ${mismatch.name} ${mismatch.stored}: using the stored value (change it with PUT /api/admin/settings or tablebook settings set)`,
    );
  }
  log.info({ dailyLimits: stored }, 'daily limits (stored in the database)');
}

/** Set by the cluster primary for its workers: it has migrated already. */
export const MIGRATED_BY_PRIMARY = 'TABLEBOOK_MIGRATED_BY_PRIMARY';

export async function runServerProcess(settings: Settings): Promise<void> {
  const database = createDb(settings.DATABASE_URL, {
    defaultDataDir: settings.DATA_DIR,
    maxConnections: settings.DATABASE_POOL_SIZE,
    connectionTimeoutMillis: settings.DATABASE_CONNECT_TIMEOUT_MS,
    acquireTimeoutMillis: settings.DATABASE_QUEUE_TIMEOUT_MS,
    statementTimeoutMillis: settings.DATABASE_STATEMENT_TIMEOUT_MS,
    namedStatements: settings.DATABASE_PREPARED_STATEMENTS === 'on',
    ...(settings.DIRECT_DATABASE_URL ? { directUrl: settings.DIRECT_DATABASE_URL } : {}),
    onPoolError: (error) =>
      console.error(JSON.stringify({ level: 50, pid: process.pid, msg: 'idle database connection failed', err: error.message })),
  });
  if (process.env[MIGRATED_BY_PRIMARY] !== '1') await migrate(database);
  const server = createServer({
    database,
    settings: { timeZone: settings.APP_TIMEZONE, webhooksAllowPrivate: settings.WEBHOOKS_ALLOW_PRIVATE },
    port: settings.PORT,
    host: settings.HOST,
    corsOrigins: settings.CORS_ORIGINS,
    logLevel: settings.LOG_LEVEL,
    webRoot: settings.WEB_ROOT ?? fileURLToPath(new URL('../../web/dist', import.meta.url)),
    adminTokens: settings.ADMIN_TOKEN,
    streamsPerClient: settings.STREAMS_PER_CLIENT,
    trustProxy: settings.TRUST_PROXY,
    slowRequestMs: settings.SLOW_REQUEST_MS,
    ...(settings.RATE_LIMIT === 'on'
      ? {
          rateLimits: {
            guestBooking: settings.RATE_LIMIT_GUEST_BOOKINGS,
            failedAdminAuth: settings.RATE_LIMIT_FAILED_AUTH,
            public: settings.RATE_LIMIT_PUBLIC,
          },
        }
      : {}),
  });

  await adoptLimits(database.db, settings, server.app.log);

  let outbox: RunningOutbox | undefined;
  let stopping = false;
  const shutdown = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    const log = server.app.log;
    log.info({ reason, graceMs: settings.SHUTDOWN_GRACE_MS }, 'shutting down: finishing requests in flight');
    server.drain();
    let forced = false;
    // Closing the pool or the LISTEN connection can wait on a database that no longer answers: the
    // process exits regardless shortly after the grace period.
    setTimeout(() => {
      log.warn('shutdown did not finish in time; exiting');
      process.exit(0);
    }, settings.SHUTDOWN_GRACE_MS + 2000).unref();
    const grace = setTimeout(() => {
      forced = true;
      log.warn({ graceMs: settings.SHUTDOWN_GRACE_MS }, 'grace period over: closing the connections still open');
      server.app.server.closeAllConnections();
    }, settings.SHUTDOWN_GRACE_MS);
    try {
      // The sender stops claiming at once; what it is sending may finish within the grace period
      // (a send cut short keeps its lease and is retried by another process after it).
      await Promise.all([server.stop(), outbox?.stop()]);
      await database.close();
    } catch (error) {
      log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
    clearTimeout(grace);
    log.info({ forced }, forced ? 'stopped after the grace period' : 'stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  // A worker whose primary is gone has no one to answer to.
  if (cluster.isWorker) process.on('disconnect', () => void shutdown('cluster primary gone'));

  const address = await server.start();
  if (!stopping) {
    outbox = startOutbox(database.db, settings, server.app.log, { stopTimeoutMs: Math.min(settings.SHUTDOWN_GRACE_MS, 10_000) });
  }
  server.app.log.info(
    {
      address,
      database: database.description,
      docs: `${address}/api/docs`,
      ...(cluster.isWorker ? { worker: cluster.worker?.id } : {}),
      // Whose V8 heap flags this process runs with, and how they were applied (heap-settings.ts).
      v8Heap: heapSettings(),
    },
    `Tablebook listening at ${address} (REST ${address}/api, tRPC ${address}/trpc, docs ${address}/api/docs)`,
  );
  // Logs are written in batches (log-destination.ts): the line that says the server is up goes out now.
  server.flushLogs();
}
