import { describe, expect, it } from 'vitest';
import type { IssueDetail } from '@tablebook/api/shared';
import { fieldErrorsFromServer, validateRestaurantForm, type RestaurantFormValues } from '../src/features/manage/restaurantForm.ts';
import { dictionaries } from '../src/i18n/dictionary.ts';
import { describeIssue, describeLayoutBookings } from '../src/i18n/refusals.ts';

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
        // The layout's refusal (TABLE_HAS_RESERVATIONS) is the layout editor's own list (below), not a field's line.
      },
      general: ['Contains characters that cannot be saved', 'A field: not valid'],
    });
  });

  it('has nothing to place when there are no issues', () => {
    expect(fieldErrorsFromServer([], inEnglish)).toEqual({ fields: {}, general: [] });
  });
});

describe('the bookings a new layout leaves without their table (review D7)', () => {
  const booked: IssueDetail[] = [
    { path: 'tables', message: 'B1 is booked', code: 'table_booked', table: 'B1', date: '2026-12-02', time: '21:00', partySize: 4 },
    { path: 'tables', message: 'D1 is booked', code: 'table_booked', table: 'D1', date: '2026-12-03', partySize: 10, seats: 8 },
    { path: 'name', message: 'too long', code: 'too_big', origin: 'string', maximum: 250 },
  ];

  it('are a list, one line per booking, under a lead that says to move or cancel them first, in both languages', () => {
    expect(describeLayoutBookings(booked, 'en')).toEqual({
      lead: '2 future bookings need tables this layout removes or makes smaller. Move or cancel those bookings first (Reservations), or keep the tables:',
      items: [
        // Intl may write a narrow no-break space before PM.
        expect.stringMatching(/^Table B1 is booked on Wednesday, December 2, 2026 at 9:00\sPM for 4 people$/),
        'Table D1 is booked on Thursday, December 3, 2026 for 10 people, and the new layout gives it 8 seats',
      ],
    });
    const spanish = describeLayoutBookings(booked, 'es');
    expect(spanish?.lead).toBe(
      '2 reservas futuras necesitan mesas que este plano quita o achica. Muévalas o cancélelas primero (Reservas), o conserve esas mesas:',
    );
    expect(spanish?.items).toHaveLength(2);
    expect(spanish?.items[0]).toMatch(
      /^La mesa B1 está reservada el miércoles, 2 de diciembre de 2026 a las 9:00\sp\.\s?m\. para 4 personas$/,
    );
    // No line glued to another: none carries a semicolon.
    for (const line of [...(spanish?.items ?? []), ...(describeLayoutBookings(booked, 'en')?.items ?? [])]) expect(line).not.toContain(';');
    expect(describeLayoutBookings(booked.slice(0, 1), 'es')?.lead).toBe(
      'Una reserva futura necesita una mesa que este plano quita o achica. Mueva o cancele esa reserva primero (Reservas), o conserve la mesa:',
    );
  });

  it('are none without such issues', () => {
    expect(describeLayoutBookings(booked.slice(2), 'en')).toBeUndefined();
  });
});
