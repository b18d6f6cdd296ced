import { describe, expect, it } from 'vitest';
import {
  isOnSlotGrid,
  openRangesOn,
  overlappingRanges,
  placeTime,
  slotStarts,
  turnMinutesFor,
  DEFAULT_TURN_TIMES,
} from '../src/rules/opening-hours.ts';
import {
  addDays,
  formatClock,
  formatZoned,
  instantOf,
  localDateTimeOf,
  parseClock,
  startOfDay,
  weekdayOf,
} from '../src/rules/zoned-time.ts';
import { lockDaysFor } from '../src/rules/timed-booking.ts';

const calendar = {
  hours: [
    { day: 'fri' as const, opens: '12:00', closes: '15:00' },
    { day: 'fri' as const, opens: '18:00', closes: '02:00' },
  ],
  specialDates: [{ date: '2027-12-24', hours: [] }],
  slotMinutes: 30,
  turnTimes: DEFAULT_TURN_TIMES,
};

describe('local times in a zone', () => {
  it('turns a Bogota wall clock into an instant and back, with its offset', () => {
    const instant = instantOf('2027-03-14', 19 * 60 + 30, 'America/Bogota');
    expect(new Date(instant ?? 0).toISOString()).toBe('2027-03-15T00:30:00.000Z');
    expect(formatZoned(instant ?? 0, 'America/Bogota')).toBe('2027-03-14T19:30:00-05:00');
    expect(localDateTimeOf(instant ?? 0, 'America/Bogota')).toEqual({ date: '2027-03-14', minutes: 1170 });
  });

  it('has no instant in a spring-forward gap and takes the first of an autumn repeat (New York)', () => {
    // 2027-03-14 02:00 -> 03:00 in New York; 2027-11-07 02:00 -> 01:00.
    expect(instantOf('2027-03-14', 2 * 60 + 30, 'America/New_York')).toBeNull();
    const repeated = instantOf('2027-11-07', 60 + 30, 'America/New_York');
    expect(formatZoned(repeated ?? 0, 'America/New_York')).toBe('2027-11-07T01:30:00-04:00');
    expect(formatZoned(instantOf('2027-11-07', 3 * 60, 'America/New_York') ?? 0, 'America/New_York')).toBe('2027-11-07T03:00:00-05:00');
  });

  it('knows days that are 23 and 25 hours long (Madrid)', () => {
    const hours = (date: string) => (startOfDay(addDays(date, 1), 'Europe/Madrid') - startOfDay(date, 'Europe/Madrid')) / 3_600_000;
    expect([hours('2027-03-28'), hours('2027-10-31'), hours('2027-06-01')]).toEqual([23, 25, 24]);
  });

  it('reads clocks and weekdays', () => {
    expect([parseClock('00:00'), parseClock('23:59'), parseClock('24:00'), parseClock('7:30')]).toEqual([0, 1439, undefined, undefined]);
    expect(formatClock(1470)).toBe('00:30');
    expect([weekdayOf('2027-03-14'), weekdayOf('2027-03-19'), weekdayOf('1970-01-01')]).toEqual(['sun', 'fri', 'thu']);
  });
});

