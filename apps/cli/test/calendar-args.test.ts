import { describe, expect, it } from 'vitest';
import { parseDate } from '../src/args/calendar-date.ts';
import { parseClockTime } from '../src/args/clock-time.ts';
import { formatHours, parseHours } from '../src/args/hours.ts';
import { formatSpecialDates, parseSpecialDates } from '../src/args/special-dates.ts';
import { formatTurnTimes, parseTurnTimes } from '../src/args/turn-times.ts';
import { calendarFieldsFromFlags } from '../src/commands/calendar-flags.ts';
import { UsageError } from '../src/errors.ts';

const range = (day: string, opens: string, closes: string) => ({ day, opens, closes });

describe('parseHours and formatHours', () => {
  it('reads day ranges, lists and single days, each with one or more ranges, in week order', () => {
    expect(parseHours('sat,sun 12:00-23:00; mon-fri 12:00-15:00 19:00-23:00')).toEqual([
      ...['mon', 'tue', 'wed', 'thu', 'fri'].flatMap((day) => [range(day, '12:00', '15:00'), range(day, '19:00', '23:00')]),
      range('sat', '12:00', '23:00'),
      range('sun', '12:00', '23:00'),
    ]);
  });

  it('wraps a range of days past Sunday, takes any case and loose spacing, and pads the hour', () => {
    expect(parseHours(' FRI-mon 18:00 - 2:00 ;')).toEqual(['mon', 'fri', 'sat', 'sun'].map((day) => range(day, '18:00', '02:00')));
    expect(parseHours('tue, thu 9:30-14:00, 19:00-22:00').map((entry) => `${entry.day} ${entry.opens}`)).toEqual([
      'tue 09:30',
      'tue 19:00',
      'thu 09:30',
      'thu 19:00',
    ]);
  });

  it('clears the hours for "" and "none"', () => {
    expect(parseHours('')).toEqual([]);
    expect(parseHours(' None ')).toEqual([]);
  });

  it.each([
    ['mox-fri 12:00-15:00', '"mox" is not a day (mon, tue, wed, thu, fri, sat, sun), in "mox-fri 12:00-15:00"'],
    ['mon 12:00-25:00', '"12:00-25:00" is not a time range written HH:MM-HH:MM'],
    ['mon 12:00', '"12:00" is not a time range'],
    ['mon-fri', '"mon-fri" needs at least one HH:MM-HH:MM range'],
    ['12:00-15:00', 'the days come first, before "12:00-15:00"'],
    ['mon-tue-wed 12:00-15:00', '"mon-tue-wed" is not a day or a range of days'],
    ['mon 12:00-15:00 sun', '"sun" is not a time range'],
  ])('refuses %j as a usage error naming the bad token', (text, message) => {
    expect(() => parseHours(text)).toThrow(UsageError);
    expect(() => parseHours(text)).toThrow(`--hours: ${message}`);
  });

  it('writes the hours back grouped, as --hours takes them', () => {
    const text = 'mon-fri 12:00-15:00 19:00-23:00; sat,sun 12:00-23:00';
    expect(formatHours(parseHours(text))).toBe(text);
    expect(formatHours(parseHours('fri-mon 18:00-02:00; wed 12:00-14:00'))).toBe('mon,fri-sun 18:00-02:00; wed 12:00-14:00');
    expect(formatHours([])).toBe('none');
  });
});

