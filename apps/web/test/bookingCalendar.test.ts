import type { RestaurantOutput } from '@tablebook/api/shared';
import { describe, expect, it } from 'vitest';
import {
  addWeeklyRange,
  calendarInputOf,
  calendarValuesOf,
  copyDayToAll,
  endsNextDay,
  newCalendarValues,
  type CalendarFormValues,
} from '../src/features/manage/bookingCalendar.ts';
import { formValuesOf, validateRestaurantForm } from '../src/features/manage/restaurantForm.ts';
import { dictionaries } from '../src/i18n/dictionary.ts';

const en = dictionaries.en.manage.validation;
const es = dictionaries.es.manage.validation;

const restaurant: RestaurantOutput = {
  id: '00000000-0000-4000-8000-000000000001',
  name: 'Casa Sabor',
  address: 'Carrera 43A # 1-50',
  description: 'Bandeja paisa',
  photoUrl: 'https://example.com/casa.jpg',
  city: { id: 2, name: 'Medellín', deptName: 'Antioquia' },
  tables: [{ label: 'A0', seats: 4 }],
  timeZone: 'America/Bogota',
  // Stored out of weekday order, as a script may have sent them; Friday runs past midnight.
  hours: [
    { day: 'fri', opens: '18:00', closes: '02:00' },
    { day: 'mon', opens: '19:00', closes: '23:00' },
    { day: 'mon', opens: '12:00', closes: '15:00' },
  ],
  specialDates: [
    { date: '2027-12-24', hours: [] },
    { date: '2027-12-31', hours: [{ opens: '20:00', closes: '03:00' }] },
  ],
  slotMinutes: 15,
  turnTimes: [
    { maxPartySize: 2, minutes: 90 },
    { maxPartySize: 20, minutes: 150 },
  ],
  minAdvanceMinutes: 0,
  maxAdvanceDays: null,
};

/** The restaurant's form after `edit` changed its calendar. */
const editedForm = (edit: (calendar: CalendarFormValues) => CalendarFormValues) => {
  const values = formValuesOf(restaurant);
  return { ...values, calendar: edit(values.calendar!) };
};

describe('the booking calendar between the API and the form', () => {
  it('reads a timed restaurant into rows and sends it back unchanged (a save without edits keeps it)', () => {
    const calendar = calendarValuesOf(restaurant);
    expect(calendar.booksTimes).toBe(true);
    expect(calendar.hours.map((row) => `${row.day} ${row.opens}-${row.closes}`)).toEqual([
      'mon 12:00-15:00',
      'mon 19:00-23:00',
      'fri 18:00-02:00',
    ]);
    const result = validateRestaurantForm(formValuesOf(restaurant), en);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { hours, specialDates, slotMinutes, turnTimes, timeZone } = result.input;
    expect({ timeZone, specialDates, slotMinutes, turnTimes }).toEqual({
      timeZone: restaurant.timeZone,
      specialDates: restaurant.specialDates,
      slotMinutes: restaurant.slotMinutes,
      turnTimes: restaurant.turnTimes,
    });
    // The same ranges, in weekday order.
    expect(hours).toEqual(expect.arrayContaining(restaurant.hours));
    expect(hours).toHaveLength(restaurant.hours.length);
  });

  it('books whole days with no hours and no special dates, for a new restaurant as for a switched one', () => {
    expect(calendarInputOf(newCalendarValues(['America/Bogota']))).toEqual({
      timeZone: expect.any(String),
      hours: [],
      specialDates: [],
      slotMinutes: 30,
      turnTimes: [
        { maxPartySize: 2, minutes: 90 },
        { maxPartySize: 4, minutes: 120 },
        { maxPartySize: 20, minutes: 150 },
      ],
    });
    const switched = calendarInputOf({ ...calendarValuesOf(restaurant), booksTimes: false });
    expect([switched.hours, switched.specialDates]).toEqual([[], []]);
  });

  it('adds a day’s next range after its last one, copies a day to the week, and tells a range past midnight', () => {
    const calendar = calendarValuesOf(restaurant);
    const added = addWeeklyRange(calendar.hours, 'mon');
    expect(added.map((row) => `${row.day} ${row.opens}-${row.closes}`)).toEqual([
      'mon 12:00-15:00',
      'mon 19:00-23:00',
      'mon 23:00-',
      'fri 18:00-02:00',
    ]);
    expect(addWeeklyRange([], 'sun').map((row) => `${row.day} ${row.opens}-${row.closes}`)).toEqual(['sun 12:00-22:00']);
    const week = copyDayToAll(calendar.hours, 'fri');
    expect(week.map((row) => row.day)).toEqual(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
    expect(new Set(week.map((row) => row.key)).size).toBe(7);
    expect([endsNextDay({ opens: '18:00', closes: '02:00' }), endsNextDay({ opens: '12:00', closes: '15:00' })]).toEqual([true, false]);
    expect(endsNextDay({ opens: '18:00', closes: '' })).toBe(false);
  });
});

describe('checking the booking calendar with the API schema', () => {
  it('places overlapping and unfinished ranges next to their inputs, in the chosen language', () => {
    const values = editedForm((calendar) => ({
      ...calendar,
      hours: [...addWeeklyRange(calendar.hours, 'mon')].map((row) =>
        row.day === 'mon' && row.opens === '12:00' ? { ...row, closes: '20:00' } : row,
      ),
    }));
    const rows = values.calendar.hours;
    const result = validateRestaurantForm(values, en);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    // Lunch now runs into dinner: the later of the two is marked.
    const dinner = rows.find((row) => row.opens === '19:00')!;
    const late = rows.find((row) => row.opens === '23:00')!;
    expect(result.calendarErrors?.ranges).toEqual({
      [dinner.key]: { opens: 'Overlaps another range of the same day' },
      [late.key]: { closes: 'Enter a time (HH:MM)' },
    });
    expect(validateRestaurantForm(values, es)).toMatchObject({
      calendarErrors: { ranges: { [dinner.key]: { opens: 'Se cruza con otro rango del mismo día' } } },
    });
  });

  it('words a special date listed twice, turn times out of order or range, and times booked with no hours', () => {
    const values = editedForm((calendar) => ({
      ...calendar,
      specialDates: [...calendar.specialDates, { key: 'again', date: '2027-12-24', ranges: [] }],
      turnTimes: [
        { key: 'small', maxPartySize: '4', minutes: '10' },
        { key: 'smaller', maxPartySize: '2', minutes: '90' },
      ],
    }));
    const result = validateRestaurantForm(values, en);
    expect(result).toMatchObject({
      ok: false,
      calendarErrors: {
        dates: { again: 'This date is already listed' },
        turnRows: {
          small: { minutes: '15 to 720 minutes' },
          smaller: { maxPartySize: 'Each row must be for a larger party than the one above' },
        },
      },
    });
    const noHours = validateRestaurantForm(
      editedForm((calendar) => ({ ...calendar, hours: [] })),
      es,
    );
    expect(noHours).toMatchObject({
      ok: false,
      calendarErrors: { hours: 'Agregue al menos un horario, o elija reservas por día completo' },
    });
  });
});
