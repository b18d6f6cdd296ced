import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import { queryRows, restaurants, settings } from '@tablebook/db';
import type { DailyLimits } from '../rules/booking.ts';
import type { Queryable } from './transactions.ts';

/**
 * The daily limits live in the database (the `settings` row, and a restaurant's own `daily_limit`), so
 * every process and the reservation trigger judge by the same values. These read them inside the
 * statement that counts, so a booking decides on the values stored when it holds the day lock.
 */
export const storedGlobalLimit = sql<number>`(select ${settings.globalDailyLimit} from ${settings} where ${settings.id} = 1)`;

const storedRestaurantDefault = sql<number>`(select ${settings.restaurantDailyLimit} from ${settings} where ${settings.id} = 1)`;

/** A restaurant's daily limit from its row's `daily_limit` (a column in the query): its own, or the stored default. */
export const restaurantLimitFrom = (ownLimit: SQL | AnyColumn) => sql<number>`coalesce(${ownLimit}, ${storedRestaurantDefault})`;

/** The daily limit of the restaurant with this id: its own, or the stored default. */
export const restaurantLimitOf = (restaurantId: string | SQL) =>
  sql<number>`coalesce((select r.daily_limit from ${restaurants} r where r.id = ${restaurantId}), ${storedRestaurantDefault})`;

/** Both limits that apply to one restaurant, read now. */
export async function readDailyLimits(db: Queryable, restaurantId: string): Promise<DailyLimits> {
  const [row] = await queryRows<{ global_limit: number; restaurant_limit: number }>(
    db,
    sql`select ${storedGlobalLimit} as global_limit, ${restaurantLimitOf(restaurantId)} as restaurant_limit`,
  );
  if (!row) throw new Error('the settings row is missing');
  return { globalDailyLimit: row.global_limit, restaurantDailyLimit: row.restaurant_limit };
}
