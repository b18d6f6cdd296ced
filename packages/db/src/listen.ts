import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export interface ListenOptions {
  /** Called with each notification's payload. */
  onNotify: (payload: string) => void;
  /** Called after the connection came back (notifications sent meanwhile were lost: catch up). */
  onReconnect?: () => void;
  /** Called when the connection drops (for logs and health). */
  onDisconnect?: (error: Error | undefined) => void;
}

export type StopListening = () => Promise<void>;

/** PGlite runs in this process: its own LISTEN serves. */
export async function listenPglite(client: PGlite, channel: string, options: ListenOptions): Promise<StopListening> {
  const unsubscribe = await client.listen(channel, options.onNotify);
  return async () => {
    if (!client.closed) await unsubscribe();
  };
}

/**
 * A dedicated connection (LISTEN needs a session; a pooled client would be handed to others) that
 * reconnects by itself, backing off up to 5 s, when the server restarts or the network drops.
 */
export async function listenPostgres(url: string, channel: string, options: ListenOptions): Promise<StopListening> {
  let client: pg.Client | undefined;
  let stopped = false;
  let retryDelay = 100;
  let retryTimer: NodeJS.Timeout | undefined;

  const connect = async (isReconnect: boolean): Promise<void> => {
    // TCP keep-alive after 10 s idle: a connection that died silently (NAT, failover) is noticed.
    const next = new pg.Client({
      connectionString: url,
      connectionTimeoutMillis: 5000,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    next.on('notification', (message) => {
      if (message.channel === channel) options.onNotify(message.payload ?? '');
    });
    const dropped = (error?: Error) => {
      if (client !== next) return;
      client = undefined;
      next.removeAllListeners('error');
      next.on('error', () => undefined);
      void next.end().catch(() => undefined);
      options.onDisconnect?.(error);
      schedule();
    };
    next.on('error', dropped);
    next.on('end', () => dropped(undefined));
    try {
      await next.connect();
      await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      // e.g. LISTEN refused on a standby after a failover: do not leak the connection on each retry.
      next.removeAllListeners('end');
      await next.end().catch(() => undefined);
      throw error;
    }
    if (stopped) {
      await next.end();
      return;
    }
    client = next;
    retryDelay = 100;
    if (isReconnect) options.onReconnect?.();
  };

  const schedule = () => {
    if (stopped || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      connect(true).catch((error: unknown) => {
        options.onDisconnect?.(error instanceof Error ? error : new Error(String(error)));
        retryDelay = Math.min(retryDelay * 2, 5000);
        schedule();
      });
    }, retryDelay);
    retryTimer.unref();
  };

  await connect(false);
  return async () => {
    stopped = true;
    if (retryTimer) clearTimeout(retryTimer);
    const current = client;
    client = undefined;
    if (current) await current.end().catch(() => undefined);
  };
}