describe('opening hours and the slot grid', () => {
  it('gives a date its weekday ranges, a range past midnight ending the next day, a special date its own', () => {
    expect(openRangesOn('2027-03-19', calendar)).toEqual([
      { opens: 720, closes: 900 },
      { opens: 1080, closes: 1560 },
    ]);
    expect(openRangesOn('2027-03-20', calendar)).toEqual([]);
    expect(openRangesOn('2027-12-24', { ...calendar, hours: [{ day: 'fri', opens: '12:00', closes: '15:00' }] })).toEqual([]);
  });

  it("places a 00:30 in Friday's 18:00-02:00 on Friday, and a time outside every range nowhere", () => {
    expect(placeTime('2027-03-19', '00:30', calendar)).toEqual({ kind: 'open', range: { opens: 1080, closes: 1560 }, start: 1470 });
    expect(placeTime('2027-03-19', '16:00', calendar)).toEqual({ kind: 'closed' });
    expect(placeTime('2027-03-20', '00:30', calendar)).toEqual({ kind: 'closed' });
  });

  it('offers starts on the grid whose turn still ends by closing', () => {
    const lunch = slotStarts('2027-03-19', 2, calendar, 'America/Bogota').filter(({ start }) => start < 900);
    expect(lunch.map(({ start }) => formatClock(start))).toEqual(['12:00', '12:30', '13:00', '13:30']);
    const dinner = slotStarts('2027-03-19', 6, calendar, 'America/Bogota').filter(({ start }) => start >= 1080);
    expect(dinner.at(-1)).toEqual({ start: 1410, startsAt: Date.parse('2027-03-20T04:30:00Z'), duration: 150 });
    expect(isOnSlotGrid(1110, { opens: 1080, closes: 1560 }, 30)).toBe(true);
    expect(isOnSlotGrid(1090, { opens: 1080, closes: 1560 }, 30)).toBe(false);
  });

  it('ends a guest turn by the closing instant across a daylight-saving shift', () => {
    // Madrid, 22:00-04:00: on the night of 2027-03-27 the clocks skip 02:00-03:00, on 2027-10-30 they repeat it.
    const night = {
      hours: [{ day: 'sat', opens: '22:00', closes: '04:00' }],
      specialDates: [],
      slotMinutes: 30,
      turnTimes: [{ maxPartySize: 20, minutes: 150 }],
    };
    const spring = slotStarts('2027-03-27', 6, night, 'Europe/Madrid').map(({ start }) => formatClock(start));
    expect(spring).toEqual(['22:00', '22:30', '23:00', '23:30', '00:00', '00:30']);
    const autumn = slotStarts('2027-10-30', 6, night, 'Europe/Madrid').map(({ start }) => formatClock(start));
    expect(autumn).toEqual(['22:00', '22:30', '23:00', '23:30', '00:00', '00:30', '01:00', '01:30', '02:00', '02:30']);
  });

  it('locks each local day a turn touches, and copes with the last writable day', () => {
    const held = { startsAt: Date.parse('2027-03-20T04:30:00Z'), endsAt: Date.parse('2027-03-20T07:00:00Z') };
    expect(lockDaysFor('2027-03-19', held, 'America/Bogota')).toEqual(['2027-03-19', '2027-03-20']);
    const late = { startsAt: Date.parse('9999-12-31T04:30:00Z'), endsAt: Date.parse('9999-12-31T07:00:00Z') };
    expect(lockDaysFor('9999-12-30', late, 'America/Bogota')).toEqual(['9999-12-30', '9999-12-31']);
    expect(instantOf('9999-12-31', 1470, 'America/Bogota')).toBeNull();
    expect(formatZoned(Date.parse('0999-06-01T12:00:00Z'), 'UTC')).toBe('0999-06-01T12:00:00+00:00');
    expect(formatZoned(Date.parse('0050-06-01T12:00:00Z'), 'UTC')).toBe('0050-06-01T12:00:00+00:00');
    expect(formatZoned(Date.parse('9999-12-31T23:00:00Z'), 'America/Bogota')).toBe('9999-12-31T18:00:00-05:00');
  });

  it('chooses the turn time by party size and finds overlapping ranges of a day', () => {
    expect([1, 2, 3, 4, 5, 20, 25].map((size) => turnMinutesFor(size, DEFAULT_TURN_TIMES))).toEqual([90, 90, 120, 120, 150, 150, 150]);
    expect(
      overlappingRanges([
        { opens: '12:00', closes: '15:00' },
        { opens: '14:00', closes: '16:00' },
        { opens: '18:00', closes: '02:00' },
        { opens: '01:00', closes: '03:00' },
      ]),
    ).toEqual([[0, 1]]);
    expect(
      overlappingRanges([
        { opens: '18:00', closes: '02:00' },
        { opens: '19:00', closes: '20:00' },
      ]),
    ).toEqual([[0, 1]]);
  });
});
