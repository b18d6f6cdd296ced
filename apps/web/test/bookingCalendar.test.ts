import type { RestaurantOutput } from '@tablebook/api/shared';
import { describe, expect, it } from 'vitest';
import {
  addWeeklyRange,
  calendarInputOf,
  calendarValuesOf,
  copyDayToAll,
  endsNextDay,
  newCalendarValues,
  withoutUnchangedCalendar,
  type CalendarFormValues,
} from '../src/features/manage/bookingCalendar.ts';
import { formValuesOf, validateRestaurantForm } from '../src/features/manage/restaurantForm.ts';
import { withoutUnchangedLimits } from '../src/features/manage/restaurantLimits.ts';
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
  dailyLimit: null,
  pacing: null,
  reminders: [1440, 120],
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
    // No zone: the server gives the new restaurant its own default (APP_TIMEZONE), never the browser's.
    expect(calendarInputOf(newCalendarValues())).toEqual({
      hours: [],
      specialDates: [],
      slotMinutes: 30,
      turnTimes: [
        { maxPartySize: 2, minutes: 90 },
        { maxPartySize: 4, minutes: 120 },
        { maxPartySize: 20, minutes: 150 },
      ],
      minAdvanceMinutes: 0,
      maxAdvanceDays: null,
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

describe('a new restaurant’s zone and a save that changes nothing', () => {
  const newRestaurant = {
    name: 'Casa Nueva',
    address: 'Calle 10 # 5-20',
    description: 'Cocina del día',
    photoUrl: 'https://example.com/nueva.jpg',
    cityId: 2,
    calendar: newCalendarValues(),
  };

  it('sends no time zone for a new restaurant unless the manager picks one, whatever zone the browser is in', () => {
    const result = validateRestaurantForm(newRestaurant, en);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.input).not.toHaveProperty('timeZone');
    const chosen = validateRestaurantForm({ ...newRestaurant, calendar: { ...newRestaurant.calendar, timeZone: 'Europe/Madrid' } }, en);
    expect(chosen).toMatchObject({ ok: true, input: { timeZone: 'Europe/Madrid' } });
  });

  it('sends none of the calendar when a save changed nothing there, though the form shows the hours sorted', () => {
    const result = validateRestaurantForm(formValuesOf(restaurant), en);
    if (!result.ok) throw new Error('the stored restaurant should pass');
    // The form's hours are in weekday order, the stored ones are not: the same hours all the same.
    expect(result.input.hours).not.toEqual(restaurant.hours);
    // As the form saves an edit: neither the calendar nor the limits unless they changed.
    const sent = withoutUnchangedLimits(withoutUnchangedCalendar(result.input, restaurant), restaurant);
    expect(sent).toEqual({
      name: restaurant.name,
      address: restaurant.address,
      description: restaurant.description,
      photoUrl: restaurant.photoUrl,
      cityId: restaurant.city.id,
      tables: restaurant.tables,
    });
  });

  it('sends just the calendar fields that changed, as the form has them', () => {
    const values = editedForm((calendar) => ({
      ...calendar,
      timeZone: 'Europe/Madrid',
      hours: calendar.hours.map((row) => (row.day === 'fri' ? { ...row, closes: '01:00' } : row)),
      maxAdvanceDays: '60',
    }));
    const result = validateRestaurantForm(values, en);
    if (!result.ok) throw new Error('the edited restaurant should pass');
    const sent = withoutUnchangedCalendar(result.input, restaurant);
    expect(sent).toMatchObject({
      timeZone: 'Europe/Madrid',
      hours: [
        { day: 'mon', opens: '12:00', closes: '15:00' },
        { day: 'mon', opens: '19:00', closes: '23:00' },
        { day: 'fri', opens: '18:00', closes: '01:00' },
      ],
      maxAdvanceDays: 60,
    });
    for (const kept of ['specialDates', 'slotMinutes', 'turnTimes', 'minAdvanceMinutes']) expect(sent).not.toHaveProperty(kept);
    // Special dates in another order are the same dates.
    expect(withoutUnchangedCalendar({ specialDates: [...restaurant.specialDates].reverse() }, restaurant)).toEqual({});
  });
});

describe('checking the booking calendar with the API schema', () => {
  it("reads the booking window as typed and words the schema's bounds", () => {
    const calendar = calendarValuesOf({ ...restaurant, minAdvanceMinutes: 120, maxAdvanceDays: 30 });
    expect([calendar.minAdvanceMinutes, calendar.maxAdvanceDays]).toEqual(['120', '30']);
    expect(calendarInputOf({ ...calendar, maxAdvanceDays: ' ' })).toMatchObject({ minAdvanceMinutes: 120, maxAdvanceDays: null });
    const values = editedForm((edited) => ({ ...edited, minAdvanceMinutes: '', maxAdvanceDays: '0' }));
    expect(validateRestaurantForm(values, en)).toMatchObject({
      ok: false,
      calendarErrors: { minAdvanceMinutes: '0 to 525600 minutes', maxAdvanceDays: '1 to 3650 days, or empty for no limit' },
    });
    expect(
      validateRestaurantForm(
        editedForm((edited) => ({ ...edited, maxAdvanceDays: '4000' })),
        es,
      ),
    ).toMatchObject({
      calendarErrors: { maxAdvanceDays: 'De 1 a 3650 días, o vacío para no poner límite' },
    });
  });

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
