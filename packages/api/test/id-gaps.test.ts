import { describe, expect, it } from 'vitest';
import { deliverableThrough } from '../src/events/id-gaps.ts';

describe('deliverableThrough (events in id order)', () => {
  it('delivers ids that follow without a hole, and stops at the first hole', () => {
    expect(deliverableThrough(4, [5, 6, 7], undefined)).toBe(3);
    expect(deliverableThrough(4, [5, 7, 8], undefined)).toBe(1);
    expect(deliverableThrough(4, [6, 7], undefined)).toBe(0);
    expect(deliverableThrough(0, [], undefined)).toBe(0);
  });

  it('passes holes below a settled gap, never one above it', () => {
    const settled = { from: 5, below: 8, since: 0, holders: [], settled: true };
    expect(deliverableThrough(4, [6, 8, 9, 11], settled)).toBe(3);
    expect(deliverableThrough(4, [9], settled)).toBe(0);
    expect(deliverableThrough(4, [6, 8], { ...settled, settled: false })).toBe(0);
  });
});
