import { describe, expect, it } from 'vitest';
import {
  axisOf,
  barPlace,
  clockChange,
  clockOf,
  closedSpans,
  dayRanges,
  hourMarks,
  minutesIntoDay,
  firstInView,
  placeOfTime,
  timeChoices,
  turnMinutes,
  wallClockIn,
} from '../src/features/timeline/timelineLayout.ts';
import { formatMinutes } from '../src/features/timeline/timeFormat.ts';

// 2027-03-12 is a Friday, 2027-03-14 a Sunday.
const FRIDAY = '2027-03-12';
const calendar = {
  hours: [
    { day: 'fri', opens: '18:00', closes: '02:00' },
    { day: 'fri', opens: '12:00', closes: '15:00' },
    { day: 'sun', opens: '12:00', closes: '23:00' },
  ],
  specialDates: [
    { date: '2027-12-24', hours: [] },
    { date: '2027-12-31', hours: [{ opens: '20:00', closes: '03:30' }] },
  ],
};
const reservation = (id: string, table: string, startsAt: string, endsAt: string, status = 'confirmed' as const) => ({
  id,
  table,
  status,
  startsAt,
  endsAt,
});

describe('the day on the timeline', () => {
  it("takes the weekday's ranges in order, a range past midnight running on past 1440", () => {
    expect(dayRanges(FRIDAY, calendar)).toEqual([
      { opens: 720, closes: 900 },
      { opens: 1080, closes: 1560 },
    ]);
    expect(dayRanges('2027-03-14', calendar)).toEqual([{ opens: 720, closes: 1380 }]);
    // A Saturday with no hours is closed.
    expect(dayRanges('2027-03-13', calendar)).toEqual([]);
  });

  it("takes a special date's own hours instead, or none when it is closed", () => {
    expect(dayRanges('2027-12-31', calendar)).toEqual([{ opens: 1200, closes: 1650 }]);
    expect(dayRanges('2027-12-24', calendar)).toEqual([]);
    expect(axisOf([])).toBeUndefined();
  });

  it('spans whole hours from the first opening to the last closing', () => {
    const axis = axisOf(dayRanges(FRIDAY, calendar))!;
    expect(axis).toMatchObject({ start: 720, end: 1560 });
    expect(axis.hours).toHaveLength(14);
    expect(axis.hours.at(-1)).toBe(1500);
    // 20:00-03:30 rounds out to 04:00 of the next day.
    expect(axisOf(dayRanges('2027-12-31', calendar))).toMatchObject({ start: 1200, end: 1680 });
    expect(hourMarks({ start: 720, end: 960, hours: [720, 780, 840, 900] }).map((mark) => mark.left)).toEqual([0, 25, 50, 75]);
  });

  it('shades the closed stretches between and around the ranges', () => {
    const ranges = [
      { opens: 750, closes: 900 },
      { opens: 1080, closes: 1530 },
    ];
    const axis = axisOf(ranges)!; // 12:00 .. 02:00 = 840 minutes
    // In minutes of the axis: 12:00-12:30, 15:00-18:00 and 01:30-02:00.
    const inMinutes = closedSpans(ranges, axis).map((span) => [span.left, span.width].map((percent) => Math.round((percent * 840) / 100)));
    expect(inMinutes).toEqual([
      [0, 30],
      [180, 180],
      [810, 30],
    ]);
  });
});

