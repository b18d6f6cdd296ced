import type { SlotOutput } from '@tablebook/api/shared';
import { describe, expect, it } from 'vitest';
import {
  bookableFrom,
  floorAt,
  formatClockTime,
  goneCount,
  isAfterMidnight,
  linkedPickFrom,
  localDayOf,
  paramsOfTimedSearch,
  partySizes,
  slotStateOf,
  slotWindow,
  timedSearchFrom,
} from '../src/features/day/slotTimes.ts';

const slot = (time: string, changes: Partial<SlotOutput> = {}): SlotOutput => ({
  time,
  startsAt: `2027-03-12T${time}:00-05:00`,
  endsAt: `2027-03-12T${time}:00-05:00`,
  freeTables: ['A0', 'A1'],
  bookable: true,
  ...changes,
});
/** Every 30 minutes from 18:00 to 01:30 (a range that closes past midnight). */
const evening = [
  '18:00',
  '18:30',
  '19:00',
  '19:30',
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
].map((time) => slot(time));
const times = (slots: readonly SlotOutput[]) => slots.map((entry) => entry.time);

describe('the start times shown around the one asked for', () => {
  it('centres the window on the nearest slot, with the times to ask for to page earlier and later', () => {
    const window = slotWindow(evening, '21:10', 4);
    expect(times(window.shown)).toEqual(['20:00', '20:30', '21:00', '21:30']);
    expect(window).toMatchObject({ earlier: '19:00', later: '23:00' });
    expect(times(slotWindow(evening, window.earlier!, 4).shown)).toEqual(['18:00', '18:30', '19:00', '19:30']);
  });

  it('stops at the ends of the day, and reads times after midnight as that night', () => {
    const start = slotWindow(evening, '12:00', 4);
    expect([times(start.shown), start.earlier]).toEqual([['18:00', '18:30', '19:00', '19:30'], undefined]);
    const late = slotWindow(evening, '01:20', 4);
    expect([times(late.shown), late.later]).toEqual([['00:00', '00:30', '01:00', '01:30'], undefined]);
    expect(slotWindow([], '19:00')).toEqual({ shown: [] });
  });

  it('does not reach back into lunch for a time at the start of dinner, and pages back to it', () => {
    const day = ['12:00', '12:30', '13:00', '13:30', ...evening.map((entry) => entry.time)].map((time) => slot(time));
    const dinner = slotWindow(day, '19:00', 4);
    // Dinner opens at 18:00: asked for 18:10, the window starts there, not at 13:00.
    expect(times(slotWindow(day, '18:10', 4).shown)).toEqual(['18:00', '18:30', '19:00', '19:30']);
    expect(times(dinner.shown)).toEqual(['18:00', '18:30', '19:00', '19:30']);
    expect(dinner.earlier).toBe('13:00');
    expect(times(slotWindow(day, dinner.earlier!, 4).shown)).toEqual(['12:00', '12:30', '13:00', '13:30']);
    // Further into dinner the window is centred as before.
    expect(times(slotWindow(day, '21:10', 4).shown)).toEqual(['20:00', '20:30', '21:00', '21:30']);
  });

  it('leaves out the starts already gone: asked for 19:00 at 20:10, the window starts at 20:30', () => {
    // 18:00 to 20:00 are gone (5 slots): the window starts at the first one still to come, and offers no earlier times.
    const window = slotWindow(evening, '19:00', 4, 5);
    expect([times(window.shown), window.earlier, window.later]).toEqual([['20:30', '21:00', '21:30', '22:00'], undefined, '23:30']);
    // Later in the evening, "earlier" pages back to the first start still to come, never before it.
    const later = slotWindow(evening, '23:00', 4, 5);
    expect(times(later.shown)).toEqual(['22:00', '22:30', '23:00', '23:30']);
    expect(times(slotWindow(evening, later.earlier!, 4, 5).shown)).toEqual(['20:30', '21:00', '21:30', '22:00']);
    // Near the end of the night only what is left is shown; a day all gone (a past day) is shown as it was.
    expect(times(slotWindow(evening, '19:00', 4, 14).shown)).toEqual(['01:00', '01:30']);
    expect(times(slotWindow(evening, '19:00', 4, evening.length).shown)).toEqual(['18:00', '18:30', '19:00', '19:30']);
  });
});

