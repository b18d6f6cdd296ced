import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDb, migrate } from '@tablebook/db';
import { updateStoredLimits } from '@tablebook/api';
import { createServer } from '@tablebook/server';
import { createApiClient, type ApiClient } from '../../src/api/client.ts';

/** The built app that the server serves at `/`; `npm test` builds it before running vitest. */
const WEB_DIST = fileURLToPath(new URL('../../dist', import.meta.url));

/**
 * The server's limits in these tests. The restaurant limit is below the fifteen tables so a
 * restaurant can be full while its map still shows free tables to click (and be refused).
 */
export const DAILY_LIMITS = { restaurantDailyLimit: 10, globalDailyLimit: 20 } as const;

export interface AppServer {
  url: string;
  /** The app's own tRPC client, aimed at this server: for arranging data behind the page's back. */
  api: ApiClient;
  stop(): Promise<void>;
}

/** The real Fastify server over an in-memory PGlite; with `webApp`, it also serves the built app at `/`. */
export async function startAppServer(options: { webApp: boolean; adminTokens?: string[] }): Promise<AppServer> {
  if (options.webApp && !existsSync(join(WEB_DIST, 'index.html'))) {
    throw new Error(
      `The web app is not built (${WEB_DIST}/index.html is missing). Run \`pnpm --filter @tablebook/web build\` first (npm test does).`,
    );
  }
  const database = createDb('memory://');
  await migrate(database);
  await updateStoredLimits(database.db, DAILY_LIMITS);
  const server = createServer({
    database,
    settings: { timeZone: 'America/Bogota' },
    ...(options.webApp ? { webRoot: WEB_DIST } : {}),
    port: 0,
    logLevel: 'silent',
    ...(options.adminTokens ? { adminTokens: options.adminTokens } : {}),
  });
  const url = await server.start();
  return {
    url,
    // With admin tokens, the test's own client signs in with the first one.
    api: createApiClient({
      url: `${url}/trpc`,
      headers: (): Record<string, string> => (options.adminTokens?.[0] ? { Authorization: `Bearer ${options.adminTokens[0]}` } : {}),
    }),
    async stop() {
      await server.stop();
      await database.close();
    },
  };
}