describe('a bar from startsAt to endsAt', () => {
  const axis = axisOf(dayRanges(FRIDAY, calendar))!; // 12:00 .. 02:00 of Saturday, 840 minutes

  it('reads an instant on the restaurant clock, the next day past 1440', () => {
    expect(minutesIntoDay(FRIDAY, '2027-03-12T19:30:00-05:00')).toBe(1170);
    expect(minutesIntoDay(FRIDAY, '2027-03-13T01:30:00-05:00')).toBe(1530);
    // Across a month's end too.
    expect(minutesIntoDay('2027-02-28', '2027-03-01T00:15:00-05:00')).toBe(1455);
    // The offset is the restaurant's own: the wall clock is what the hours speak.
    expect(minutesIntoDay('2027-03-14', '2027-03-14T03:30:00-04:00')).toBe(210);
    expect(minutesIntoDay(FRIDAY, 'not a time')).toBeNaN();
  });

  it('sits at its share of the axis', () => {
    const place = barPlace(reservation('r1', 'A1', '2027-03-12T19:30:00-05:00', '2027-03-12T21:00:00-05:00'), FRIDAY, axis)!;
    expect(place).toMatchObject({ start: 1170, end: 1260, cutStart: false, cutEnd: false });
    expect(place.left).toBeCloseTo((450 / 840) * 100);
    expect(place.width).toBeCloseTo((90 / 840) * 100);
  });

  it('runs past midnight in a range that does', () => {
    const place = barPlace(reservation('r2', 'A1', '2027-03-12T23:45:00-05:00', '2027-03-13T01:45:00-05:00'), FRIDAY, axis)!;
    expect(place).toMatchObject({ start: 1425, end: 1545, cutEnd: false });
    expect(place.left).toBeCloseTo((705 / 840) * 100);
    expect(place.left + place.width).toBeCloseTo((825 / 840) * 100);
  });

  it('is clipped to the axis, and says so, when it runs beyond it', () => {
    // A whole-day reservation: local midnight to the next.
    const place = barPlace(reservation('r3', 'B1', '2027-03-12T00:00:00-05:00', '2027-03-13T00:00:00-05:00'), FRIDAY, axis)!;
    expect(place).toMatchObject({ left: 0, cutStart: true, cutEnd: false });
    expect(place.width).toBeCloseTo((720 / 840) * 100);
    const late = barPlace(reservation('r4', 'B1', '2027-03-13T01:30:00-05:00', '2027-03-13T03:00:00-05:00'), FRIDAY, axis)!;
    expect(late).toMatchObject({ cutStart: false, cutEnd: true });
    expect(late.left + late.width).toBeCloseTo(100);
  });

  it('has no place when it falls wholly outside the axis, and a point when its turn ended at its start', () => {
    expect(barPlace(reservation('r5', 'A1', '2027-03-12T09:00:00-05:00', '2027-03-12T12:00:00-05:00'), FRIDAY, axis)).toBeUndefined();
    expect(barPlace(reservation('r6', 'A1', '2027-03-13T02:00:00-05:00', '2027-03-13T03:00:00-05:00'), FRIDAY, axis)).toBeUndefined();
    const noShow = barPlace(reservation('r7', 'A1', '2027-03-12T19:00:00-05:00', '2027-03-12T19:00:00-05:00'), FRIDAY, axis)!;
    expect(noShow.width).toBe(0);
  });
});

