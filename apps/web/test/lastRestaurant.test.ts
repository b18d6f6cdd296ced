/**
 * Issue 16: "the reservations page starts with no restaurant" was a defect; it now "opens on today at
 * the last restaurant used". The memory behind it (localStorage) and the choice it makes.
 */
import { describe, expect, it } from 'vitest';
import { readLastRestaurant, rememberRestaurant, restaurantToShow } from '../src/features/reservations/lastRestaurant.ts';

/** A Storage as the browser's: strings by key; `refuse` makes it throw as a full or blocked one does. */
function memoryStore(refuse = false) {
  const items = new Map<string, string>();
  let writes = 0;
  return {
    getItem: (key: string) => {
      if (refuse) throw new DOMException('blocked', 'SecurityError');
      return items.get(key) ?? null;
    },
    setItem: (key: string, value: string) => {
      if (refuse) throw new DOMException('full', 'QuotaExceededError');
      writes += 1;
      items.set(key, value);
    },
    writes: () => writes,
  };
}

describe('the last restaurant used', () => {
  it('is remembered on the device and read back, written only when it changes', () => {
    const store = memoryStore();
    expect(readLastRestaurant(store)).toBeUndefined();
    rememberRestaurant(store, 'r-2');
    rememberRestaurant(store, 'r-2');
    expect(readLastRestaurant(store)).toBe('r-2');
    expect(store.writes()).toBe(1);
    rememberRestaurant(store, 'r-3');
    expect(readLastRestaurant(store)).toBe('r-3');
  });

  it('is simply not remembered when the storage refuses (a private window), without breaking the page', () => {
    const store = memoryStore(true);
    expect(() => rememberRestaurant(store, 'r-2')).not.toThrow();
    expect(readLastRestaurant(store)).toBeUndefined();
    expect(readLastRestaurant(undefined)).toBeUndefined();
  });
});

describe('which restaurant a host page opens on', () => {
  const listed = [{ id: 'r-1' }, { id: 'r-2' }, { id: 'r-3' }];

  it('is the one in the address, else the last used, else the first listed', () => {
    expect(restaurantToShow('r-9', 'r-2', listed, 100)).toBe('r-9');
    expect(restaurantToShow(undefined, 'r-2', listed, 100)).toBe('r-2');
    expect(restaurantToShow(undefined, undefined, listed, 100)).toBe('r-1');
  });

  it('forgets a last used restaurant that was deleted, unless the list is a full page that may not show it', () => {
    expect(restaurantToShow(undefined, 'gone', listed, 100)).toBe('r-1');
    expect(restaurantToShow(undefined, 'r-200', listed, 3)).toBe('r-200');
  });

  it('waits for the list, and has none when there are no restaurants', () => {
    expect(restaurantToShow(undefined, 'r-2', undefined, 100)).toBeUndefined();
    expect(restaurantToShow(undefined, 'r-2', [], 100)).toBeUndefined();
  });
});
