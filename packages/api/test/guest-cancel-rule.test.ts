/**
 * The review of issue 16 (D7): a guest could cancel, by code or by ids, a booking that was already
 * over, rewriting what happened. The rule of when it is over, on its own.
 */
import { describe, expect, it } from 'vitest';
import { isOverForGuest } from '../src/rules/guest-cancel.ts';
import { instantOf, startOfDay } from '../src/rules/zoned-time.ts';

const at = (iso: string) => Date.parse(iso);

describe('a booking is over for its guest', () => {
  // 19:30-21:00 on 2026-11-20 in Bogotá (UTC-5): 00:30-02:00 UTC the next day.
  const turn = { date: '2026-11-20', timed: true, endsAt: instantOf('2026-11-20', 21 * 60, 'America/Bogota') ?? 0 };

  it('when a timed turn has ended, not while it runs or before it starts', () => {
    expect(isOverForGuest(turn, 'America/Bogota', at('2026-11-20T23:00:00Z'))).toBe(false); // 18:00, before the start
    expect(isOverForGuest(turn, 'America/Bogota', at('2026-11-21T01:30:00Z'))).toBe(false); // 20:30, under way
    expect(isOverForGuest(turn, 'America/Bogota', at('2026-11-21T01:59:59Z'))).toBe(false); // a second before the end
    expect(isOverForGuest(turn, 'America/Bogota', at('2026-11-21T02:00:00Z'))).toBe(true); // 21:00, the end
    expect(isOverForGuest(turn, 'America/Bogota', at('2026-12-02T12:00:00Z'))).toBe(true); // two weeks on
  });

  it('when a turn past midnight has ended, the day after its own', () => {
    const late = { date: '2026-11-20', timed: true, endsAt: instantOf('2026-11-21', 60, 'America/Bogota') ?? 0 };
    // 00:30 on the 21st in Bogotá: its day has passed, its turn has not.
    expect(isOverForGuest(late, 'America/Bogota', at('2026-11-21T05:30:00Z'))).toBe(false);
    expect(isOverForGuest(late, 'America/Bogota', at('2026-11-21T06:00:00Z'))).toBe(true);
  });

  it('when a whole day is before today in the restaurant’s zone, not during that day', () => {
    const day = { date: '2026-11-20', timed: false, endsAt: startOfDay('2026-11-21', 'America/Bogota') };
    expect(isOverForGuest(day, 'America/Bogota', at('2026-11-20T05:00:00Z'))).toBe(false); // 00:00 that day
    expect(isOverForGuest(day, 'America/Bogota', at('2026-11-21T04:59:59Z'))).toBe(false); // 23:59:59 that day
    expect(isOverForGuest(day, 'America/Bogota', at('2026-11-21T05:00:00Z'))).toBe(true); // the next day
    // The same instant is already the 21st in Madrid: there the day has passed.
    expect(isOverForGuest(day, 'Europe/Madrid', at('2026-11-21T00:30:00Z'))).toBe(true);
    expect(isOverForGuest(day, 'America/Bogota', at('2026-11-21T00:30:00Z'))).toBe(false);
  });

  it('reads a whole day by its day, whatever its stored end (a row written by hand)', () => {
    const written = { date: '2026-11-20', timed: false, endsAt: at('2026-11-20T06:00:00Z') };
    expect(isOverForGuest(written, 'America/Bogota', at('2026-11-20T20:00:00Z'))).toBe(false);
  });
});
