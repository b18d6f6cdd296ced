import { describe, expect, it } from 'vitest';
import { MAX_RECONNECT_DELAY_MS, reconnectDelay } from '../src/live/backoff.ts';

describe('the reconnection backoff', () => {
  it('starts at 0.5 s and doubles up to a cap of 5 s (no jitter: random 0)', () => {
    expect([0, 1, 2, 3, 4, 5, 10, 50].map((attempt) => reconnectDelay(attempt, () => 0))).toEqual([
      500, 1000, 2000, 4000, 5000, 5000, 5000, 5000,
    ]);
  });

  it('takes up to a fifth off at random, so pages dropped together spread out, and never passes the cap', () => {
    expect(reconnectDelay(0, () => 0.999_999)).toBe(400);
    expect(reconnectDelay(3, () => 0.5)).toBe(3600);
    for (let attempt = 0; attempt < 20; attempt++) {
      const delay = reconnectDelay(attempt);
      expect(delay).toBeGreaterThanOrEqual(Math.min(500 * 2 ** attempt, MAX_RECONNECT_DELAY_MS) * 0.8);
      expect(delay).toBeLessThanOrEqual(MAX_RECONNECT_DELAY_MS);
    }
  });
});
