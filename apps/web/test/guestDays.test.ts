/**
 * Issue 16, the guest's days and tables: "today and every date in the restaurant's time zone"; "the
 * Find page ... reads `?date=`" and offers no past days ("restaurant-zone today; the app's default zone
 * when none"); "party size in the search"; "free tables and seats, not a booking counter".
 */
import { describe, expect, it } from 'vitest';
import { daySearchFrom, freeForParty, paramsOfDaySearch, tooSmallFor } from '../src/features/day/daySearch.ts';
import { APP_TIME_ZONE, notBefore, restaurantDayOf, searchToday } from '../src/features/find/findDays.ts';
import { filtersFromParams } from '../src/features/find/findFilters.ts';

// 22:00 on Tuesday 1 December 2026 in Bogotá (UTC-5) is already 12:00 on Wednesday the 2nd in Tokyo (UTC+9).
const EVENING_IN_BOGOTA = new Date('2026-12-02T03:00:00Z');

describe("the search's today", () => {
  it("is the app's zone's day, not the device's: Bogotá's evening is still its 1 December while Tokyo's is the 2nd", () => {
    expect(APP_TIME_ZONE).toBe('America/Bogota');
    expect(searchToday(EVENING_IN_BOGOTA)).toBe('2026-12-01');
    // The morning after in Bogotá, both agree again.
    expect(searchToday(new Date('2026-12-02T13:00:00Z'))).toBe('2026-12-02');
  });

  it('offers no day that has passed: an address with yesterday, or last year, searches today', () => {
    const today = '2026-12-01';
    expect(filtersFromParams(new URLSearchParams('date=2026-11-30'), today).date).toBe(today);
    expect(filtersFromParams(new URLSearchParams('date=2025-12-24'), today).date).toBe(today);
    expect(filtersFromParams(new URLSearchParams('date=2026-12-24'), today).date).toBe('2026-12-24');
    expect(filtersFromParams(new URLSearchParams('date=2026-02-30'), today).date).toBe(today);
    expect(notBefore('2026-12-01', today)).toBe(today);
  });
});

describe("a restaurant's own day in the search results", () => {
  it('is the searched day, linked without a date when it is its today (the day page opens on it)', () => {
    expect(restaurantDayOf('2026-12-01', 'America/Bogota', EVENING_IN_BOGOTA)).toEqual({
      date: '2026-12-01',
      linkDate: undefined,
      movedToToday: false,
    });
    expect(restaurantDayOf('2026-12-05', 'America/Bogota', EVENING_IN_BOGOTA)).toEqual({
      date: '2026-12-05',
      linkDate: '2026-12-05',
      movedToToday: false,
    });
  });

  it('is its own today when the searched day has already passed where it is (a restaurant in Tokyo)', () => {
    expect(restaurantDayOf('2026-12-01', 'Asia/Tokyo', EVENING_IN_BOGOTA)).toEqual({
      date: '2026-12-02',
      linkDate: undefined,
      movedToToday: true,
    });
  });
});

describe('the party on a day page that books whole days', () => {
  const tables = [
    { label: 'A0', seats: 2 },
    { label: 'A1', seats: 4 },
    { label: 'B0', seats: 6 },
    { label: 'B1', seats: 12 },
  ];

  it('reads the day and party from the address, a pair (or the largest table) when none or out of range', () => {
    const today = '2026-12-01';
    expect(daySearchFrom(new URLSearchParams('date=2026-12-24&party=6'), today, 12)).toEqual({ date: '2026-12-24', partySize: 6 });
    expect(daySearchFrom(new URLSearchParams('party=13'), today, 12)).toEqual({ date: today, partySize: 2 });
    expect(daySearchFrom(new URLSearchParams('party=x'), today, 1)).toEqual({ date: today, partySize: 1 });
    expect(paramsOfDaySearch({ date: today, partySize: 2 }, today).toString()).toBe('');
    expect(paramsOfDaySearch({ date: '2026-12-24', partySize: 5 }, today).toString()).toBe('date=2026-12-24&party=5');
  });

  it('counts the free tables that seat the party and their seats, not bookings', () => {
    const free = tables.filter((table) => table.label !== 'A1');
    expect(freeForParty(free, 2)).toEqual({ tables: 3, seats: 20 });
    expect(freeForParty(free, 4)).toEqual({ tables: 2, seats: 18 });
    expect(freeForParty(free, 13)).toEqual({ tables: 0, seats: 0 });
    expect([...tooSmallFor(tables, 5)]).toEqual(['A0', 'A1']);
  });
});
