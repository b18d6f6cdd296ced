import { eq, sql } from 'drizzle-orm';
import { settings, type Database } from '@tablebook/db';
import type { DailyLimits } from '../rules/booking.ts';
import { recordLimitsEvent } from './reservation-events.ts';
import { WRITE_TRANSACTION, type Queryable } from './transactions.ts';

const limitColumns = { globalDailyLimit: settings.globalDailyLimit, restaurantDailyLimit: settings.restaurantDailyLimit };

/** The stored limits (the row migration 0008 creates). */
export async function getStoredLimits(db: Queryable): Promise<DailyLimits> {
  const [row] = await db.select(limitColumns).from(settings).where(eq(settings.id, 1));
  if (!row) throw new Error('the settings row is missing (migration 0008 creates it)');
  return row;
}

/**
 * Changes the stored limits (either or both). Every process reads them in the statement that counts,
 * under the day lock, so the next booking anywhere decides by the new values. Lowering a limit below
 * a day's bookings cancels nothing: further bookings that day are refused. A real change is recorded
 * as a `limits` event in the same transaction, so every open stream that asked for them (every day
 * page, in every process) reads its capacity afresh; one that changes nothing records nothing.
 */
export async function updateStoredLimits(db: Database, change: Partial<DailyLimits>): Promise<DailyLimits> {
  return db.transaction(async (tx) => {
    // The row's lock, taken by the UPDATE anyway, before it: what it replaces is what was stored last.
    const [before] = await tx.select(limitColumns).from(settings).where(eq(settings.id, 1)).for('update');
    const [row] = await tx
      .update(settings)
      .set({ ...change, initialized: true, updatedAt: sql`now()` })
      .where(eq(settings.id, 1))
      .returning(limitColumns);
    if (!before || !row) throw new Error('the settings row is missing (migration 0008 creates it)');
    if (before.globalDailyLimit !== row.globalDailyLimit || before.restaurantDailyLimit !== row.restaurantDailyLimit) {
      // Last, as every writer records its event (its id from a sequence: no lock held, reservation-events.ts).
      await recordLimitsEvent(tx, { restaurantId: null, ...row });
    }
    return row;
  }, WRITE_TRANSACTION);
}

export interface ConfiguredLimits {
  /** RESTAURANT_DAILY_LIMIT and GLOBAL_DAILY_LIMIT (or their defaults). */
  limits: DailyLimits;
  /** The names of the variables actually set in the environment. */
  explicit: readonly (keyof DailyLimits)[];
}

/**
 * At a process's start: a new database takes the configured limits (the environment gives the values
 * of a new database); afterwards the stored ones rule. Returns the stored limits and, for each variable
 * set in the environment to another value, both values (the caller logs a warning).
 */
export async function adoptConfiguredLimits(
  db: Queryable,
  configured: ConfiguredLimits,
): Promise<{ stored: DailyLimits; mismatches: { name: keyof DailyLimits; configured: number; stored: number }[] }> {
  await db
    .update(settings)
    .set({ ...configured.limits, initialized: true, updatedAt: sql`now()` })
    .where(sql`${settings.id} = 1 and not ${settings.initialized}`);
  const stored = await getStoredLimits(db);
  const mismatches = configured.explicit
    .filter((name) => configured.limits[name] !== stored[name])
    .map((name) => ({ name, configured: configured.limits[name], stored: stored[name] }));
  return { stored, mismatches };
}
