import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDb, migrate, type DatabaseHandle } from '@tablebook/db';
import { updateStoredLimits, type RateLimits } from '@tablebook/api';
import { createServer, loadSettings, startOutbox, type RunningOutbox, type TablebookServer } from '@tablebook/server';
import { migratedPgliteImage } from '@tablebook/testing';
import { createApiClient, type ApiClient } from '../../src/api/client.ts';

/** The built app that the server serves at `/`; `npm test` builds it before running vitest. */
const WEB_DIST = fileURLToPath(new URL('../../dist', import.meta.url));

/**
 * The server's limits in these tests. The restaurant limit is below the fifteen tables so a
 * restaurant can be full while its map still shows free tables to click (and be refused).
 */
export const DAILY_LIMITS = { restaurantDailyLimit: 10, globalDailyLimit: 20 } as const;

/**
 * The outbox's sender beside the server (issue 17), set up as a deployment is: these are the server's
 * environment variables (SMTP_URL, MAIL_FROM, OUTBOX_POLL_MS, OUTBOX_MAX_ATTEMPTS, OUTBOX_RETRY_BASE_MS,
 * ...), read by its own config (loadSettings). PUBLIC_URL is this server's address, for the cancel
 * links; WEBHOOKS_ALLOW_PRIVATE=true, so endpoints on this machine can be registered and called.
 */
export type OutboxEnv = Partial<
  Record<'SMTP_URL' | 'MAIL_FROM' | 'OUTBOX_POLL_MS' | 'OUTBOX_MAX_ATTEMPTS' | 'OUTBOX_RETRY_BASE_MS' | 'OUTBOX_LEASE_SECONDS', string>
>;

export interface AppServer {
  url: string;
  /** The app's own tRPC client, aimed at this server: for arranging data behind the page's back. */
  api: ApiClient;
  /** The server's database, for a test to arrange what no API does (an expired event backlog). */
  database: DatabaseHandle;
  /** Stops the HTTP server alone, as a shutdown would: its streams end, the database and its data stay. */
  stopServer(): Promise<void>;
  /** Starts a new server on the same port and database (after `stopServer`): a restart. */
  startServer(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The real Fastify server over an in-memory PGlite; with `webApp`, it also serves the built app at `/`;
 * with `rateLimits`, it counts calls per address as a deployed server does (none by default); with
 * `timeZone`, its APP_TIMEZONE (America/Bogota by default); with `outbox`, the outbox's sender runs
 * (see OutboxEnv).
 */
export async function startAppServer(options: {
  webApp: boolean;
  adminTokens?: string[];
  rateLimits?: RateLimits;
  timeZone?: string;
  /** Runs the outbox's sender (e-mail only with SMTP_URL; webhooks always); none by default. */
  outbox?: OutboxEnv;
}): Promise<AppServer> {
  if (options.webApp && !existsSync(join(WEB_DIST, 'index.html'))) {
    throw new Error(
      `The web app is not built (${WEB_DIST}/index.html is missing). Run \`pnpm --filter @tablebook/web build\` first (npm test does).`,
    );
  }
  // From the run's migrated image (tooling/testing's pglite-image.ts); migrate() then finds nothing to do.
  const image = await migratedPgliteImage();
  const database = createDb('memory://', image ? { pgliteImage: image } : {});
  await migrate(database);
  await updateStoredLimits(database.db, DAILY_LIMITS);
  const serverOptions = {
    database,
    settings: { timeZone: options.timeZone ?? 'America/Bogota', ...(options.outbox ? { webhooksAllowPrivate: true } : {}) },
    ...(options.webApp ? { webRoot: WEB_DIST } : {}),
    logLevel: 'silent',
    ...(options.adminTokens ? { adminTokens: options.adminTokens } : {}),
    ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}),
  };
  let server: TablebookServer | undefined = createServer({ ...serverOptions, port: 0 });
  const url = await server.start();
  // A restart listens where the pages already are.
  const port = Number(new URL(url).port);
  const silent = { info() {}, warn() {}, error() {} };
  const outbox: RunningOutbox | undefined = options.outbox
    ? startOutbox(database.db, loadSettings({ ...options.outbox, PUBLIC_URL: url, WEBHOOKS_ALLOW_PRIVATE: 'true' }), silent)
    : undefined;
  const stopServer = async () => {
    const running = server;
    server = undefined;
    await running?.stop();
  };
  return {
    url,
    database,
    // With admin tokens, the test's own client signs in with the first one.
    api: createApiClient({
      url: `${url}/trpc`,
      headers: (): Record<string, string> => (options.adminTokens?.[0] ? { Authorization: `Bearer ${options.adminTokens[0]}` } : {}),
    }),
    stopServer,
    async startServer() {
      if (server) throw new Error('the server is already running');
      const restarted = createServer({ ...serverOptions, port });
      await restarted.start();
      server = restarted;
    },
    async stop() {
      await outbox?.stop();
      await stopServer();
      await database.close();
    },
  };
}
