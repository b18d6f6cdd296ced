import { createDb, migrate, type DatabaseHandle } from '@tablebook/db';
import { createTestDatabase, type TestDatabase } from '@tablebook/testing';
import { afterAll, beforeAll, expect, onTestFinished } from 'vitest';
import { appRouter } from '../src/root.ts';
import { createCallerFactory } from '../src/trpc.ts';
import { DEFAULT_TABLE_LABELS } from '../src/rules/tables.ts';
import { createContext, defaultBookingSettings, type BookingSettings } from '../src/context.ts';
import type { DailyLimits } from '../src/rules/booking.ts';
import { getStoredLimits, updateStoredLimits } from '../src/services/settings.ts';

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
  return createCaller(createContext({ db: handle.db, settings: { ...defaultBookingSettings, ...settings }, ...(now ? { now } : {}) }));
}

/**
 * A caller, with the stored daily limits changed for this test only (the limits live in the database:
 * the old values come back when the test finishes).
 */
export async function callerWithLimits(handle: DatabaseHandle, limits: Partial<DailyLimits>, now?: () => Date) {
  const before = await getStoredLimits(handle.db);
  await updateStoredLimits(handle.db, limits);
  onTestFinished(async () => {
    await updateStoredLimits(handle.db, before);
  });
  return callerFor(handle, {}, now);
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

export async function expectRefusal(promise: Promise<unknown>, reason: string, code?: string) {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error, `expected a ${reason} refusal`).toBeDefined();
  // Input validation fails before any procedure runs: tRPC's own error, its cause the ZodError.
  const cause = (error as { cause?: { name?: string } }).cause;
  const actualReason = (error as { reason?: string }).reason ?? (cause?.name === 'ZodError' ? 'INVALID_INPUT' : undefined);
  expect({ reason: actualReason, code: (error as { code?: string }).code }).toMatchObject({ reason, ...(code ? { code } : {}) });
  return error as Error & { reason: string; issues?: { path: string; message: string }[] };
}

export const DEFAULT_TABLES = DEFAULT_TABLE_LABELS;
