import { describe, expect, it } from 'vitest';
import {
  dayLink,
  filtersFromParams,
  hasNarrowingFilters,
  listInputFor,
  paramsFromFilters,
  slotLink,
} from '../src/features/find/findFilters.ts';

const today = '2026-11-25';
const read = (query: string) => filtersFromParams(new URLSearchParams(query), today);

describe('searching restaurants for a time', () => {
  it('reads and writes a time with its party, and asks the API for restaurants free near it', () => {
    const filters = read('date=2026-12-24&time=20:30&party=4');
    expect(filters).toMatchObject({ date: '2026-12-24', time: '20:30', partySize: 4 });
    expect(paramsFromFilters(filters, today).toString()).toBe('date=2026-12-24&time=20%3A30&party=4');
    expect(listInputFor(filters, 24)).toEqual({ date: '2026-12-24', time: '20:30', partySize: 4, limit: 24 });
    expect(hasNarrowingFilters(filters)).toBe(true);
  });

  it('drops a malformed time and party; keeps a party without a time, but without one the API lists every restaurant', () => {
    expect(read('time=25:00&party=30')).toMatchObject({ time: undefined, partySize: undefined });
    // Issue 16: "party size in the search"; "without a time it lists every restaurant".
    expect(paramsFromFilters(read('party=4'), today).toString()).toBe('party=4');
    // A party chosen is kept, a pair too (the day page's default, but chosen all the same).
    expect(paramsFromFilters(read('party=2'), today).toString()).toBe('party=2');
    expect(listInputFor(read('party=4'), 24)).toEqual({ date: today, limit: 24 });
    expect(hasNarrowingFilters(read('party=4'))).toBe(false);
  });

  it('links a free time to the restaurant’s day at that time, picked', () => {
    expect(slotLink('r-1', '2026-12-24', '20:30', 4)).toBe('/restaurants/r-1/day?date=2026-12-24&time=20%3A30&party=4&pick=20%3A30');
  });

  it('links "See times" to the day with the time and party searched, nothing picked; no date for today', () => {
    expect(dayLink('r-1', '2026-12-24', '20:30', 4)).toBe('/restaurants/r-1/day?date=2026-12-24&time=20%3A30&party=4');
    expect(dayLink('r-1', undefined, '20:30', undefined)).toBe('/restaurants/r-1/day?time=20%3A30');
    expect(dayLink('r-1', undefined)).toBe('/restaurants/r-1/day');
  });
});
