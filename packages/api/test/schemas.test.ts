import { describe, expect, it } from 'vitest';
import { createReservationInput, listRestaurantsInput, restaurantFields, PG_INT_MAX } from '../src/schemas/index.ts';

const restaurant = {
  name: 'La Mar',
  address: 'Calle 10 # 5-20',
  description: 'Cevichería',
  photoUrl: 'https://example.com/la-mar.jpg',
  cityId: 1,
};
const reservation = { restaurantId: '7f6b8a2e-1c3d-4e5f-9a0b-1c2d3e4f5a6b', table: ' a0', date: '2030-01-02' };

describe('restaurantFields', () => {
  it('trims text fields', () => {
    expect(restaurantFields.parse({ ...restaurant, name: '  La Mar  ' }).name).toBe('La Mar');
  });
  it.each([
    ['name too short', { name: 'x' }, 'name'],
    ['name too long', { name: 'x'.repeat(251) }, 'name'],
    ['empty address', { address: '   ' }, 'address'],
    ['ftp photo', { photoUrl: 'ftp://example.com/a.jpg' }, 'photoUrl'],
    ['javascript photo', { photoUrl: 'javascript:alert(1)' }, 'photoUrl'],
    ['cityId as string', { cityId: '1' }, 'cityId'],
    ['cityId as boolean', { cityId: true }, 'cityId'],
    ['cityId zero', { cityId: 0 }, 'cityId'],
    ['cityId beyond integer', { cityId: PG_INT_MAX + 1 }, 'cityId'],
    ['cityId fraction', { cityId: 1.5 }, 'cityId'],
    ['NUL in name', { name: 'La\u0000Mar' }, 'name'],
    ['lone surrogate', { description: 'bad \ud800 text' }, 'description'],
  ])('refuses %s', (_label, patch, field) => {
    const result = restaurantFields.safeParse({ ...restaurant, ...patch });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain(field);
  });
  it('keeps emoji, quotes and right-to-left text as sent', () => {
    const name = `O'Brien "🍣" مطعم`;
    expect(restaurantFields.parse({ ...restaurant, name }).name).toBe(name);
  });
});

describe('createReservationInput', () => {
  it('normalises the table label', () => {
    expect(createReservationInput.parse(reservation).table).toBe('A0');
  });
  it.each([
    ['a three-letter table', { table: 'A10' }],
    ['an empty table', { table: '  ' }],
    ['February 30th', { date: '2030-02-30' }],
    ['a date with time', { date: '2030-01-02T10:00:00Z' }],
    ['year zero', { date: '0000-01-01' }],
    ['a non-UUID restaurant', { restaurantId: 'abc' }],
  ])('refuses %s', (_label, patch) => {
    expect(createReservationInput.safeParse({ ...reservation, ...patch }).success).toBe(false);
  });
  it('accepts February 29th of a leap year', () => {
    expect(createReservationInput.parse({ ...reservation, date: '2028-02-29' }).date).toBe('2028-02-29');
  });
});

describe('listRestaurantsInput', () => {
  it('reads integers from query strings and treats empty values as absent', () => {
    expect(listRestaurantsInput.parse({ cityId: '12', aviability: '3', date: '', startWith: '' })).toEqual({
      cityId: 12,
      aviability: 3,
      date: undefined,
      startWith: undefined,
    });
  });
  it('refuses non-numeric and out-of-range values with the field named', () => {
    const result = listRestaurantsInput.safeParse({ cityId: 'abc', limit: '501' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['cityId', 'cityId must be an integer'],
      ['limit', 'limit must be at most 500'],
    ]);
  });
});
