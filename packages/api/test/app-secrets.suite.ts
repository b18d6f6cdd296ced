/**
 * The shared keys of issue 17: created once, in the database, and the same for every process. Two
 * handles (two pools on a real server; two Drizzle handles over one PGlite) ask at the same time on a
 * database without the key: both get the one that was stored.
 */
import { appSecrets, createDb, type Database, type DatabaseHandle } from '@tablebook/db';
import { eq } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { CANCEL_TOKEN_KEY, appSecretKey, cancelTokenKey } from '../src/services/app-secrets.ts';
import { signCancelToken, verifyCancelToken } from '../src/rules/cancel-token.ts';
import { type Driver, useDatabase } from './helpers.ts';

/** A new Drizzle handle over the same connections: a process that has not read the key yet. */
function freshHandle(handle: DatabaseHandle): Database {
  const client = (handle.db as unknown as { $client: never }).$client;
  return (handle.kind === 'postgres' ? drizzlePg(client) : drizzlePglite(client)) as unknown as Database;
}

export function appSecretsSuite(driver: Driver, postgresUrl: string) {
  describe(`app secrets (${driver})`, () => {
    const database = useDatabase(driver, postgresUrl);
    // A second process: its own pool on a real server; PGlite has one connection, so a second handle over it.
    let second: DatabaseHandle | undefined;
    const other = () => {
      if (driver === 'pglite') return database();
      const url = database().directUrl;
      if (!url) throw new Error('a real server handle has its URL');
      second ??= createDb(url, { maxConnections: 10 });
      return second;
    };
    afterAll(async () => {
      await second?.close();
    });

    const stored = async () =>
      (await database().db.select().from(appSecrets).where(eq(appSecrets.name, CANCEL_TOKEN_KEY))).map((row) => row.value);

    it('creates the cancel-token key once: 32 random bytes, stored as base64, the same on every call', async () => {
      const db = database().db;
      expect(await stored()).toEqual([]);
      const key = await cancelTokenKey(db);
      expect(key).toBeInstanceOf(Uint8Array);
      expect(key.byteLength).toBe(32);
      expect(await stored()).toEqual([Buffer.from(key).toString('base64')]);
      expect(await cancelTokenKey(db)).toBe(key);
      expect(Buffer.from(await cancelTokenKey(freshHandle(database()))).equals(Buffer.from(key))).toBe(true);
      // Tokens signed by one process verify in another.
      const token = signCancelToken('3f2a9c4e-8b1d-4e6f-9a7b-0c1d2e3f4a5b', key);
      expect(verifyCancelToken(token, await cancelTokenKey(freshHandle(other())))).toBe('3f2a9c4e-8b1d-4e6f-9a7b-0c1d2e3f4a5b');
    });

    it('two processes asking at once on a database without the key get the same key', async () => {
      for (let round = 0; round < 10; round += 1) {
        const name = `race_${round}`;
        const handles = [database(), other(), database(), other()].map(freshHandle);
        const keys = await Promise.all(handles.flatMap((db) => [appSecretKey(db, name), appSecretKey(db, name)]));
        const texts = new Set(keys.map((key) => Buffer.from(key).toString('base64')));
        expect(texts.size, `round ${round}`).toBe(1);
        const rows = await database().db.select().from(appSecrets).where(eq(appSecrets.name, name));
        expect(rows.map((row) => row.value)).toEqual([...texts]);
      }
    });

    it('keeps distinct names apart, and never replaces a stored key', async () => {
      const db = freshHandle(database());
      const a = await appSecretKey(db, 'kept_a');
      const b = await appSecretKey(db, 'kept_b');
      expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
      expect(Buffer.from(await appSecretKey(freshHandle(other()), 'kept_a')).equals(Buffer.from(a))).toBe(true);
    });

    it('does not cache a failure: the next call tries again', async () => {
      const db = freshHandle(database());
      await database()
        .db.insert(appSecrets)
        .values({ name: 'too_short', value: Buffer.alloc(4).toString('base64') });
      await expect(appSecretKey(db, 'too_short')).rejects.toThrow(/shorter than 32 bytes/);
      const value = Buffer.alloc(32, 7).toString('base64');
      await database().db.update(appSecrets).set({ value }).where(eq(appSecrets.name, 'too_short'));
      expect(Buffer.from(await appSecretKey(db, 'too_short')).toString('base64')).toBe(value);
    });
  });
}
