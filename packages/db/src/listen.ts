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

/** The listening connection's name in pg_stat_activity. */
export const LISTENER_APPLICATION_NAME = 'tablebook live updates';

export interface Listening {
  /** Tells every process listening on the channel, this one too, that something changed. */
  announce(): void;
  stop(): Promise<void>;
}

/**
 * Sends one NOTIFY at a time: calls while one is on its way coalesce into one more after it, so a
 * burst of changes is a few notifications, not one per change. A failure is dropped: the listeners'
 * own periodic reads catch up.
 */
function coalescedAnnouncer(send: () => Promise<unknown>): () => void {
  let sending = false;
  let again = false;
  const run = () => {
    sending = true;
    again = false;
    send()
      .catch(() => undefined)
      .finally(() => {
        sending = false;
        if (again) run();
      });
  };
  return () => {
    if (sending) again = true;
    else run();
  };
}

/** PGlite runs in this process: its own LISTEN and NOTIFY serve. */
export async function listenPglite(client: PGlite, channel: string, options: ListenOptions): Promise<Listening> {
  const unsubscribe = await client.listen(channel, options.onNotify);
  const notify = `NOTIFY ${pg.escapeIdentifier(channel)}`;
  return {
    announce: coalescedAnnouncer(async () => {
      if (!client.closed) await client.query(notify);
    }),
    stop: async () => {
      if (!client.closed) await unsubscribe();
    },
  };
}

/** The server process id of a connected client (pg keeps it from the startup's BackendKeyData). */
const ownBackend = (client: pg.Client) => (client as pg.Client & { processID?: number }).processID;

/**
 * A dedicated connection (LISTEN needs a session; a pooled client would be handed to others) that
 * reconnects by itself, backing off up to 5 s, when the server restarts or the network drops. It also
 * sends the announcements: each NOTIFY is its own transaction here, after the writer's commit, never
 * inside it (a NOTIFY in a transaction takes a lock that serialises every notifying commit), and
 * without waiting for its commit record to reach disk (it carries no data).
 */
export async function listenPostgres(url: string, channel: string, options: ListenOptions): Promise<Listening> {
  let client: pg.Client | undefined;
  let stopped = false;
  let retryDelay = 100;
  let retryTimer: NodeJS.Timeout | undefined;

  const connect = async (isReconnect: boolean): Promise<void> => {
    // TCP keep-alive after 10 s idle: a connection that died silently (NAT, failover) is noticed.
    const next = new pg.Client({
      connectionString: url,
      // How operators (and the tests that cut it) find this connection in pg_stat_activity.
      application_name: LISTENER_APPLICATION_NAME,
      connectionTimeoutMillis: 5000,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    next.on('notification', (message) => {
      // LISTEN hears this connection's own NOTIFY too: this process was told already (events/hub.ts).
      if (message.channel === channel && message.processId !== ownBackend(next)) options.onNotify(message.payload ?? '');
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
      await next.query(`SET synchronous_commit = off; LISTEN ${pg.escapeIdentifier(channel)}`);
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
  const notify = `NOTIFY ${pg.escapeIdentifier(channel)}`;
  return {
    // While reconnecting there is no one to send through: the listeners' periodic reads catch up.
    announce: coalescedAnnouncer(async () => client?.query(notify)),
    stop: async () => {
      stopped = true;
      if (retryTimer) clearTimeout(retryTimer);
      const current = client;
      client = undefined;
      if (current) await current.end().catch(() => undefined);
    },
  };
}
