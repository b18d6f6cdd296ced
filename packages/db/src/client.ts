import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { listenPglite, listenPostgres, type ListenOptions, type Listening } from './listen.ts';
import * as schema from './schema.ts';
import { isConnectionError } from './errors.ts';
import { withStatementName } from './statement-names.ts';

export type Schema = typeof schema;
/** The Drizzle handle every package uses, whichever driver is underneath. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

export type DatabaseKind = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Database;
  kind: DatabaseKind;
  /** Where the data lives, without credentials (for logs). */
  description: string;
  /** The node-postgres pool, for a real server. */
  pool?: pg.Pool;
  /** For a real server: a session-capable URL (DIRECT_DATABASE_URL, else the main one), used by migrations and LISTEN. */
  directUrl?: string;
  /** LISTEN on a channel: PGlite's own, or a dedicated reconnecting connection to the server. */
  listen(channel: string, options: ListenOptions): Promise<Listening>;
  close(): Promise<void>;
}

export interface CreateDbOptions {
  /** Pool size for a real PostgreSQL server. */
  maxConnections?: number;
  /** How long opening a connection to the server may take before failing (ms). */
  connectionTimeoutMillis?: number;
  /**
   * How long a query may wait for a free pooled connection when all are busy (ms; default 10 s). Kept
   * apart from the connect timeout: a burst of requests queues, an unreachable server fails fast.
   */
  acquireTimeoutMillis?: number;
  /** Called when an idle pooled connection fails (the process must not die of it). */
  onPoolError?: (error: Error) => void;
  /** Directory for the embedded database when no URL is given. */
  defaultDataDir?: string;
  /** Sees every statement Drizzle sends (the benchmark compares its baseline's SQL with ours). */
  logQuery?: (query: string, params: unknown[]) => void;
  /**
   * A statement running longer is cancelled by the server (ms; 0 = no limit). Sent as a connection
   * parameter; behind PgBouncer set it on the database role instead (see the README).
   */
  statementTimeoutMillis?: number;
  /**
   * Statements with parameters are prepared under a name, once per connection (default true). Off for
   * a transaction-mode pooler that does not track prepared statements (PgBouncer before 1.21, or
   * without max_prepared_statements): then every statement is unnamed, parsed and planned each time.
   */
  namedStatements?: boolean;
  /**
   * A session-capable connection to the same database (no transaction-mode pooler in between), for
   * what needs a session: LISTEN, and migrations with their advisory lock. Default: the main URL.
   */
  directUrl?: string;
  /**
   * `memory://` only: a PGlite data directory (a `dumpDataDir()` tarball) the database starts from,
   * instead of an empty cluster (initdb): the test suites start each in-memory database from one
   * migrated in that run, which skips about 3 s of CPU per database.
   */
  pgliteImage?: Blob;
}

/**
 * `url` undefined or empty: embedded PGlite persisted under `defaultDataDir` (./.data/pglite);
 * `memory://`: in-memory PGlite; `postgres://` or `postgresql://`: a real server through a pg Pool;
 * `file:PATH`: embedded PGlite persisted at PATH.
 */
