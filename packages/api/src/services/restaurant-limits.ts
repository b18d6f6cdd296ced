import { eq } from 'drizzle-orm';
import { restaurants } from '@tablebook/db';
import { recordLimitsEvent } from './reservation-events.ts';
import type { Queryable } from './transactions.ts';

/** A restaurant's own rules for how much of a day can be booked: its daily limit and its pacing. */
interface OwnLimits {
  dailyLimit: number | null;
  pacing: { intervalMinutes: number; maxCovers: number } | null;
}

async function readOwnLimits(tx: Queryable, restaurantId: string, lock?: 'no key update'): Promise<OwnLimits | undefined> {
  const query = tx
    .select({
      dailyLimit: restaurants.dailyLimit,
      intervalMinutes: restaurants.pacingIntervalMinutes,
      maxCovers: restaurants.pacingMaxCovers,
    })
    .from(restaurants)
    .where(eq(restaurants.id, restaurantId));
  const [row] = lock ? await query.for(lock) : await query;
  if (!row) return undefined;
  // The database keeps both pacing columns set or both null (restaurants_pacing_valid).
  const pacing =
    row.intervalMinutes === null || row.maxCovers === null ? null : { intervalMinutes: row.intervalMinutes, maxCovers: row.maxCovers };
  return { dailyLimit: row.dailyLimit, pacing };
}

/**
 * A restaurant's limit and pacing before an update writes them, read under the row lock the UPDATE
 * takes anyway (FOR NO KEY UPDATE: bookings' FOR KEY SHARE does not wait for it): what the update
 * replaces is what was stored last, so a concurrent edit cannot hide a change.
 */
export const ownLimitsBeforeUpdate = (tx: Queryable, restaurantId: string) => readOwnLimits(tx, restaurantId, 'no key update');

/**
 * After the update, in its transaction and as its last write (as every writer records its event):
 * when the limit or the pacing differ from `before`, a `limits` event for this
 * restaurant, so its open day pages (in every process) read their capacity and times afresh.
 */
export async function recordOwnLimitsChange(tx: Queryable, restaurantId: string, before: OwnLimits): Promise<void> {
  const after = await readOwnLimits(tx, restaurantId);
  if (!after) return;
  const samePacing =
    before.pacing?.intervalMinutes === after.pacing?.intervalMinutes && before.pacing?.maxCovers === after.pacing?.maxCovers;
  if (before.dailyLimit === after.dailyLimit && samePacing) return;
  await recordLimitsEvent(tx, { restaurantId, ...after });
}
