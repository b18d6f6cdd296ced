import { describe, expect, it } from 'vitest';
import { attemptFor } from '../src/features/day/bookingAttempt.ts';

const details = { restaurantId: 'r1', table: 'A0', date: '2030-01-02', guestName: 'Ana', guestPhone: '+57 300 123 4567' };

describe('one idempotency key per booking attempt', () => {
  let count = 0;
  const newKey = () => `key-${++count}`;

  it('makes a key for a first attempt', () => {
    expect(attemptFor(undefined, details, newKey).key).toBe('key-1');
  });

  it('reuses the key when the same details are sent again (a retry)', () => {
    const first = attemptFor(undefined, details, newKey);
    // The same details, even built in another order, are the same attempt.
    const reordered = { guestPhone: details.guestPhone, guestName: 'Ana', date: details.date, table: 'A0', restaurantId: 'r1' };
    expect(attemptFor(first, reordered, newKey)).toBe(first);
  });

  it('makes a new key when the details change', () => {
    const first = attemptFor(undefined, details, newKey);
    const other = attemptFor(first, { ...details, table: 'B1' }, newKey);
    expect(other.key).not.toBe(first.key);
  });

  it('uses crypto.randomUUID by default', () => {
    expect(attemptFor(undefined, details).key).toMatch(/^[0-9a-f-]{36}$/);
  });
});