export function createDb(url: string | undefined, options: CreateDbOptions = {}): DatabaseHandle {
  if (!url) {
    return createPglite(options.defaultDataDir ?? resolve('.data/pglite'), options);
  }
  if (url === 'memory://' || url === 'memory:') {
    return createPglite(undefined, options, options.pgliteImage);
  }
  if (url.startsWith('file:')) {
    return createPglite(resolve(url.slice('file:'.length).replace(/^\/\//, '')), options);
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    return createPostgres(url, options);
  }
  throw new Error(`DATABASE_URL must be empty, memory://, file:PATH, postgres:// or postgresql:// (got "${url.split(':')[0]}:...")`);
}

/** After a failed connection attempt, further ones fail at once for this long instead of each waiting out the connect timeout. */
const UNREACHABLE_WINDOW_MS = 1000;

class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
  readonly code = 'ECONNREFUSED';
  constructor() {
    super('The database is unavailable: the last connection attempt failed moments ago');
  }
}

/**
 * While the server is unreachable, requests queued behind one another would each wait for their own
 * connect timeout (1.5 s, 3 s, 4.5 s… for a pool of 10). After a failed attempt, new ones are refused
 * at once for a second, so every request answers 503 promptly; then one attempt is tried again.
 */
/** pg-pool's connect callback. */
type ConnectCallback = (error: Error | undefined, client?: pg.PoolClient, done?: (release?: unknown) => void) => void;

/**
 * A statement this connection prepared that the server can no longer run as prepared: its result's
 * types changed (a migration altered a column while this process ran) or it is gone (a pooler in
 * between). node-postgres never prepares a name twice, so the connection is closed: the pool opens a
 * fresh one for the next request, instead of the failure repeating on every later use.
 */
function isStalePreparedStatement(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return (code === '0A000' && typeof message === 'string' && /cached plan must not change result type/.test(message)) || code === '26000';
}

function failFastWhileUnreachable(pool: pg.Pool) {
  let unreachableUntil = 0;
  const connect = pool.connect.bind(pool) as (callback: ConnectCallback) => void;
  const guarded = (callback: ConnectCallback) => {
    if (Date.now() < unreachableUntil) {
      process.nextTick(() => callback(new DatabaseUnavailableError()));
      return;
    }
    connect((error, client, done) => {
      // Not the pool's own queue timeout ("timeout exceeded when trying to connect"): a busy pool
      // is not an unreachable server.
      if (error && isConnectionError(error) && !/timeout exceeded when trying to connect/.test(error.message)) {
        unreachableUntil = Date.now() + UNREACHABLE_WINDOW_MS;
      } else if (!error) unreachableUntil = 0;
      callback(error, client, done);
    });
  };
  // pg-pool calls connect() with a callback from query(), and callers use the promise form.
  (pool as unknown as { connect: unknown }).connect = (callback?: ConnectCallback) => {
    if (callback) return guarded(callback);
    return new Promise<pg.PoolClient>((resolve, reject) => guarded((error, client) => (error ? reject(error) : resolve(client!))));
  };
}

const queryLogger = (options: CreateDbOptions) => (options.logQuery ? { logQuery: options.logQuery } : false);

function createPglite(dataDir: string | undefined, options: CreateDbOptions, image?: Blob): DatabaseHandle {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // btree_gist: the exclusion constraint that keeps a table's reservations from overlapping.
  const client = new PGlite({ ...(dataDir ? { dataDir } : {}), ...(image ? { loadDataDir: image } : {}), extensions: { btree_gist } });
  const db = drizzlePglite(client, { schema, logger: queryLogger(options) }) as unknown as Database;
  return {
    db,
    kind: 'pglite',
    description: dataDir ? `embedded PGlite at ${dataDir}` : 'in-memory PGlite',
    listen: (channel, options) => listenPglite(client, channel, options),
    close: async () => {
      if (!client.closed) await client.close();
    },
  };
}

function createPostgres(url: string, options: CreateDbOptions): DatabaseHandle {
  const connectTimeout = options.connectionTimeoutMillis ?? 10_000;
  // pg-pool uses one timeout both for waiting in its queue and for opening a connection; the client
  // class takes its own, shorter one for the latter.
  class BoundedClient extends pg.Client {
    constructor(config?: pg.ClientConfig) {
      super({ ...config, connectionTimeoutMillis: connectTimeout });
      // The pool only listens for errors on idle clients; a checked-out client whose server goes away
      // between two statements of a transaction emits 'error' too, and with no listener that would
      // kill the process. The statement in progress (or the next) fails and answers 503.
      this.on('error', () => undefined);
    }
  }
  const namedStatements = options.namedStatements ?? true;
  class NamingClient extends BoundedClient {
    // node-postgres's query() has many overloads; the config is only rewritten, never narrowed.
    override query(config: unknown, values?: unknown, callback?: unknown): never {
      const query = super.query as unknown as (...args: unknown[]) => unknown;
      const heal = (error: unknown) => {
        if (isStalePreparedStatement(error)) void this.end().catch(() => undefined);
      };
      if (typeof callback === 'function') {
        const done = callback as (error: unknown, result: unknown) => void;
        return query.call(this, withStatementName(config, values), values, (error: unknown, result: unknown) => {
          heal(error);
          done(error, result);
        }) as never;
      }
      const result = query.call(this, withStatementName(config, values), values);
      if (result instanceof Promise) result.then(undefined, heal);
      return result as never;
    }
  }
  const pool = new pg.Pool({
    Client: namedStatements ? (NamingClient as unknown as typeof BoundedClient) : BoundedClient,
    connectionString: url,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: Math.max(options.acquireTimeoutMillis ?? 10_000, connectTimeout),
    ...(options.statementTimeoutMillis ? { statement_timeout: options.statementTimeoutMillis } : {}),
    // A connection that died silently (failover, NAT) is noticed instead of hanging a request.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  });
  // An idle client's error (the server restarted, the network dropped) is emitted on the pool;
  // unhandled, it would crash the process.
  pool.on('error', (error) => options.onPoolError?.(error));
  failFastWhileUnreachable(pool);
  const db = drizzlePg(pool, { schema, logger: queryLogger(options) }) as unknown as Database;
  const parsed = new URL(url);
  const directUrl = options.directUrl || url;
  return {
    db,
    kind: 'postgres',
    pool,
    directUrl,
    listen: (channel, listenOptions) => listenPostgres(directUrl, channel, listenOptions),
    description: `PostgreSQL at ${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`,
    close: () => pool.end(),
  };
}