describe('why a slot cannot be booked', () => {
  const startsAt = Date.parse('2027-03-12T20:00:00-05:00');
  const window = (changes: Partial<{ now: number; minAdvanceMinutes: number; maxAdvanceDays: number | null }> = {}) => ({
    now: startsAt - 3 * 3_600_000,
    minAdvanceMinutes: 0,
    maxAdvanceDays: null,
    ...changes,
  });
  const outside = slot('20:00', { bookable: false, reason: 'OUTSIDE_BOOKING_WINDOW', freeTables: [] });

  it('says free, full, a limit, or a reason newer than this build as "other"', () => {
    expect(slotStateOf(slot('19:00'), window())).toBe('free');
    expect(slotStateOf(slot('19:00', { bookable: false, reason: 'NO_TABLE_AVAILABLE', freeTables: [] }), window())).toBe(
      'NO_TABLE_AVAILABLE',
    );
    expect(slotStateOf(slot('19:00', { bookable: false, reason: 'GLOBAL_DAILY_LIMIT' }), window())).toBe('GLOBAL_DAILY_LIMIT');
    expect(slotStateOf(slot('19:00', { bookable: false, reason: 'PACING_LIMIT' }), window())).toBe('PACING_LIMIT');
    // A newer server may add a reason this build's types do not know.
    expect(slotStateOf(slot('19:00', { bookable: false, reason: 'SOMETHING_NEW' as never }), window())).toBe('other');
  });

  it('tells "not yet open" (a day beyond the days ahead) from "too soon" (inside the notice) and "no longer" (started)', () => {
    expect(slotStateOf(outside, window({ maxAdvanceDays: 30 }))).toBe('notYetOpen');
    expect(slotStateOf(outside, window({ now: startsAt + 60_000, maxAdvanceDays: 30 }))).toBe('noLonger');
    expect(slotStateOf(outside, window({ now: startsAt + 60_000, minAdvanceMinutes: 240 }))).toBe('noLonger');
    expect(slotStateOf(outside, window({ minAdvanceMinutes: 240, maxAdvanceDays: 30 }))).toBe('tooSoon');
    // No limit on the days ahead: a start still to come that is refused can only be inside the notice.
    expect(slotStateOf(outside, window())).toBe('tooSoon');
  });

  it('counts the starts gone at the beginning of the day', () => {
    const at = (time: string) => Date.parse(`2027-03-12T${time}:00-05:00`);
    expect(goneCount(evening, { now: at('20:10'), minAdvanceMinutes: 0, maxAdvanceDays: null })).toBe(5);
    expect(goneCount(evening, { now: at('19:10'), minAdvanceMinutes: 60, maxAdvanceDays: null })).toBe(5);
    expect(goneCount(evening, { now: at('12:00'), minAdvanceMinutes: 0, maxAdvanceDays: null })).toBe(0);
  });

  it('names the first day a day beyond the window can be booked', () => {
    expect(bookableFrom('2027-03-20', '2027-03-10', 7)).toBe('2027-03-13');
    expect(bookableFrom('2027-03-17', '2027-03-10', 7)).toBeUndefined();
    expect(bookableFrom('2030-01-01', '2027-03-10', null)).toBeUndefined();
  });
});

describe('a slot after midnight', () => {
  it('is of the next calendar day, and says so', () => {
    const late = slot('00:30', { startsAt: '2026-12-05T00:30:00+01:00' });
    expect(localDayOf(late.startsAt)).toBe('2026-12-05');
    expect(isAfterMidnight(late, '2026-12-04')).toBe(true);
    expect(isAfterMidnight(slot('23:30', { startsAt: '2026-12-04T23:30:00+01:00' }), '2026-12-04')).toBe(false);
  });
});

describe('a slot for people', () => {
  it('writes a local time in the reader’s language', () => {
    expect(formatClockTime('19:30', 'en-US')).toBe('7:30 PM');
    expect(formatClockTime('19:30', 'es-CO').replace(/\s/g, ' ')).toBe('7:30 p. m.');
  });

  it('draws the floor at a slot: free for the whole turn, taken, or too small for the party', () => {
    const tables = [
      { label: 'A0', seats: 2 },
      { label: 'A1', seats: 4 },
      { label: 'B0', seats: 6 },
    ];
    const { taken, tooSmall } = floorAt(slot('20:00', { freeTables: ['B0'] }), tables, 4);
    expect([[...taken], [...tooSmall]]).toEqual([['A1'], ['A0']]);
    expect(partySizes(tables)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('keeps the search in the address, leaving out the defaults, and drops what is malformed', () => {
    const today = '2027-03-10';
    const search = { date: '2027-03-12', wanted: '20:30', partySize: 4 };
    const params = paramsOfTimedSearch(search, today);
    expect(params.toString()).toBe('date=2027-03-12&time=20%3A30&party=4');
    expect(timedSearchFrom(params, today, 6)).toEqual(search);
    expect(paramsOfTimedSearch({ date: today, wanted: '19:00', partySize: 2 }, today).toString()).toBe('');
    expect(timedSearchFrom(new URLSearchParams('date=2027-02-30&time=25:00&party=9'), today, 6)).toEqual({
      date: today,
      wanted: '19:00',
      partySize: 2,
    });
  });

  it('picks a slot only for a link that asks to (`pick`), never for a typed time', () => {
    expect(linkedPickFrom(new URLSearchParams('date=2027-03-12&time=20:30&pick=20:30'))).toBe('20:30');
    expect(linkedPickFrom(new URLSearchParams('date=2027-03-12&time=20:30'))).toBeUndefined();
    expect(linkedPickFrom(new URLSearchParams('pick=8pm'))).toBeUndefined();
    // Any change to the search drops the link's pick.
    const search = timedSearchFrom(new URLSearchParams('time=20:30&pick=20:30'), '2027-03-10', 6);
    expect(paramsOfTimedSearch({ ...search, partySize: 4 }, '2027-03-10').toString()).toBe('time=20%3A30&party=4');
  });
});
