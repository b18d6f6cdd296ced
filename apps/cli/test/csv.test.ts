import { describe, expect, it } from 'vitest';
import { detectSeparator, parseCsv } from '../src/import/csv.ts';
import { readBookingRows } from '../src/import/rows.ts';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, numbering records by their first line', () => {
    const text = '\uFEFFrestaurant,table,date,notes\r\n"Café ""Azul"", Centro",A1,2030-01-01,"two\nlines"\r\n\r\nLa Mar,B2,2030-01-02,\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['restaurant', 'table', 'date', 'notes'] },
      { line: 2, fields: ['Café "Azul", Centro', 'A1', '2030-01-01', 'two\nlines'] },
      { line: 5, fields: ['La Mar', 'B2', '2030-01-02', ''] },
    ]);
  });

  it('keeps a line of empty fields and a last line without a line break', () => {
    expect(parseCsv('a,b\n,\nx,y')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['', ''] },
      { line: 3, fields: ['x', 'y'] },
    ]);
  });

  it('names the line of a quoted field that is never closed', () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3\n')).toThrow('line 2: a quoted field is never closed');
  });

  it('reads a ";"-separated file, as Excel writes one where the comma is the decimal mark', () => {
    expect(parseCsv('restaurant;table;date;notes\r\nLa Mar;A1;2030-01-01;"mesa 2,5 m; ventana"\r\n')).toEqual([
      { line: 1, fields: ['restaurant', 'table', 'date', 'notes'] },
      { line: 2, fields: ['La Mar', 'A1', '2030-01-01', 'mesa 2,5 m; ventana'] },
    ]);
  });

  it('takes the separator from the header alone, outside its quotes', () => {
    expect(detectSeparator('"a;b;c",d\nx;y;z;w')).toBe(',');
    expect(detectSeparator('restaurant\ttable\tdate,time\n')).toBe('\t');
    expect(detectSeparator('restaurant,table\tdate\n')).toBe(',');
    expect(detectSeparator('\uFEFF"r,e";table;date\n1,2,3,4,5')).toBe(';');
    expect(parseCsv('\uFEFFrestaurant;"table";date\nLa Mar;"A;1";"two\nlines"\n')).toEqual([
      { line: 1, fields: ['restaurant', 'table', 'date'] },
      { line: 2, fields: ['La Mar', 'A;1', 'two\nlines'] },
    ]);
  });

  it('takes the separator from the first line that is not empty, as the parser skips blank lines', () => {
    expect(detectSeparator('\r\nrestaurant;table;date\r\n')).toBe(';');
    expect(detectSeparator('\uFEFF\n\n"a,b";c;d\n1,2,3,4')).toBe(';');
    expect(parseCsv('\r\nrestaurant;table;date\r\nLa Mar;A1;2030-01-01\r\n')).toEqual([
      { line: 2, fields: ['restaurant', 'table', 'date'] },
      { line: 3, fields: ['La Mar', 'A1', '2030-01-01'] },
    ]);
    const { rows } = readBookingRows(parseCsv('\uFEFF\r\n\r\nrestaurant;table;date\r\nLa Mar;A1;2030-01-01\r\n'));
    expect(rows).toEqual([{ line: 4, restaurant: 'La Mar', table: 'A1', date: '2030-01-01' }]);
  });

  it('refuses text after a closing quote, "D2"x, naming its line and field instead of reading D2x', () => {
    expect(() => parseCsv('restaurant,table,date\nLa Mar,A1,2030-01-01\n\nLa Mar,"D2"x,2030-01-01\n')).toThrow(
      'line 4, field 2: text follows the closing quote of a quoted field (a quote inside a quoted field is written twice: "")',
    );
    // The line the stray text is on, after a field spanning lines.
    expect(() => parseCsv('a,b\n"x\ny"z,1\n')).toThrow(/^line 3, field 1: text follows the closing quote/);
  });

  it('refuses a quote inside a field that does not start with one, naming its line', () => {
    expect(() => parseCsv('a,b\n1,2\n3,5" ventana\n')).toThrow(/^line 3, field 2: a quote in a field that does not start with one/);
    // The hint is the field itself, rewritten: quoted, its quotes doubled.
    expect(() => parseCsv('restaurant,table,notes\nLa Mar,A1,mesa 3" grande\n')).toThrow(
      'line 2, field 3: a quote in a field that does not start with one (quote the whole field and write each quote in it twice: "mesa 3"" grande")',
    );
    expect(() => parseCsv('a;b;c\nx;y"z "w";q\n')).toThrow(
      'field 2: a quote in a field that does not start with one (quote the whole field and write each quote in it twice: "y""z ""w""")',
    );
    // A field too long to quote back in one line gets the rule alone.
    expect(() => parseCsv(`a,b\n1,${'x'.repeat(80)}" y\n`)).toThrow(/write each quote in it twice\)$/);
  });
});

describe('readBookingRows', () => {
  it('finds the columns by name in any case and order, ignoring the others', () => {
    const { rows, malformed } = readBookingRows(
      parseCsv('Date,Guest,TABLE,restaurant\n2030-01-01,Ana, a1 ,La Mar\n2030-01-02,Luis,,La Mar\n'),
    );
    expect(rows).toEqual([{ line: 2, restaurant: 'La Mar', table: 'a1', date: '2030-01-01' }]);
    expect(malformed).toEqual([
      {
        row: { line: 3, restaurant: 'La Mar', table: '', date: '2030-01-02' },
        problem: 'no table: give a table, or a time at a restaurant with hours',
      },
    ]);
  });

  it('reads the optional guest columns by name, leaving empty cells out, and sets apart a bad party size', () => {
    const { rows, malformed } = readBookingRows(
      parseCsv(
        'restaurant,table,date,PARTYSIZE,notes,guestName\nLa Mar,A1,2030-01-01,4, ventana ,Ana\nLa Mar,A2,2030-01-01,,,\nLa Mar,A3,2030-01-01,21,,\n',
      ),
    );
    expect(rows).toEqual([
      { line: 2, restaurant: 'La Mar', table: 'A1', date: '2030-01-01', partySize: 4, notes: 'ventana', guestName: 'Ana' },
      { line: 3, restaurant: 'La Mar', table: 'A2', date: '2030-01-01' },
    ]);
    expect(malformed).toEqual([
      { row: { line: 4, restaurant: 'La Mar', table: 'A3', date: '2030-01-01' }, problem: 'partySize must be from 1 to 20, not 21' },
    ]);
  });

  it('refuses a file without the needed header', () => {
    expect(() => readBookingRows([])).toThrow('the file is empty');
    expect(() => readBookingRows(parseCsv('restaurant,day\n'))).toThrow(
      'line 1: the header must name the columns restaurant,table,date (missing table, date)',
    );
  });
});
