/**
 * Keys every server process and machine shares (issue 17), kept in the database (app_secrets): the
 * first process that needs one creates it, the others read it. A race between two processes is settled
 * by the primary key: INSERT ... ON CONFLICT DO NOTHING, then SELECT, so both get the one row that won.
 * Each key is read once per database handle and kept in memory: it never changes once created.
 */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { appSecrets } from '@tablebook/db';
import type { Queryable } from './transactions.ts';

/** The app_secrets row of the key that signs cancel links. */
export const CANCEL_TOKEN_KEY = 'cancel_token_key';
const KEY_BYTES = 32;

const cache = new WeakMap<object, Map<string, Promise<Uint8Array>>>();

async function getOrCreate(db: Queryable, name: string): Promise<Uint8Array> {
  await db
    .insert(appSecrets)
    .values({ name, value: randomBytes(KEY_BYTES).toString('base64') })
    .onConflictDoNothing({ target: appSecrets.name });
  const [row] = await db.select({ value: appSecrets.value }).from(appSecrets).where(eq(appSecrets.name, name));
  if (!row) throw new Error(`app_secrets: the key ${name} was neither created nor found`);
  const key = Buffer.from(row.value, 'base64');
  if (key.length < KEY_BYTES) throw new Error(`app_secrets: the key ${name} is shorter than ${KEY_BYTES} bytes`);
  return new Uint8Array(key);
}

/** A named random key (32 bytes, stored as base64), created on first use; cached per handle (a failure is not). */
export function appSecretKey(db: Queryable, name: string): Promise<Uint8Array> {
  let keys = cache.get(db);
  if (!keys) {
    keys = new Map();
    cache.set(db, keys);
  }
  let key = keys.get(name);
  if (!key) {
    key = getOrCreate(db, name);
    keys.set(name, key);
    const known = keys;
    key.catch(() => known.delete(name));
  }
  return key;
}

/** The key of cancel-link tokens (signCancelToken / verifyCancelToken). */
export const cancelTokenKey = (db: Queryable): Promise<Uint8Array> => appSecretKey(db, CANCEL_TOKEN_KEY);
