import type { SlotOutput } from '@tablebook/api/shared';
import { describe, expect, it } from 'vitest';
import {
  floorAt,
  formatClockTime,
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

  it('says why a slot cannot be booked, and a reason newer than this build as "other"', () => {
    expect(slotStateOf(slot('19:00'))).toBe('free');
    expect(slotStateOf(slot('19:00', { bookable: false, reason: 'NO_TABLE_AVAILABLE', freeTables: [] }))).toBe('NO_TABLE_AVAILABLE');
    // A newer server may add a reason this build's types do not know.
    expect(slotStateOf(slot('19:00', { bookable: false, reason: 'SOMETHING_NEW' as never }))).toBe('other');
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
});