describe('parseSpecialDates and formatSpecialDates', () => {
  it('reads dates with ranges or "closed", and writes them back in date order', () => {
    const dates = parseSpecialDates('2027-12-31 closed; 2027-12-24, 2027-12-26 12:00-16:00 19:00-21:00');
    expect(dates).toEqual([
      {
        date: '2027-12-24',
        hours: [
          { opens: '12:00', closes: '16:00' },
          { opens: '19:00', closes: '21:00' },
        ],
      },
      {
        date: '2027-12-26',
        hours: [
          { opens: '12:00', closes: '16:00' },
          { opens: '19:00', closes: '21:00' },
        ],
      },
      { date: '2027-12-31', hours: [] },
    ]);
    expect(formatSpecialDates(dates)).toBe('2027-12-24 12:00-16:00 19:00-21:00; 2027-12-26 12:00-16:00 19:00-21:00; 2027-12-31 closed');
    expect(parseSpecialDates('none')).toEqual([]);
  });

  it('merges a date listed in several groups, as --hours merges a day', () => {
    expect(parseSpecialDates('2027-12-24 18:00-20:00; 2027-12-25 closed; 2027-12-24 12:00-14:00; 2027-12-25 closed')).toEqual([
      {
        date: '2027-12-24',
        hours: [
          { opens: '12:00', closes: '14:00' },
          { opens: '18:00', closes: '20:00' },
        ],
      },
      { date: '2027-12-25', hours: [] },
    ]);
  });

  it.each([
    ['24/12 closed', '"24/12" is not a date written YYYY-MM-DD'],
    ['2027-12-24', '"2027-12-24" needs its HH:MM-HH:MM ranges, or "closed"'],
    ['2027-12-24 noon', '"noon" is not a time range'],
    ['2027-02-30 closed', '"2027-02-30" is not a day of the calendar'],
    ['2027-12-24 closed; 2027-12-24 18:00-20:00', '2027-12-24 is listed both "closed" and with hours, in "2027-12-24 18:00-20:00"'],
  ])('refuses %j as a usage error', (text, message) => {
    expect(() => parseSpecialDates(text)).toThrow(`--special-dates: ${message}`);
  });
});

describe('parseTurnTimes and formatTurnTimes', () => {
  it('reads MAX_PARTY_SIZE:MINUTES pairs in ascending party size and writes them back, and refuses them out of order', () => {
    expect(() => parseTurnTimes('4:120, 2:90,20:150')).toThrow('4:120 comes after 2:90, not before');
    const turns = parseTurnTimes('2:90, 4:120,20:150');
    expect(turns).toEqual([
      { maxPartySize: 2, minutes: 90 },
      { maxPartySize: 4, minutes: 120 },
      { maxPartySize: 20, minutes: 150 },
    ]);
    expect(formatTurnTimes(turns)).toBe('2:90,4:120,20:150');
  });

  it.each([['2:90,4'], ['2=90'], ['']])('refuses %j as a usage error', (text) => {
    expect(() => parseTurnTimes(text)).toThrow(UsageError);
  });
});

describe('calendarFieldsFromFlags', () => {
  it("gives only the settings the flags name, in the API's shape", () => {
    expect(calendarFieldsFromFlags({} as never)).toEqual({});
    expect(
      calendarFieldsFromFlags({
        'time-zone': 'America/New_York',
        hours: 'none',
        'special-dates': '',
        'slot-minutes': '15',
        'turn-times': '2:60',
        'min-advance-minutes': '30',
        'max-advance-days': 'none',
      }),
    ).toEqual({
      timeZone: 'America/New_York',
      hours: [],
      specialDates: [],
      slotMinutes: 15,
      turnTimes: [{ maxPartySize: 2, minutes: 60 }],
      minAdvanceMinutes: 30,
      maxAdvanceDays: null,
    });
    expect(calendarFieldsFromFlags({ 'max-advance-days': '60' } as never)).toEqual({ maxAdvanceDays: 60 });
  });

  it('refuses a slot size the API does not offer, and numbers that are not whole', () => {
    expect(() => calendarFieldsFromFlags({ 'slot-minutes': '20' } as never)).toThrow('--slot-minutes must be one of 15, 30, 60, not "20"');
    expect(() => calendarFieldsFromFlags({ 'min-advance-minutes': '-5' } as never)).toThrow(
      '--min-advance-minutes must be a whole number (0 or more), not "-5"',
    );
  });
});

describe('parseClockTime', () => {
  it('takes HH:MM and H:MM, and refuses anything else naming the flag', () => {
    expect(parseClockTime('time', '19:30')).toBe('19:30');
    expect(parseClockTime('time', '7:05')).toBe('07:05');
    for (const text of ['24:00', '19.30', '19:3', '']) {
      expect(() => parseClockTime('time', text)).toThrow(`--time must be a time of day written HH:MM (00:00 to 23:59), not "${text}"`);
    }
  });
});

describe('parseDate', () => {
  it('takes a calendar day written YYYY-MM-DD, and refuses anything else naming the flag', () => {
    expect(parseDate('date', ' 2028-02-29 ')).toBe('2028-02-29');
    expect(parseDate('from', '0099-12-31')).toBe('0099-12-31');
    for (const text of ['tomorrow', '2026-13-01', '2027-02-29', '2026-04-31', '0000-01-01', '2026-1-01']) {
      expect(() => parseDate('date', text)).toThrow(`--date must be a calendar day written YYYY-MM-DD, not "${text}"`);
    }
  });
});
