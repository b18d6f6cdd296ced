import { fileURLToPath } from 'node:url';
import { createDb, migrate } from '@tablebook/db';
import { ConfigError, loadSettings, openAdministrationProblem } from './config.ts';
import { createServer } from './app.ts';

async function main() {
  const settings = loadSettings();
  const refusal = openAdministrationProblem(settings);
  if (refusal) throw new ConfigError(refusal);
  const database = createDb(settings.DATABASE_URL, {
    defaultDataDir: settings.DATA_DIR,
    onPoolError: (error) => console.error(JSON.stringify({ level: 50, msg: 'idle database connection failed', err: error.message })),
  });
  await migrate(database);
  const server = createServer({
    database,
    settings: {
      restaurantDailyLimit: settings.RESTAURANT_DAILY_LIMIT,
      globalDailyLimit: settings.GLOBAL_DAILY_LIMIT,
      timeZone: settings.APP_TIMEZONE,
    },
    port: settings.PORT,
    host: settings.HOST,
    corsOrigins: settings.CORS_ORIGINS,
    logLevel: settings.LOG_LEVEL,
    webRoot: settings.WEB_ROOT ?? fileURLToPath(new URL('../../web/dist', import.meta.url)),
    adminTokens: settings.ADMIN_TOKEN,
    streamsPerClient: settings.STREAMS_PER_CLIENT,
    trustProxy: settings.TRUST_PROXY,
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
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    server.app.log.info({ signal }, 'shutting down');
    await server.stop();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  const address = await server.start();
  server.app.log.info(
    { address, database: database.description, docs: `${address}/api/docs` },
    `Tablebook listening at ${address} (REST ${address}/api, tRPC ${address}/trpc, docs ${address}/api/docs)`,
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('Tablebook failed to start:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