describe('moving a reservation', () => {
  const ranges = dayRanges(FRIDAY, calendar);
  const bogota = { date: FRIDAY, timeZone: 'America/Bogota' };

  it("offers every step of the day's ranges, after midnight too, and the current time off the grid", () => {
    const choices = timeChoices(ranges, 30, bogota);
    expect(choices[0]).toEqual({ time: '12:00', minutes: 720 });
    expect(choices.map((choice) => choice.time)).toContain('14:30');
    expect(choices.map((choice) => choice.time)).not.toContain('15:00');
    expect(choices.at(-1)).toEqual({ time: '01:30', minutes: 1530 });
    expect(choices).toHaveLength(6 + 16);
    const walkIn = timeChoices(ranges, 30, { ...bogota, current: 1150 });
    expect(walkIn.find((choice) => choice.minutes === 1150)).toEqual({ time: '19:10', minutes: 1150 });
    expect(walkIn).toHaveLength(23);
    expect(clockOf(1470)).toBe('00:30');
  });

  // Madrid's clocks go from 02:00 to 03:00 on Sunday 2027-03-28: Saturday night's range past midnight runs through it.
  const saturday = { hours: [{ day: 'sat', opens: '20:00', closes: '04:00' }], specialDates: [] };

  it('never offers a time the clocks skip that night (the server would refuse it as CLOSED)', () => {
    const night = dayRanges('2027-03-27', saturday);
    const madrid = { date: '2027-03-27', timeZone: 'Europe/Madrid' };
    const times = timeChoices(night, 30, madrid).map((choice) => choice.time);
    expect(times).toEqual([
      '20:00',
      '20:30',
      '21:00',
      '21:30',
      '22:00',
      '22:30',
      '23:00',
      '23:30',
      '00:00',
      '00:30',
      '01:00',
      '01:30',
      '03:00',
      '03:30',
    ]);
    // Nor a current start inside the gap; the same night in Bogotá (no daylight saving) has them all.
    expect(timeChoices(night, 30, { ...madrid, current: 1575 }).map((choice) => choice.minutes)).not.toContain(1575);
    expect(timeChoices(night, 30, { ...madrid, date: '2027-03-27', timeZone: 'America/Bogota' })).toHaveLength(16);
  });

  it('says when the clocks change within the day, forward (a gap) or back (an hour twice)', () => {
    const axis = axisOf(dayRanges('2027-03-27', saturday))!;
    expect(clockChange(axis, { date: '2027-03-27', timeZone: 'Europe/Madrid' })).toEqual({ from: 1560, to: 1620, forward: true });
    const autumn = axisOf(dayRanges('2027-10-30', saturday))!;
    expect(clockChange(autumn, { date: '2027-10-30', timeZone: 'Europe/Madrid' })).toEqual({ from: 1560, to: 1620, forward: false });
    expect(clockChange(axis, { date: '2027-03-27', timeZone: 'America/Bogota' })).toBeUndefined();
    expect(clockChange(axis, { date: '2027-03-20', timeZone: 'Europe/Madrid' })).toBeUndefined();
  });

  it('places a typed time on the day: in the range past midnight when only that range holds it', () => {
    expect(placeOfTime('19:10', ranges)).toBe(1150);
    expect(placeOfTime('00:30', ranges)).toBe(1470);
    // Outside every range it stays on the day's own clock, for the server to judge.
    expect(placeOfTime('09:00', ranges)).toBe(540);
    expect(placeOfTime('9:00', ranges)).toBeUndefined();
  });

  it('takes the turn time that seats the party', () => {
    const turns = [
      { maxPartySize: 2, minutes: 90 },
      { maxPartySize: 4, minutes: 120 },
      { maxPartySize: 8, minutes: 150 },
    ];
    expect([1, 2, 3, 8, 12].map((size) => turnMinutes(size, turns))).toEqual([90, 90, 120, 150, 150]);
  });

  it('writes times in the reader language, after midnight on the clock', () => {
    // Spaced with no-break spaces, so a time never wraps.
    expect(formatMinutes(1170, 'en-US')).toBe('7:30\u00a0PM');
    expect(formatMinutes(1530, 'en-US')).toBe('1:30\u00a0AM');
    expect(formatMinutes(1140, 'en-US', 'hour')).toBe('7\u00a0PM');
    expect(formatMinutes(1170, 'es-CO')).toBe('7:30\u00a0p.\u00a0m.');
  });
});

describe('now on the timeline', () => {
  const axis = axisOf(dayRanges(FRIDAY, calendar))!; // 12:00 .. 02:00

  it("reads now on the restaurant's wall clock, past midnight counting on from the day", () => {
    const now = new Date('2027-03-13T06:15:00Z');
    expect(wallClockIn('America/Bogota', now)).toBe('2027-03-13T01:15');
    expect(minutesIntoDay(FRIDAY, wallClockIn('America/Bogota', now))).toBe(1515);
    expect(wallClockIn('Europe/Madrid', now)).toBe('2027-03-13T07:15');
  });

  it('opens an hour before now while the day is under way, else just before the first booking', () => {
    expect(firstInView(axis, [1170], 1200)).toBe(1140);
    expect(firstInView(axis, [1170], 750)).toBe(720);
    expect(firstInView(axis, [1260, 1170, 300], undefined)).toBe(1140);
    expect(firstInView(axis, [], 3000)).toBe(720);
  });
});
