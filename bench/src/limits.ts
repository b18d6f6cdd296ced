// The daily limits a bench phase needs. They are stored in the database (the settings row), not in a
// process's environment (RESTAURANT_DAILY_LIMIT/GLOBAL_DAILY_LIMIT only seed a new database), so the
// bench sets them through the settings before each phase, and both servers on that database (the
// product and the baseline, which reads the same row) decide by them from the next request on.
export interface Limits {
  restaurantDailyLimit: number;
  globalDailyLimit: number;
}

/** The scenarios' limits: raised, so the create scenario is never refused. */
export const SCENARIO_LIMITS: Limits = { restaurantDailyLimit: 100_000, globalDailyLimit: 1_000_000 };
/** The contended day's: the product's defaults (RESTAURANT_DAILY_LIMIT and GLOBAL_DAILY_LIMIT unset). */
export const CONTENDED_LIMITS: Limits = { restaurantDailyLimit: 15, globalDailyLimit: 20 };

/** Where the settings are changed: the product's server, as an admin. */
interface SettingsTarget {
  serverUrl: string;
  adminToken: string;
}

/** Stores `limits` through PUT /api/admin/settings and checks the answer is what was asked for. */
export async function setStoredLimits(target: SettingsTarget, limits: Limits): Promise<void> {
  const response = await fetch(`${target.serverUrl}/api/admin/settings`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${target.adminToken}` },
    body: JSON.stringify(limits),
  });
  const body = (await response.json().catch(() => undefined)) as { data?: Limits } | undefined;
  const stored = body?.data;
  if (
    response.status !== 200 ||
    stored?.globalDailyLimit !== limits.globalDailyLimit ||
    stored.restaurantDailyLimit !== limits.restaurantDailyLimit
  ) {
    throw new Error(`PUT /api/admin/settings ${JSON.stringify(limits)} answered ${response.status} ${JSON.stringify(body)}`);
  }
}
