import { createTestDatabase } from '@tablebook/testing';
import { count, sql } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cities, createDb, migrationsFolder, departments, findPgError, isConnectionError, migrate, queryRows } from '../src/index.ts';

describe('migrations on PGlite', () => {
  it('load the reference data once, however often they run', async () => {
    const handle = createDb('memory://');
    try {
      await migrate(handle);
      await migrate(handle);
      const [cityCount] = await handle.db.select({ n: count() }).from(cities);
      const [departmentCount] = await handle.db.select({ n: count() }).from(departments);
      expect(cityCount?.n).toBe(1103);
      expect(departmentCount?.n).toBe(32);
      // The sequence moved past the loaded ids, so a new city would not collide.
      const [next] = await queryRows<{ id: number }>(handle.db, sql`select nextval(pg_get_serial_sequence('cities', 'id'))::int as id`);
      expect(next?.id).toBe(1104);
    } finally {
      await handle.close();
    }
  });
});

const postgresUrl = inject('postgresUrl');
const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };

describe.skipIf(!postgresUrl)('migrations on real PostgreSQL', () => {
  it('are safe when several processes start at once', async () => {
    const database = await createTestDatabase(postgresUrl);
    const handles = Array.from({ length: 4 }, () => createDb(database.url, { maxConnections: 2 }));
    try {
      await Promise.all(handles.map((handle) => migrate(handle)));
      const [cityCount] = await handles[0]!.db.select({ n: count() }).from(cities);
      expect(cityCount?.n).toBe(1103);
      const [applied] = await queryRows<{ n: number }>(handles[0]!.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
      expect(applied?.n).toBe(journal.entries.length);
    } finally {
      await Promise.all(handles.map((handle) => handle.close()));
      await database.drop();
    }
  });

  it('recognises an unreachable server as a connection error', async () => {
    const handle = createDb('postgres://postgres@127.0.0.1:1/nothing', { connectionTimeoutMillis: 1000 });
    try {
      const error = await handle.db.execute(sql`select 1`).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(isConnectionError(error)).toBe(true);
      expect(findPgError(error)).toBeUndefined();
    } finally {
      await handle.close();
    }
  });
});

describe('createDb', () => {
  it('refuses an unknown URL scheme with a clear message', () => {
    expect(() => createDb('mysql://localhost/x')).toThrow(/DATABASE_URL must be/);
  });
});
