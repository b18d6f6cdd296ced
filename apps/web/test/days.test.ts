import { afterEach, describe, expect, it } from 'vitest';
import { addDays, formatDay, formatInstant, isBeforeDay, isCalendarDay, localDay } from '../src/lib/days.ts';

const originalZone = process.env['TZ'];

/** Runs `body` with this process's local time zone set to `zone` (Node re-reads TZ when it changes). */
function inZone<T>(zone: string, body: () => T): T {
  process.env['TZ'] = zone;
  try {
    return body();
  } finally {
    if (originalZone === undefined) delete process.env['TZ'];
    else process.env['TZ'] = originalZone;
  }
}

afterEach(() => {
  if (originalZone === undefined) delete process.env['TZ'];
  else process.env['TZ'] = originalZone;
});

describe('localDay: the calendar day on the device, never the UTC one', () => {
  it('keeps an evening in Bogotá on that day, though UTC has moved on', () => {
    // 2026-03-10 21:30 in Bogotá is 2026-03-11 02:30 UTC.
    const evening = new Date('2026-03-11T02:30:00Z');
    expect(evening.toISOString().slice(0, 10)).toBe('2026-03-11');
    expect(inZone('America/Bogota', () => localDay(evening))).toBe('2026-03-10');
  });

  it('keeps an early morning east of UTC on that day, though UTC is still on the day before', () => {
    // 2026-01-01 08:00 in Kiritimati (UTC+14) is 2025-12-31 18:00 UTC.
    const morning = new Date('2025-12-31T18:00:00Z');
    expect(inZone('Pacific/Kiritimati', () => localDay(morning))).toBe('2026-01-01');
  });

  it('pads months, days and years', () => {
    expect(inZone('UTC', () => localDay(new Date('0987-02-03T12:00:00Z')))).toBe('0987-02-03');
  });
});

describe('calendar arithmetic', () => {
  it('adds and subtracts days across months, years and leap days', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-11-25', 30)).toBe('2026-12-25');
  });

  it('is unaffected by daylight-saving changes in the local zone', () => {
    // New York springs forward on 2026-03-08: a day there is 23 hours long.
    expect(inZone('America/New_York', () => addDays('2026-03-07', 2))).toBe('2026-03-09');
  });

  it('accepts only days that exist', () => {
    expect(isCalendarDay('2026-02-28')).toBe(true);
    expect(isCalendarDay('2028-02-29')).toBe(true);
    expect(isCalendarDay('2026-02-29')).toBe(false);
    expect(isCalendarDay('2026-13-01')).toBe(false);
    expect(isCalendarDay('0000-01-01')).toBe(false);
    expect(isCalendarDay('2026-1-5')).toBe(false);
    expect(isCalendarDay('')).toBe(false);
  });

  it('orders days', () => {
    expect(isBeforeDay('2026-09-30', '2026-10-01')).toBe(true);
    expect(isBeforeDay('2026-10-01', '2026-10-01')).toBe(false);
  });
});

describe('formatting per locale', () => {
  it('writes the day itself in every zone, with the names of the chosen language', () => {
    for (const zone of ['America/Bogota', 'Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
      expect(inZone(zone, () => formatDay('2026-12-24', 'es-CO'))).toBe('jueves, 24 de diciembre de 2026');
      expect(inZone(zone, () => formatDay('2026-12-24', 'en-US'))).toBe('Thursday, December 24, 2026');
    }
  });

  it('has a short form', () => {
    expect(formatDay('2026-12-24', 'en-US', 'short')).toBe('Thu, Dec 24');
    expect(formatDay('2026-12-24', 'es-CO', 'short')).toBe('jue, 24 de dic');
  });

  it('shows an instant in the device zone', () => {
    const instant = '2026-11-25T02:30:00.000Z';
    expect(inZone('America/Bogota', () => formatInstant(instant, 'en-US'))).toBe('Nov 24, 2026, 9:30 PM');
    expect(inZone('UTC', () => formatInstant(instant, 'en-US'))).toBe('Nov 25, 2026, 2:30 AM');
    // Colombian Spanish writes the medium date with numbers, and "p. m." (spacing varies by ICU version).
    expect(inZone('America/Bogota', () => formatInstant(instant, 'es-CO'))).toMatch(/^24\/11\/2026, 9:30\sp\.\sm\.$/);
  });
});
