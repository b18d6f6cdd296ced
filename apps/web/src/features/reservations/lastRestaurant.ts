/**
 * The restaurant a host last worked on, remembered on this device (localStorage: it outlives the tab,
 * unlike the admin token), so the reservations list and the timeline open on it.
 */

const KEY = 'tablebook.lastRestaurant';

/** What is kept: an id, nothing else. */
type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

/** The store, when the browser gives one (a private mode may refuse it: then nothing is remembered). */
export function deviceStore(): KeyValueStore | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

export function readLastRestaurant(store: KeyValueStore | undefined): string | undefined {
  try {
    return store?.getItem(KEY) || undefined;
  } catch {
    return undefined;
  }
}

export function rememberRestaurant(store: KeyValueStore | undefined, restaurantId: string): void {
  try {
    if (store?.getItem(KEY) !== restaurantId) store?.setItem(KEY, restaurantId);
  } catch {
    // Full or refused storage: the pages still work, they just open on the first restaurant next time.
  }
}

/**
 * Which restaurant a host page shows: the one in the address; else the remembered one while it still
 * exists (a full first page of the list may not hold it: then it is trusted); else the first one listed.
 * Undefined while the list is loading, or when there are no restaurants.
 */
export function restaurantToShow(
  linked: string | undefined,
  remembered: string | undefined,
  listed: readonly { id: string }[] | undefined,
  pageSize: number,
): string | undefined {
  if (linked) return linked;
  if (!listed) return undefined;
  if (remembered && (listed.some((restaurant) => restaurant.id === remembered) || listed.length >= pageSize)) return remembered;
  return listed[0]?.id;
}
