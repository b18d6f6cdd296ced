import { createDb, migrate, type DatabaseHandle } from '@tablebook/db';
import { createTestDatabase, type TestDatabase } from '@tablebook/testing';
import { afterAll, beforeAll, expect } from 'vitest';
import { appRouter } from '../src/root.ts';
import { createCallerFactory } from '../src/trpc.ts';
import { createContext, defaultBookingSettings, type BookingSettings } from '../src/context.ts';

export type Driver = 'pglite' | 'postgres';

/** A migrated database for one test file: in-memory PGlite, or a fresh database on the real server. */
export function useDatabase(driver: Driver, postgresUrl: string): () => DatabaseHandle {
  let handle: DatabaseHandle | undefined;
  let testDatabase: TestDatabase | undefined;
  beforeAll(async () => {
    if (driver === 'postgres') {
      testDatabase = await createTestDatabase(postgresUrl);
      handle = createDb(testDatabase.url, { maxConnections: 20 });
    } else {
      handle = createDb('memory://');
    }
    await migrate(handle);
  });
  afterAll(async () => {
    await handle?.close();
    await testDatabase?.drop();
  });
  return () => {
    if (!handle) throw new Error('database not ready');
    return handle;
  };
}

const createCaller = createCallerFactory(appRouter);

export function callerFor(handle: DatabaseHandle, settings: Partial<BookingSettings> = {}, now?: () => Date) {
  return createCaller(
    createContext({ db: handle.db, settings: { ...defaultBookingSettings, ...settings }, ...(now ? { now } : {}) }),
  );
}

/** Distinct far-future days, so tests in one file never share a day's capacity. */
export function dayGenerator(start = '2031-01-01') {
  let next = Date.parse(`${start}T00:00:00Z`);
  return () => {
    const day = new Date(next).toISOString().slice(0, 10);
    next += 86_400_000;
    return day;
  };
}

export const DEFAULT_TABLES = ['A0', 'A1', 'A2', 'A3', 'B0', 'B1', 'B2', 'B3', 'C0', 'C1', 'C2', 'C3', 'D0', 'D1', 'D2'];

export async function expectRefusal(promise: Promise<unknown>, reason: string, code?: string) {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error, `expected a ${reason} refusal`).toBeDefined();
  expect(error).toMatchObject({ reason, ...(code ? { code } : {}) });
  return error as Error & { reason: string; issues?: { path: string; message: string }[] };
}
