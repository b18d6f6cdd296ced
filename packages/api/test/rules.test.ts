import { describe, expect, it } from 'vitest';
import { firstBrokenRule, remainingCapacity, bookableCount, describeRefusal } from '../src/rules/booking.ts';
import { dayNumber, isBefore, isKnownTimeZone, todayIn } from '../src/rules/calendar.ts';

const limits = { restaurantDailyLimit: 15, globalDailyLimit: 20 };

describe('firstBrokenRule', () => {
  it('allows a booking under every limit', () => {
    expect(firstBrokenRule({ tableTaken: false, restaurantCount: 14, globalCount: 19 }, limits)).toBeNull();
  });
  it('refuses a taken table first, even when both limits are reached', () => {
    expect(firstBrokenRule({ tableTaken: true, restaurantCount: 15, globalCount: 20 }, limits)).toBe('TABLE_ALREADY_BOOKED');
  });
  it('reports the system limit before the restaurant limit', () => {
    expect(firstBrokenRule({ tableTaken: false, restaurantCount: 15, globalCount: 20 }, limits)).toBe('GLOBAL_DAILY_LIMIT');
  });
  it('reports the restaurant limit when only it is reached', () => {
    expect(firstBrokenRule({ tableTaken: false, restaurantCount: 15, globalCount: 15 }, limits)).toBe('RESTAURANT_DAILY_LIMIT');
  });
  it('follows configured limits', () => {
    expect(
      firstBrokenRule({ tableTaken: false, restaurantCount: 1, globalCount: 1 }, { restaurantDailyLimit: 1, globalDailyLimit: 5 }),
    ).toBe('RESTAURANT_DAILY_LIMIT');
  });
});

describe('remainingCapacity', () => {
  it('counts down from both limits and never goes negative', () => {
    expect(remainingCapacity({ restaurantCount: 3, globalCount: 18 }, limits)).toEqual({ restaurantRemaining: 12, globalRemaining: 2 });
    expect(remainingCapacity({ restaurantCount: 40, globalCount: 40 }, limits)).toEqual({ restaurantRemaining: 0, globalRemaining: 0 });
  });
  it('bookableCount is the smaller of the two', () => {
    expect(bookableCount({ restaurantRemaining: 12, globalRemaining: 2 })).toBe(2);
    expect(bookableCount({ restaurantRemaining: 1, globalRemaining: 9 })).toBe(1);
  });
});

describe('describeRefusal', () => {
  it('names the table, the restaurant and the date', () => {
    for (const reason of ['TABLE_ALREADY_BOOKED', 'GLOBAL_DAILY_LIMIT', 'RESTAURANT_DAILY_LIMIT'] as const) {
      const message = describeRefusal(reason, { table: 'B2', date: '2030-01-02', restaurantName: 'La Mar', limits });
      expect(message).toContain('B2');
      expect(message).toContain('La Mar');
      expect(message).toContain('2030-01-02');
    }
  });
});

describe('calendar', () => {
  it("gives today's date in the configured zone, not the server's", () => {
    // 03:30 UTC on March 1st is still February 28th in Bogotá (UTC-5).
    const instant = new Date('2026-03-01T03:30:00Z');
    expect(todayIn('America/Bogota', instant)).toBe('2026-02-28');
    expect(todayIn('UTC', instant)).toBe('2026-03-01');
    expect(todayIn('Asia/Tokyo', new Date('2026-02-28T20:00:00Z'))).toBe('2026-03-01');
  });
  it('orders days as calendar days', () => {
    expect(isBefore('2026-02-28', '2026-03-01')).toBe(true);
    expect(isBefore('2026-03-01', '2026-03-01')).toBe(false);
  });
  it('numbers days from the epoch', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2026-12-24') - dayNumber('2026-12-23')).toBe(1);
  });
  it('knows IANA zones', () => {
    expect(isKnownTimeZone('America/Bogota')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus')).toBe(false);
  });
});
