import { describe, expect, it } from 'vitest';
import {
  coversByInterval,
  coversInInterval,
  describePacingRefusal,
  formatInterval,
  pacingIntervalOf,
  pacingRefusal,
  startsFromJson,
} from '../src/rules/pacing.ts';
import { daySlots, type DayOccupancy } from '../src/rules/slots.ts';
import { instantOf } from '../src/rules/zoned-time.ts';

const at = (date: string, clock: string, zone = 'America/Bogota') => {
  const [hours, minutes] = clock.split(':').map(Number) as [number, number];
  const instant = instantOf(date, hours * 60 + minutes, zone);
  if (instant === null) throw new Error(`${date} ${clock} does not exist in ${zone}`);
  return instant;
};

describe('pacing intervals', () => {
  it('starts intervals at local midnight and reads them on the local clock', () => {
    expect(pacingIntervalOf(at('2027-03-14', '19:29'), 'America/Bogota', 30)).toEqual({ date: '2027-03-14', start: 1140, end: 1170 });
    expect(pacingIntervalOf(at('2027-03-14', '19:30'), 'America/Bogota', 30)).toEqual({ date: '2027-03-14', start: 1170, end: 1200 });
    expect(pacingIntervalOf(at('2027-03-14', '19:44'), 'America/Bogota', 15).start).toBe(1170);
    expect(pacingIntervalOf(at('2027-03-14', '00:10'), 'America/Bogota', 60)).toEqual({ date: '2027-03-14', start: 0, end: 60 });
    // The same instant is another interval on another clock.
    expect(pacingIntervalOf(at('2027-03-14', '19:30'), 'Europe/Madrid', 60)).toEqual({ date: '2027-03-15', start: 60, end: 120 });
  });

  it('puts both occurrences of a repeated autumn hour in one interval (New York, 2027-11-07)', () => {
    const first = at('2027-11-07', '01:30', 'America/New_York');
    const second = first + 3_600_000;
    expect(pacingIntervalOf(second, 'America/New_York', 60)).toEqual(pacingIntervalOf(first, 'America/New_York', 60));
  });

  it('writes an interval as the trigger does, the last one of a day ending at 00:00', () => {
    expect(formatInterval({ date: '2027-03-14', start: 1140, end: 1170 })).toBe('19:00-19:30');
    expect(formatInterval({ date: '2027-03-14', start: 1380, end: 1440 })).toBe('23:00-00:00');
  });

  it('adds the covers of the starts in each interval, by local date', () => {
    const starts = startsFromJson([
      { start: '2027-03-14 19:00', covers: 4 },
      { start: '2027-03-14 19:15', covers: '3' },
      { start: '2027-03-14 19:30', covers: 2 },
      { start: '2027-03-15 19:00', covers: 8 },
    ]);
    expect(starts[1]).toEqual({ date: '2027-03-14', minutes: 1155, covers: 3 });
    const halfHours = coversByInterval(starts, 30);
    expect(coversInInterval(halfHours, { date: '2027-03-14', start: 1140, end: 1170 })).toBe(7);
    expect(coversInInterval(halfHours, { date: '2027-03-14', start: 1170, end: 1200 })).toBe(2);
    expect(coversInInterval(halfHours, { date: '2027-03-14', start: 1200, end: 1230 })).toBe(0);
    expect(coversInInterval(coversByInterval(starts, 60), { date: '2027-03-14', start: 1140, end: 1200 })).toBe(9);
    expect(coversInInterval(coversByInterval(starts, 15), { date: '2027-03-14', start: 1140, end: 1155 })).toBe(4);
  });
});

describe('pacingRefusal and its message', () => {
  const pacing = { intervalMinutes: 30, maxCovers: 20 };
  const interval = { date: '2027-03-14', start: 1140, end: 1170 };

  it('lets a party fill the interval exactly, and refuses one cover more', () => {
    expect(pacingRefusal(pacing, interval, 16, 4)).toBeNull();
    expect(pacingRefusal(pacing, interval, 18, 4)).toEqual({ interval, coversLeft: 2, maxCovers: 20, partySize: 4 });
    // Covers above the pacing (it was lowered since) leave none, never fewer than none.
    expect(pacingRefusal(pacing, interval, 25, 1)?.coversLeft).toBe(0);
  });

  it('names the interval, its day, the covers left and the party', () => {
    const refusal = pacingRefusal(pacing, interval, 18, 4);
    expect(refusal && describePacingRefusal('Casa', refusal)).toBe(
      'Cannot book at "Casa": the 19:00-19:30 interval on 2027-03-14 has 2 of 20 covers left; a party of 4 does not fit',
    );
  });
});

describe('slots under pacing', () => {
  const calendar = {
    name: 'Ritmo',
    timeZone: 'America/Bogota',
    hours: [{ day: 'sun', opens: '19:00', closes: '21:00' }],
    specialDates: [],
    slotMinutes: 15,
    turnTimes: [{ maxPartySize: 20, minutes: 60 }],
    minAdvanceMinutes: 0,
    maxAdvanceDays: null,
  };
  const occupancy = (pacing: DayOccupancy['pacing'], capacity = { restaurantRemaining: 5, globalRemaining: 5 }): DayOccupancy => ({
    tables: [
      { label: 'A1', seats: 4 },
      { label: 'A2', seats: 4 },
    ],
    held: [],
    capacity,
    pacing,
  });
  const now = at('2027-03-01', '12:00');

  it('marks a slot PACING_LIMIT when its interval cannot take the party, after the other reasons', () => {
    const pacing = {
      pacing: { intervalMinutes: 30, maxCovers: 6 },
      starts: startsFromJson([{ start: '2027-03-14 19:15', covers: 3 }]),
    };
    const reasons = (partySize: number, capacity?: DayOccupancy['capacity']) =>
      daySlots('2027-03-14', partySize, calendar, occupancy(pacing, capacity), now).map((slot) => [slot.time, slot.reason]);
    // 19:00 and 19:15 share 19:00-19:30, which has 3 of 6 covers left.
    expect(reasons(3).slice(0, 3)).toEqual([
      ['19:00', null],
      ['19:15', null],
      ['19:30', null],
    ]);
    expect(reasons(4).slice(0, 3)).toEqual([
      ['19:00', 'PACING_LIMIT'],
      ['19:15', 'PACING_LIMIT'],
      ['19:30', null],
    ]);
    // The daily limits come first.
    expect(reasons(4, { restaurantRemaining: 0, globalRemaining: 5 })[0]).toEqual(['19:00', 'RESTAURANT_DAILY_LIMIT']);
    // Without pacing, nothing is paced.
    expect(daySlots('2027-03-14', 4, calendar, occupancy(null), now).every((slot) => slot.reason === null)).toBe(true);
  });
});
