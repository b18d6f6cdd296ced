import { describe, expect, it } from 'vitest';
import { byDayInListOrder, inListOrder, turnOf } from '../src/features/reservations/reservationTimes.ts';

const reservation = (id: string, date: string, time: string | null, startsAt: string, endsAt: string, table = 'A1') => ({
  id,
  date,
  time,
  table,
  startsAt,
  endsAt,
  createdAt: '2027-01-01T00:00:00.000Z',
});

describe('the reservations list at a restaurant that books times', () => {
  // Issue 16: the page "lists all days furthest first" was a defect; it is "sorted by time" now.
  it('orders the soonest day first, and a day by when its tables are taken, whole days first', () => {
    const list = [
      reservation('late', '2027-03-12', '21:00', '2027-03-12T21:00:00-05:00', '2027-03-12T22:30:00-05:00'),
      reservation('night', '2027-03-12', '00:30', '2027-03-13T00:30:00-05:00', '2027-03-13T02:00:00-05:00'),
      reservation('earlier-day', '2027-03-11', '12:00', '2027-03-11T12:00:00-05:00', '2027-03-11T13:30:00-05:00'),
      reservation('lunch', '2027-03-12', '12:00', '2027-03-12T12:00:00-05:00', '2027-03-12T13:30:00-05:00', 'B1'),
      reservation('lunch-a', '2027-03-12', '12:00', '2027-03-12T12:00:00-05:00', '2027-03-12T13:30:00-05:00', 'A1'),
      reservation('next-day', '2027-03-13', '19:00', '2027-03-13T19:00:00-05:00', '2027-03-13T20:30:00-05:00'),
      reservation('whole-a10', '2027-03-12', null, '2027-03-12T00:00:00-05:00', '2027-03-13T00:00:00-05:00', 'A10'),
      reservation('whole-a2', '2027-03-12', null, '2027-03-12T00:00:00-05:00', '2027-03-13T00:00:00-05:00', 'A2'),
    ];
    expect(inListOrder(list).map((entry) => entry.id)).toEqual([
      'earlier-day',
      'whole-a2',
      'whole-a10',
      'lunch-a',
      'lunch',
      'late',
      'night',
      'next-day',
    ]);
    expect(byDayInListOrder(list).map((day) => [day.date, day.reservations.length])).toEqual([
      ['2027-03-11', 1],
      ['2027-03-12', 6],
      ['2027-03-13', 1],
    ]);
  });

  it('orders by the instant, not the clock text, across a change of offset', () => {
    // Madrid's autumn night: 02:30 +02:00 comes before 02:15 +01:00.
    const list = [
      reservation('second', '2027-10-30', '02:15', '2027-10-31T02:15:00+01:00', '2027-10-31T03:15:00+01:00'),
      reservation('first', '2027-10-30', '02:30', '2027-10-31T02:30:00+02:00', '2027-10-31T03:30:00+02:00'),
    ];
    expect(inListOrder(list).map((entry) => entry.id)).toEqual(['first', 'second']);
  });

  it("gives a turn on the restaurant's clock, a start past midnight counting on from its date", () => {
    expect(turnOf(reservation('r', '2027-03-12', '19:30', '2027-03-12T19:30:00-05:00', '2027-03-12T21:00:00-05:00'))).toEqual({
      start: 1170,
      end: 1260,
    });
    expect(turnOf(reservation('r', '2027-03-12', '00:30', '2027-03-13T00:30:00-05:00', '2027-03-13T02:00:00-05:00'))).toEqual({
      start: 1470,
      end: 1560,
    });
    expect(turnOf(reservation('r', '2027-03-12', null, '2027-03-12T00:00:00-05:00', '2027-03-13T00:00:00-05:00'))).toBeUndefined();
  });
});
