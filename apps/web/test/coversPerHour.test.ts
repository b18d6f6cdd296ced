/**
 * Issue 16, a host stand: "the reservations page opens on today at the last restaurant used, sorted
 * by time, with covers per hour". Covers per hour: the sum of the party sizes starting in each hour.
 */
import { describe, expect, it } from 'vitest';
import { coversPerHour } from '../src/features/reservations/coversPerHour.ts';

const booking = (
  time: string | null,
  startsAt: string,
  partySize: number,
  status: 'confirmed' | 'cancelled' | 'no_show' = 'confirmed',
) => ({
  date: '2027-03-12',
  time,
  table: 'A1',
  startsAt,
  endsAt: startsAt,
  createdAt: '2027-01-01T00:00:00.000Z',
  status,
  partySize,
});

describe('covers per hour', () => {
  it("sums the party sizes of the turns starting in each hour of the restaurant's clock, in time order", () => {
    const day = coversPerHour([
      booking('19:45', '2027-03-12T19:45:00-05:00', 2),
      booking('12:00', '2027-03-12T12:00:00-05:00', 4),
      booking('19:00', '2027-03-12T19:00:00-05:00', 6),
      booking('12:30', '2027-03-12T12:30:00-05:00', 3),
      // The night's 00:30 comes after the evening, in that night's 00:00 hour (minute 1440).
      booking('00:30', '2027-03-13T00:30:00-05:00', 5),
    ]);
    expect(day.hours).toEqual([
      { hour: 720, covers: 7, reservations: 2 },
      { hour: 1140, covers: 8, reservations: 2 },
      { hour: 1440, covers: 5, reservations: 1 },
    ]);
    expect(day.total).toBe(20);
    expect(day.wholeDay).toEqual({ covers: 0, reservations: 0 });
  });

  it('leaves cancelled reservations out, counts a no-show, and keeps whole days apart', () => {
    const day = coversPerHour([
      booking('19:00', '2027-03-12T19:00:00-05:00', 6, 'cancelled'),
      booking('19:15', '2027-03-12T19:15:00-05:00', 2, 'no_show'),
      booking(null, '2027-03-12T00:00:00-05:00', 8),
    ]);
    expect(day.hours).toEqual([{ hour: 1140, covers: 2, reservations: 1 }]);
    expect(day.wholeDay).toEqual({ covers: 8, reservations: 1 });
    expect(day.total).toBe(10);
  });

  it('has no hours for an empty day', () => {
    expect(coversPerHour([])).toEqual({ hours: [], wholeDay: { covers: 0, reservations: 0 }, total: 0 });
  });
});
