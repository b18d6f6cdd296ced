import { describe, expect, it } from 'vitest';
import type { IssueDetail } from '@tablebook/api/shared';
import { fieldErrorsFromServer, validateRestaurantForm, type RestaurantFormValues } from '../src/features/manage/restaurantForm.ts';
import { dictionaries } from '../src/i18n/dictionary.ts';
import { describeIssue } from '../src/i18n/refusals.ts';

const valid: RestaurantFormValues = {
  name: '  Casa Sabor ',
  address: 'Carrera 43A # 1-50',
  description: 'Bandeja paisa',
  photoUrl: 'https://example.com/casa.jpg',
  cityId: 2,
};
const en = dictionaries.en.manage.validation;
const es = dictionaries.es.manage.validation;

describe('checking the restaurant form with the API schema', () => {
  it('passes a valid restaurant on, trimmed as the API stores it', () => {
    expect(validateRestaurantForm(valid, en)).toEqual({ ok: true, input: { ...valid, name: 'Casa Sabor' } });
  });

  it('says what is missing, in the chosen language', () => {
    const empty = { name: '', address: ' ', description: '', photoUrl: '', cityId: undefined };
    expect(validateRestaurantForm(empty, en)).toEqual({
      ok: false,
      errors: {
        name: 'Required',
        address: 'Required',
        description: 'Required',
        photoUrl: 'Required',
        cityId: 'Choose a city from the list',
      },
    });
    expect(validateRestaurantForm(empty, es)).toMatchObject({
      ok: false,
      errors: { name: 'Obligatorio', cityId: 'Elija una ciudad de la lista' },
    });
  });

  it("words the schema's length, URL and storable-text rules", () => {
    const result = validateRestaurantForm(
      { ...valid, name: 'C', description: 'x'.repeat(251), photoUrl: 'ftp://example.com/a.jpg', address: 'Calle \u0000 1' },
      en,
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        name: 'At least 2 characters',
        description: 'At most 250 characters',
        photoUrl: 'Enter a web address starting with http:// or https://',
        address: 'Contains characters that cannot be saved',
      },
    });
    expect(validateRestaurantForm({ ...valid, name: 'C' }, es)).toMatchObject({ errors: { name: 'Mínimo 2 caracteres' } });
  });
});

describe("placing the server's issues next to their fields", () => {
  const inEnglish = (issue: IssueDetail, withField: boolean) => describeIssue(issue, 'en', { withField });

  it("puts field issues by path, in the page's words, and keeps the rest for the top of the form", () => {
    expect(
      fieldErrorsFromServer(
        [
          { path: 'cityId', message: 'City 99999 does not exist', code: 'unknown_city', cityId: 99999 },
          { path: 'name', message: 'name must be at most 250 characters', code: 'too_big', origin: 'string', maximum: 250 },
          { path: 'name', message: 'name contains characters that cannot be stored', code: 'unstorable_text' },
          { path: '', message: 'text contains characters that cannot be stored', code: 'unstorable_text' },
          {
            path: 'tables',
            message: 'D2 is booked on 2026-12-10 by reservation bd2f0c3e-0000-4000-8000-000000000000',
            code: 'table_booked',
            table: 'D2',
            date: '2026-12-10',
            partySize: 4,
          },
          { path: 'openingHours', message: 'openingHours is not known', code: 'custom' },
        ],
        inEnglish,
      ),
    ).toEqual({
      fields: {
        cityId: 'That city is not in the list: choose one from it',
        name: 'At most 250 characters; Contains characters that cannot be saved',
        // The layout's refusal (TABLE_HAS_RESERVATIONS) goes next to the layout editor, with no id and no ISO date.
        tables: 'Table D2 is booked on Thursday, December 10, 2026 for 4 people',
      },
      general: ['Contains characters that cannot be saved', 'A field: not valid'],
    });
  });

  it('has nothing to place when there are no issues', () => {
    expect(fieldErrorsFromServer([], inEnglish)).toEqual({ fields: {}, general: [] });
  });
});
