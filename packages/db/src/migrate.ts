import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { findPgError, isConnectionError } from './errors.ts';
import { queryRows } from './rows.ts';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { DatabaseHandle, Schema } from './client.ts';

/**
 * Found through the package's own manifest rather than this file's URL, so that a bundle of the server
 * (apps/server/dist) still finds the SQL files shipped with this package.
 */
export const migrationsFolder = join(dirname(createRequire(import.meta.url).resolve('@tablebook/db/package.json')), 'migrations');

/** Arbitrary constant shared by every process: the key of the session advisory lock around migrations. */
const MIGRATION_LOCK_KEY = 7_210_431_001;

/**
 * Applies pending migrations. On a real server several processes may start at once: a session-level
 * advisory lock on one dedicated connection lets exactly one migrate while the others wait, then find
 * nothing left to do.
 */
export async function migrate(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === 'pglite') {
    await migratePglite(handle.db as unknown as PgliteDatabase<Schema>, { migrationsFolder });
    return;
  }
  if (!handle.directUrl) throw new Error('a PostgreSQL handle without a URL');
  // A session of its own (the advisory lock is session-level, so not through a transaction pooler),
  // closed afterwards: migrations run once per start, not per request.
  const pool = new pg.Pool({ connectionString: handle.directUrl, max: 1, connectionTimeoutMillis: 10_000 });
  pool.on('error', () => undefined);
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await migratePg(drizzlePg(client), { migrationsFolder });
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
    await pool.end();
  }
}

let shippedCount: number | undefined;
/** How many migrations this build ships (drizzle-kit's journal, read once). */
function shippedMigrationCount(): number {
  if (shippedCount === undefined) {
    const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
    shippedCount = journal.entries.length;
  }
  return shippedCount;
}

/**
 * Whether the database answers and has every migration this build ships: what a load balancer's
 * readiness check needs. Never throws.
 */
export async function readiness(
  handle: DatabaseHandle,
): Promise<{ database: 'up' | 'down'; migrations: 'current' | 'pending' | 'unknown' }> {
  try {
    const [row] = await queryRows<{ applied: number }>(handle.db, sql`select count(*)::int as applied from drizzle.__drizzle_migrations`);
    return { database: 'up', migrations: (row?.applied ?? 0) >= shippedMigrationCount() ? 'current' : 'pending' };
  } catch (error) {
    if (isConnectionError(error)) return { database: 'down', migrations: 'unknown' };
    const up = await ping(handle);
    return { database: up ? 'up' : 'down', migrations: up ? (isUndefinedTable(error) ? 'pending' : 'unknown') : 'unknown' };
  }
}

const isUndefinedTable = (error: unknown) => findPgError(error)?.code === '42P01';

/** True when the database answers a trivial query. */
export async function ping(handle: DatabaseHandle): Promise<boolean> {
  try {
    await handle.db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}
