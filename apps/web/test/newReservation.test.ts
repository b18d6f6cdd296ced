/**
 * Issue 16, a host stand: "from the timeline, a new reservation by phone or a walk-in (name, party,
 * time, table; phone and e-mail optional), not rate-limited like guests". The dialog's pure pieces.
 */
import { describe, expect, it } from 'vitest';
import {
  checkNewReservation,
  timeAt,
  upcomingTimes,
  WALK_IN,
  walkInStart,
  type NewReservationValues,
} from '../src/features/timeline/newReservation.ts';
import { dayRanges, timeChoices } from '../src/features/timeline/timelineLayout.ts';

// 2027-03-12 is a Friday: lunch, and a dinner that runs past midnight, in Bogotá (UTC-5, no clock changes).
const FRIDAY = '2027-03-12';
const calendar = {
  hours: [
    { day: 'fri' as const, opens: '12:00', closes: '15:00' },
    { day: 'fri' as const, opens: '18:00', closes: '02:00' },
  ],
  specialDates: [],
};
const ranges = dayRanges(FRIDAY, calendar);
const bogota = { date: FRIDAY, timeZone: 'America/Bogota' };
const at = (instant: string) => Date.parse(instant);

describe('a walk-in', () => {
  it('starts at the next whole minute at least 20 s ahead, on the day shown, while the restaurant is open', () => {
    expect(walkInStart(at('2027-03-12T19:10:05-05:00'), FRIDAY, ranges, 'America/Bogota')).toEqual({ time: '19:11', minutes: 1151 });
    // 19:10:50 + 20 s is past 19:11: the request would arrive after its start, which the server refuses.
    expect(walkInStart(at('2027-03-12T19:10:50-05:00'), FRIDAY, ranges, 'America/Bogota')).toEqual({ time: '19:12', minutes: 1152 });
    // After midnight it is still Friday's night.
    expect(walkInStart(at('2027-03-13T00:30:00-05:00'), FRIDAY, ranges, 'America/Bogota')).toEqual({ time: '00:31', minutes: 1471 });
  });

  it('is not offered while the restaurant is closed, nor on another day than today', () => {
    expect(walkInStart(at('2027-03-12T16:00:00-05:00'), FRIDAY, ranges, 'America/Bogota')).toBeUndefined();
    expect(walkInStart(at('2027-03-12T14:59:50-05:00'), FRIDAY, ranges, 'America/Bogota')).toBeUndefined();
    expect(walkInStart(at('2027-03-11T19:00:00-05:00'), FRIDAY, ranges, 'America/Bogota')).toBeUndefined();
  });
});

describe('the starts a new reservation offers', () => {
  const grid = timeChoices(ranges, 30, bogota);

  it('leaves out the starts that have passed (an admin may not book those either)', () => {
    const upcoming = upcomingTimes(grid, bogota, at('2027-03-12T19:10:00-05:00'));
    expect(upcoming[0]).toEqual({ time: '19:30', minutes: 1170 });
    expect(upcoming.at(-1)).toEqual({ time: '01:30', minutes: 1530 });
    expect(upcomingTimes(grid, bogota, at('2027-03-11T12:00:00-05:00'))).toEqual(grid);
  });

  it('picks, for a click on the timeline, the last start at or before the clicked minute', () => {
    expect(timeAt(grid, 1185)).toEqual({ time: '19:30', minutes: 1170 });
    expect(timeAt(grid, 1170)).toEqual({ time: '19:30', minutes: 1170 });
    // In the closed afternoon: the last lunch start; before the opening: the first start.
    expect(timeAt(grid, 960)).toEqual({ time: '14:30', minutes: 870 });
    expect(timeAt(grid, 600)).toEqual({ time: '12:00', minutes: 720 });
    expect(timeAt([], 600)).toBeUndefined();
  });
});

describe('checking a new reservation before it is sent', () => {
  const restaurantId = '6f1c8c2e-3f5a-4b8e-9a49-6e1f0d7a2b11';
  const values: NewReservationValues = { guestName: 'Ana Gómez', partySize: '4', time: '19:30', guestPhone: '', guestEmail: '', notes: '' };
  const context = { restaurantId, date: FRIDAY, table: { label: 'B1', seats: 4 }, walkIn: { time: '19:11', minutes: 1151 } };

  it('builds a phone booking with no phone and no e-mail: only a name, the party, a time and a table', () => {
    expect(checkNewReservation(values, context)).toEqual({
      ok: true,
      input: { restaurantId, date: FRIDAY, table: 'B1', time: '19:30', partySize: 4, guestName: 'Ana Gómez' },
    });
  });

  it("takes a walk-in's start from the clock given when the host books", () => {
    const check = checkNewReservation({ ...values, time: WALK_IN, guestPhone: '+57 300 123 4567' }, context);
    expect(check).toMatchObject({ ok: true, input: { time: '19:11', guestPhone: '+57 300 123 4567' } });
    expect(checkNewReservation({ ...values, time: WALK_IN }, { ...context, walkIn: undefined })).toEqual({
      ok: false,
      problems: [{ field: 'time', kind: 'closedNow' }],
    });
  });

  it('refuses a missing name, 25 people, more than the table seats, no table, and a malformed phone or e-mail', () => {
    const check = checkNewReservation({ ...values, guestName: ' ', partySize: '25', guestPhone: '12', guestEmail: 'ana@' }, context);
    expect(check).toEqual({
      ok: false,
      problems: [
        { field: 'guestName', kind: 'required' },
        { field: 'partySize', kind: 'party', problem: { kind: 'range', max: 20 } },
        { field: 'guestPhone', kind: 'invalid' },
        { field: 'guestEmail', kind: 'invalid' },
      ],
    });
    expect(checkNewReservation({ ...values, partySize: '5' }, context)).toEqual({
      ok: false,
      problems: [{ field: 'partySize', kind: 'party', problem: { kind: 'seats', table: 'B1', seats: 4 } }],
    });
    expect(checkNewReservation({ ...values, time: '' }, { ...context, table: undefined })).toEqual({
      ok: false,
      problems: [
        { field: 'time', kind: 'required' },
        { field: 'table', kind: 'none' },
      ],
    });
    expect(checkNewReservation({ ...values, notes: 'x'.repeat(501) }, context)).toEqual({
      ok: false,
      problems: [{ field: 'notes', kind: 'tooLong' }],
    });
  });
});
