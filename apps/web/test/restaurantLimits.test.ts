import type { RestaurantOutput } from '@tablebook/api/shared';
import { describe, expect, it } from 'vitest';
import {
  fieldErrorsFromServer,
  formValuesOf,
  validateRestaurantForm,
  type RestaurantFormValues,
} from '../src/features/manage/restaurantForm.ts';
import {
  limitsInputOf,
  limitsValuesOf,
  newLimitsValues,
  PACING_CHOICES,
  withoutUnchangedLimits,
} from '../src/features/manage/restaurantLimits.ts';
import { dictionaries } from '../src/i18n/dictionary.ts';
import { describeIssue } from '../src/i18n/refusals.ts';

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
  hours: [{ day: 'mon', opens: '12:00', closes: '22:00' }],
  specialDates: [],
  slotMinutes: 30,
  turnTimes: [{ maxPartySize: 20, minutes: 90 }],
  minAdvanceMinutes: 0,
  maxAdvanceDays: null,
  dailyLimit: 25,
  pacing: { intervalMinutes: 30, maxCovers: 12 },
  reminders: [1440, 120],
};

/** The restaurant's form with its limits changed as a manager would type them. */
const edited = (limits: Partial<NonNullable<RestaurantFormValues['limits']>>, booksTimes = true): RestaurantFormValues => {
  const values = formValuesOf(restaurant);
  return {
    ...values,
    calendar: { ...values.calendar!, booksTimes },
    limits: { ...values.limits!, ...limits },
  };
};

/** What an edit sends, after the form's own trimming of what did not change. */
const sentFor = (values: RestaurantFormValues) => {
  const result = validateRestaurantForm(values, en);
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.errors)}`);
  return withoutUnchangedLimits(result.input, restaurant);
};

describe("a restaurant's own limits in the form", () => {
  it('offers the intervals the API takes', () => {
    expect(PACING_CHOICES).toEqual([15, 30, 60]);
  });

  it('reads the stored limits as typed text, and none as empty and off', () => {
    expect(limitsValuesOf(restaurant)).toEqual({ dailyLimit: '25', pacingInterval: 30, pacingMaxCovers: '12' });
    expect(limitsValuesOf({ dailyLimit: null, pacing: null })).toEqual(newLimitsValues());
    expect(newLimitsValues()).toEqual({ dailyLimit: '', pacingInterval: 'off', pacingMaxCovers: '' });
  });

  it('sends an empty daily limit as null (the default) and pacing only when it is on and the restaurant books times', () => {
    const values = { dailyLimit: ' ', pacingInterval: 15, pacingMaxCovers: '8' } as const;
    expect(limitsInputOf(values, true)).toEqual({ dailyLimit: null, pacing: { intervalMinutes: 15, maxCovers: 8 } });
    // Whole-day booking has no opening hours, which pacing needs: it is sent as none.
    expect(limitsInputOf(values, false)).toEqual({ dailyLimit: null, pacing: null });
    // Off keeps the covers typed, to find them again, but sends none.
    expect(limitsInputOf({ ...values, pacingInterval: 'off' }, true).pacing).toBeNull();
  });

  it('sends neither limit when the save did not touch them', () => {
    const sent = sentFor(formValuesOf(restaurant));
    expect(sent).not.toHaveProperty('dailyLimit');
    expect(sent).not.toHaveProperty('pacing');
    expect(sent).toMatchObject({ name: 'Casa Sabor' });
  });

  it('sends just the limit that changed, and null for one cleared', () => {
    expect(sentFor(edited({ dailyLimit: '40' }))).toMatchObject({ dailyLimit: 40 });
    expect(sentFor(edited({ dailyLimit: '40' }))).not.toHaveProperty('pacing');
    expect(sentFor(edited({ pacingMaxCovers: '14' }))).toMatchObject({ pacing: { intervalMinutes: 30, maxCovers: 14 } });
    expect(sentFor(edited({ pacingMaxCovers: '14' }))).not.toHaveProperty('dailyLimit');
    expect(sentFor(edited({ pacingInterval: 60 }))).toMatchObject({ pacing: { intervalMinutes: 60, maxCovers: 12 } });
    expect(sentFor(edited({ dailyLimit: '', pacingInterval: 'off' }))).toMatchObject({ dailyLimit: null, pacing: null });
  });

  it('turns the pacing off when the restaurant is switched to whole days', () => {
    expect(sentFor(edited({}, false))).toMatchObject({ hours: [], pacing: null });
  });

  it('leaves the limits out of a create that sets none, and sends those it sets', () => {
    expect(withoutUnchangedLimits({ name: 'Nueva', dailyLimit: null, pacing: null })).toEqual({ name: 'Nueva' });
    expect(withoutUnchangedLimits({ dailyLimit: 5, pacing: { intervalMinutes: 15, maxCovers: 3 } })).toEqual({
      dailyLimit: 5,
      pacing: { intervalMinutes: 15, maxCovers: 3 },
    });
  });

  it('says the range of a daily limit or covers out of bounds, in the chosen language', () => {
    for (const dailyLimit of ['0', '1000001', '2.5', '1e3']) {
      expect(validateRestaurantForm(edited({ dailyLimit }), en), dailyLimit).toMatchObject({
        ok: false,
        errors: { dailyLimit: 'A whole number from 1 to 1,000,000, or empty for the default' },
      });
    }
    expect(validateRestaurantForm(edited({ dailyLimit: '0' }), es)).toMatchObject({
      errors: { dailyLimit: 'Un número entero de 1 a 1.000.000, o vacío para el predeterminado' },
    });
    for (const pacingMaxCovers of ['', '0', '10001']) {
      expect(validateRestaurantForm(edited({ pacingMaxCovers }), en), pacingMaxCovers).toMatchObject({
        ok: false,
        errors: { pacing: '1 to 10,000 guests' },
      });
    }
    expect(validateRestaurantForm(edited({ pacingMaxCovers: '0' }), es)).toMatchObject({ errors: { pacing: 'De 1 a 10.000 comensales' } });
    // Covers out of range do not matter while pacing is off, nor when the restaurant books whole days.
    expect(validateRestaurantForm(edited({ pacingInterval: 'off', pacingMaxCovers: '0' }), en).ok).toBe(true);
    expect(validateRestaurantForm(edited({ pacingMaxCovers: '0' }, false), en).ok).toBe(true);
  });

  it("places the server's pacing and daily limit issues on their fields, in the page's words", () => {
    const inSpanish = (issue: Parameters<typeof describeIssue>[0], withField: boolean) => describeIssue(issue, 'es', { withField });
    expect(
      fieldErrorsFromServer(
        [
          { path: 'pacing', message: 'pacing needs opening hours: give hours, or send pacing null', code: 'pacing_needs_hours' },
          { path: 'dailyLimit', message: 'dailyLimit must be at most 1000000', code: 'too_big', origin: 'number', maximum: 1_000_000 },
        ],
        inSpanish,
      ),
    ).toEqual({
      fields: {
        pacing: 'Necesita un horario de atención: dele horario al restaurante, o desactive el ritmo de llegadas',
        dailyLimit: 'Como máximo 1.000.000',
      },
      general: [],
    });
    const covers = [
      { path: 'pacing.maxCovers', message: 'maxCovers must be at least 1', code: 'too_small', origin: 'number', minimum: 1 },
    ] as const;
    expect(fieldErrorsFromServer([...covers], inSpanish).fields).toEqual({ pacing: 'Como mínimo 1' });
  });
});
