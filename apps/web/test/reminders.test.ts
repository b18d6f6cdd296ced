/**
 * A restaurant's e-mail reminders in its form (issue 17): minutes from the API as "24 hours" and
 * "2 hours", back as minutes, judged by the API's own schema (each 5 minutes to a week, distinct, at
 * most 5), its issues on their rows; sent only for a restaurant that books times, and not at all when
 * unchanged. And the words that say them.
 */
import { MAX_REMINDERS, REMINDER_MINUTES_MAX, REMINDER_MINUTES_MIN, type RestaurantOutput } from '@tablebook/api/shared';
import { describe, expect, it } from 'vitest';
import { calendarInputOf, calendarValuesOf, newCalendarValues, withoutUnchangedCalendar } from '../src/features/manage/bookingCalendar.ts';
import {
  addReminderRow,
  defaultReminderRows,
  minutesOfRow,
  reminderRowOf,
  reminderRowsOf,
  remindersInputOf,
} from '../src/features/manage/reminders.ts';
import { formValuesOf, validateRestaurantForm } from '../src/features/manage/restaurantForm.ts';
import { dictionaries } from '../src/i18n/dictionary.ts';
import { formatDuration, formatDurations } from '../src/lib/durations.ts';

const en = dictionaries.en.manage.validation;

const restaurant: RestaurantOutput = {
  id: '00000000-0000-4000-8000-000000000001',
  name: 'Casa Sabor',
  address: 'Carrera 43A # 1-50',
  description: 'Bandeja paisa',
  photoUrl: 'https://example.com/casa.jpg',
  city: { id: 2, name: 'Medellín', deptName: 'Antioquia' },
  tables: [{ label: 'A0', seats: 4 }],
  timeZone: 'America/Bogota',
  hours: [{ day: 'mon', opens: '12:00', closes: '22:00' }],
  specialDates: [],
  slotMinutes: 30,
  turnTimes: [{ maxPartySize: 20, minutes: 90 }],
  minAdvanceMinutes: 0,
  maxAdvanceDays: null,
  dailyLimit: null,
  pacing: null,
  reminders: [120, 1440],
};

const shown = (rows: readonly { amount: string; unit: string }[]) => rows.map((row) => `${row.amount} ${row.unit}`);

describe('reminders between the API and the form', () => {
  it('reads minutes as the largest unit that divides them, latest first; a day in hours', () => {
    expect(shown(reminderRowsOf(restaurant.reminders))).toEqual(['24 hours', '2 hours']);
    expect(shown([reminderRowOf(90), reminderRowOf(2880), reminderRowOf(10_080), reminderRowOf(45)])).toEqual([
      '90 minutes',
      '2 days',
      '7 days',
      '45 minutes',
    ]);
    expect(shown(defaultReminderRows())).toEqual(['24 hours', '2 hours']);
    expect(remindersInputOf(reminderRowsOf([1440, 120, 30]))).toEqual([1440, 120, 30]);
    // Not a whole number: for the schema to refuse.
    for (const amount of ['', '1.5', '2 h', '-3']) expect(minutesOfRow({ key: 'k', amount, unit: 'hours' })).toBeNaN();
  });

  it('adds an hour before after a longer one, half an hour after that, a day first', () => {
    expect(shown(addReminderRow([]))).toEqual(['24 hours']);
    expect(shown(addReminderRow(reminderRowsOf([1440])))).toEqual(['24 hours', '1 hours']);
    expect(shown(addReminderRow(reminderRowsOf([60])).slice(1))).toEqual(['30 minutes']);
  });

  it('sends them only for a restaurant that books times, and not when they mean what is stored', () => {
    const calendar = calendarValuesOf(restaurant);
    expect(calendarInputOf(calendar).reminders).toEqual([1440, 120]);
    expect(calendarInputOf({ ...calendar, booksTimes: false }).reminders).toBeUndefined();
    expect(calendarInputOf(newCalendarValues())).not.toHaveProperty('reminders');
    // [1440, 120] is what is stored as [120, 1440]: nothing to send.
    expect(withoutUnchangedCalendar(calendarInputOf(calendar), restaurant)).not.toHaveProperty('reminders');
    const fewer = { ...calendar, reminders: calendar.reminders.slice(0, 1) };
    expect(withoutUnchangedCalendar(calendarInputOf(fewer), restaurant).reminders).toEqual([1440]);
    // None at all is a choice, sent as [].
    expect(withoutUnchangedCalendar(calendarInputOf({ ...calendar, reminders: [] }), restaurant).reminders).toEqual([]);
  });

  it('is judged by the API’s schema, each problem on its row, and a list too long on the list', () => {
    // The words say "from 5 minutes to 7 days" and "at most 5": the schema's own bounds.
    expect([REMINDER_MINUTES_MIN, REMINDER_MINUTES_MAX, MAX_REMINDERS]).toEqual([5, 7 * 1440, 5]);
    expect(en.calendar.reminderRange).toMatch(/5 minutes to 7 days/);
    const values = formValuesOf(restaurant);
    const rows = values.calendar!.reminders;
    const withRows = (reminders: typeof rows) => ({ ...values, calendar: { ...values.calendar!, reminders } });
    const outOfRange = validateRestaurantForm(
      withRows([
        { ...rows[0]!, amount: '8', unit: 'days' },
        { ...rows[1]!, amount: '0' },
      ]),
      en,
    );
    expect(outOfRange.ok).toBe(false);
    if (outOfRange.ok) return;
    expect(outOfRange.calendarErrors?.reminderRows).toEqual({
      [rows[0]!.key]: en.calendar.reminderRange,
      [rows[1]!.key]: en.calendar.reminderRange,
    });
    const twice = validateRestaurantForm(withRows([rows[0]!, { ...rows[1]!, amount: '1', unit: 'days' }]), en);
    expect(twice.ok).toBe(false);
    if (twice.ok) return;
    expect(twice.calendarErrors?.reminderRows).toEqual({ [rows[1]!.key]: en.calendar.reminderTwice });
    const six = [5, 10, 15, 20, 25, 30].map(reminderRowOf);
    const tooMany = validateRestaurantForm(withRows(six), en);
    expect(tooMany.ok).toBe(false);
    if (tooMany.ok) return;
    expect(tooMany.calendarErrors?.reminders).toBe(en.calendar.remindersTooMany(5));
    // A whole-day restaurant's reminders are not judged: they are not sent.
    const wholeDay = { ...values, calendar: { ...values.calendar!, booksTimes: false, reminders: six } };
    expect(validateRestaurantForm(wholeDay, en).ok).toBe(true);
  });
});

describe('spans of time in words', () => {
  it('says hours, minutes and days as each language does, and lists them longest first', () => {
    expect(formatDuration(1440, 'en-US')).toBe('24 hours');
    expect(formatDuration(60, 'es-CO')).toBe('1 hora');
    expect(formatDuration(30, 'es-CO')).toBe('30 minutos');
    expect(formatDuration(2880, 'en-US')).toBe('2 days');
    expect(formatDuration(90, 'es-CO')).toBe('1 hora y 30 minutos');
    expect(formatDurations([120, 1440], 'en-US')).toBe('24 hours and 2 hours');
    expect(formatDurations([120, 1440, 30], 'es-CO')).toBe('24 horas, 2 horas y 30 minutos');
    expect(dictionaries.en.manage.calendar.remindersNow(formatDurations([1440, 120], 'en-US'))).toBe(
      'Now: 24 hours and 2 hours before the start.',
    );
  });
});
