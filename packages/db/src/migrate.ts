import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
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
  if (!handle.pool) throw new Error('a PostgreSQL handle without a pool');
  const db = handle.db as unknown as NodePgDatabase<Schema>;
  const client = await handle.pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await migratePg(db, { migrationsFolder });
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}

/** True when the database answers a trivial query. */
export async function ping(handle: DatabaseHandle): Promise<boolean> {
  try {
    await handle.db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}
