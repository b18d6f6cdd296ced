import { describe, expect, it } from 'vitest';
import { validateRestaurantForm, type RestaurantFormValues } from '../src/features/manage/restaurantForm.ts';
import { addRow, nextLabel, removeRow, rowsOf } from '../src/features/manage/tableLayout.ts';
import { dictionaries } from '../src/i18n/dictionary.ts';

const fields: Omit<RestaurantFormValues, 'tables'> = {
  name: 'Casa Sabor',
  address: 'Carrera 43A # 1-50',
  description: 'Bandeja paisa',
  photoUrl: 'https://example.com/casa.jpg',
  cityId: 2,
};
const en = dictionaries.en.manage.validation;

describe('the table layout editor', () => {
  it('suggests the next label of the last row, then the first free one', () => {
    expect(nextLabel(rowsOf([{ label: 'D2', seats: 4 }]))).toBe('D3');
    expect(
      nextLabel(
        rowsOf([
          { label: 'A0', seats: 4 },
          { label: 'A9', seats: 4 },
        ]),
      ),
    ).toBe('A1');
    expect(nextLabel([])).toBe('A0');
  });

  it('adds a row with 4 seats and removes one by its key', () => {
    const rows = addRow(rowsOf([{ label: 'A0', seats: 2 }]));
    expect(rows.map(({ label, seats }) => ({ label, seats }))).toEqual([
      { label: 'A0', seats: '2' },
      { label: 'A1', seats: '4' },
    ]);
    expect(removeRow(rows, rows[0]!.key).map((row) => row.label)).toEqual(['A1']);
  });

  it('sends the layout checked with the API schema', () => {
    const result = validateRestaurantForm(
      {
        ...fields,
        tables: rowsOf([
          { label: 'a0', seats: 2 },
          { label: 'T1', seats: 20 },
        ]),
      },
      en,
    );
    expect(result).toEqual({
      ok: true,
      input: {
        ...fields,
        tables: [
          { label: 'A0', seats: 2 },
          { label: 'T1', seats: 20 },
        ],
      },
    });
  });

  it('says which row is wrong: a missing or long label, a label twice, seats out of range', () => {
    const tables = rowsOf([
      { label: 'A0', seats: 4 },
      { label: 'a0', seats: 4 },
      { label: 'ABC', seats: 4 },
      { label: ' ', seats: 4 },
    ]);
    tables[0]!.seats = '21';
    const result = validateRestaurantForm({ ...fields, tables }, en);
    expect(result).toMatchObject({
      ok: false,
      errors: {},
      tableErrors: {
        0: { seats: '1 to 20 seats' },
        1: { label: 'Another table has this label' },
        2: { label: 'At most 2 characters' },
        3: { label: 'Give the table a label' },
      },
    });
  });

  it('keeps at least one table', () => {
    expect(validateRestaurantForm({ ...fields, tables: [] }, dictionaries.es.manage.validation)).toEqual({
      ok: false,
      errors: { tables: 'Deje al menos una mesa' },
    });
  });
});
