import { describe, expect, it } from 'vitest';
import {
  filtersFromParams,
  hasNarrowingFilters,
  listInputFor,
  paramsFromFilters,
  type FindFilters,
} from '../src/features/find/findFilters.ts';

const today = '2026-11-25';
const read = (query: string) => filtersFromParams(new URLSearchParams(query), today);

describe('find filters in the address bar', () => {
  it('reads every filter', () => {
    expect(read('name=Casa&city=5&date=2026-12-24&min=3')).toEqual({ name: 'Casa', cityId: 5, date: '2026-12-24', minPlaces: 3 });
  });

  it('defaults to any restaurant, any city, today', () => {
    expect(read('')).toEqual({ name: '', cityId: undefined, date: today, minPlaces: undefined });
  });

  it('drops malformed values instead of sending them to be refused', () => {
    expect(read('city=abc&date=2026-02-30&min=-2')).toEqual({ name: '', cityId: undefined, date: today, minPlaces: undefined });
    expect(read('city=0&min=0').cityId).toBeUndefined();
    expect(read('min=1.5').minPlaces).toBeUndefined();
    expect(read('min=100000').minPlaces).toBeUndefined();
    expect(read(`name=${'x'.repeat(300)}`).name).toHaveLength(250);
  });

  it('writes only what differs from the defaults, leaving today out', () => {
    const filters: FindFilters = { name: 'La', cityId: 7, date: today, minPlaces: undefined };
    expect(paramsFromFilters(filters, today).toString()).toBe('name=La&city=7');
    expect(paramsFromFilters({ ...filters, date: '2026-12-01', minPlaces: 2 }, today).toString()).toBe(
      'name=La&city=7&date=2026-12-01&min=2',
    );
    expect(paramsFromFilters(read(''), today).toString()).toBe('');
  });

  it('round-trips', () => {
    const filters: FindFilters = { name: 'Café & Co', cityId: 1103, date: '2027-01-02', minPlaces: 12 };
    expect(filtersFromParams(paramsFromFilters(filters, today), today)).toEqual(filters);
  });

  it('turns filters into the restaurant.list input', () => {
    expect(listInputFor({ name: '  ', cityId: undefined, date: today, minPlaces: undefined }, 24)).toEqual({ date: today, limit: 24 });
    expect(listInputFor({ name: ' Casa ', cityId: 3, date: today, minPlaces: 2 }, 48)).toEqual({
      startWith: 'Casa',
      cityId: 3,
      date: today,
      minAvailable: 2,
      limit: 48,
    });
  });

  it('knows when the search is narrowed', () => {
    expect(hasNarrowingFilters(read(''))).toBe(false);
    expect(hasNarrowingFilters(read('date=2026-12-24'))).toBe(false);
    expect(hasNarrowingFilters(read('min=1'))).toBe(true);
  });
});
