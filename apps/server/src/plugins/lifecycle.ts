import { purgeExpiredIdempotencyKeys, type ReservationEventHub } from '@tablebook/api';
import type { DatabaseHandle } from '@tablebook/db';
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';

export interface LifecycleOptions {
  database: DatabaseHandle;
  events: ReservationEventHub;
  /** Live streams still open: aborted when the server closes. */
  openStreams: Set<AbortController>;
}

/** The hourly sweeps, the live-update feed (started when the server is ready), and ending both on close. */
const lifecyclePlugin: FastifyPluginAsync<LifecycleOptions> = async (app, { database, events, openStreams }) => {
  // Idempotency keys are promised for 24 hours; older ones are swept hourly.
  const sweeper = setInterval(
    () => {
      purgeExpiredIdempotencyKeys(database.db).catch((error: unknown) => app.log.warn({ err: error }, 'idempotency sweep failed'));
      events.purge().catch((error: unknown) => app.log.warn({ err: error }, 'event backlog sweep failed'));
    },
    60 * 60 * 1000,
  );
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
  // Before the server listens (listen() waits for ready): the first attempt is over when it accepts requests.
  app.addHook('onReady', () => startLiveUpdates());

  // Live streams end before the server waits for its connections to close.
  app.addHook('preClose', async () => {
    closing = true;
    clearTimeout(liveRetry);
    clearInterval(sweeper);
    for (const stream of openStreams) stream.abort();
    await events.stop();
  });
};

// Root scope: onReady and preClose are the server's own.
export const lifecycle = fp(lifecyclePlugin, { name: 'tablebook-lifecycle' });
