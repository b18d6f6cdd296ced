import { describe, expect, it } from 'vitest';
import { fieldErrorsFromServer, validateRestaurantForm, type RestaurantFormValues } from '../src/features/manage/restaurantForm.ts';
import { dictionaries } from '../src/i18n/dictionary.ts';

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
  it('puts field issues by path and keeps the rest for the top of the form', () => {
    expect(
      fieldErrorsFromServer([
        { path: 'cityId', message: 'cityId 99999 is not a known city' },
        { path: 'name', message: 'name must be at most 250 characters' },
        { path: 'name', message: 'name contains characters that cannot be stored' },
        { path: '', message: 'text contains characters that cannot be stored' },
        { path: 'tables', message: 'table D2 is needed by 1 future reservation' },
        { path: 'openingHours', message: 'openingHours is not known' },
      ]),
    ).toEqual({
      fields: {
        cityId: 'cityId 99999 is not a known city',
        name: 'name must be at most 250 characters; name contains characters that cannot be stored',
        // The layout's refusal (TABLE_HAS_RESERVATIONS) goes next to the layout editor.
        tables: 'table D2 is needed by 1 future reservation',
      },
      general: ['text contains characters that cannot be stored', 'openingHours is not known'],
    });
  });

  it('has nothing to place when there are no issues', () => {
    expect(fieldErrorsFromServer([])).toEqual({ fields: {}, general: [] });
  });
});
