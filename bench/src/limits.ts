// The daily limits a bench phase needs. They are stored in the database (the settings row), not in a
// process's environment (RESTAURANT_DAILY_LIMIT/GLOBAL_DAILY_LIMIT only seed a new database), so the
// bench sets them through the settings before each phase, and both servers on that database (the
// product and the baseline, which reads the same row) decide by them from the next request on.
import pg from 'pg';

export interface Limits {
  restaurantDailyLimit: number;
  globalDailyLimit: number;
}

/** The scenarios' limits: raised, so the create scenario is never refused. */
export const SCENARIO_LIMITS: Limits = { restaurantDailyLimit: 100_000, globalDailyLimit: 1_000_000 };
/** The contended day's: the product's defaults (RESTAURANT_DAILY_LIMIT and GLOBAL_DAILY_LIMIT unset). */
export const CONTENDED_LIMITS: Limits = { restaurantDailyLimit: 15, globalDailyLimit: 20 };

/** Where the settings are changed: the product's server, as an admin; and its database. */
export interface SettingsTarget {
  serverUrl: string;
  adminToken: string;
  databaseUrl: string;
}

/**
 * Stores `limits` and checks they are what is stored now.
 *
 * TEMPORARY (until PUT /api/admin/settings lands): writes the settings row by SQL, as
 * updateStoredLimits in packages/api/src/services/settings.ts does. To be replaced by the PUT.
 */
export async function setStoredLimits(target: SettingsTarget, limits: Limits): Promise<void> {
  const client = new pg.Client({ connectionString: target.databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<Limits>(
      `update settings set global_daily_limit = $1, restaurant_daily_limit = $2, initialized = true, updated_at = now()
        where id = 1 returning global_daily_limit as "globalDailyLimit", restaurant_daily_limit as "restaurantDailyLimit"`,
      [limits.globalDailyLimit, limits.restaurantDailyLimit],
    );
    const stored = rows[0];
    if (stored?.globalDailyLimit !== limits.globalDailyLimit || stored.restaurantDailyLimit !== limits.restaurantDailyLimit) {
      throw new Error(`the settings row holds ${JSON.stringify(stored)}, not ${JSON.stringify(limits)}`);
    }
  } finally {
    await client.end();
  }
}
