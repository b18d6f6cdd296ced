/**
 * The server's zone (APP_TIMEZONE, which GET /api/health names) as this device last heard it
 * (localStorage): the Find page's first render, and the first calls started before the app's code
 * (src/early), search that zone's today at once instead of the default's until the health answer.
 */

const KEY = 'tablebook.appTimeZone';

/** Whether the browser knows the zone (a value stored by another version, or by hand, may be anything). */
function isUsableZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The store, when the browser gives one (a private mode may refuse it: then nothing is remembered). */
function deviceStore(): Pick<Storage, 'getItem' | 'setItem'> | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

/** The zone the server named last time, if any and usable. */
export function rememberedAppTimeZone(): string | undefined {
  try {
    const zone = deviceStore()?.getItem(KEY);
    return zone && isUsableZone(zone) ? zone : undefined;
  } catch {
    return undefined;
  }
}

export function rememberAppTimeZone(zone: string): void {
  try {
    const store = deviceStore();
    if (store?.getItem(KEY) !== zone) store?.setItem(KEY, zone);
  } catch {
    // Full or refused storage: the next visit starts on the default until the server answers again.
  }
}
