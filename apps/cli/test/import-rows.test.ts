import { describe, expect, it } from 'vitest';
import { parseCsv } from '../src/import/csv.ts';
import { readBookingRows } from '../src/import/rows.ts';

const read = (...lines: string[]) => readBookingRows(parseCsv(lines.join('\n')));

describe('readBookingRows with a time column', () => {
  it("reads the time as HH:MM (or a spreadsheet's HH:MM:00), and lets a row with a time leave its table to the API", () => {
    const { rows, malformed } = read(
      'restaurant,table,date,Time',
      'La Mar,A1,2030-01-01,19:30',
      'La Mar,,2030-01-01,9:00',
      'La Mar,B2,2030-01-01,',
      'La Mar,,2030-01-01,19:00:00',
    );
    expect(malformed).toEqual([]);
    expect(rows).toEqual([
      { line: 2, restaurant: 'La Mar', table: 'A1', date: '2030-01-01', time: '19:30' },
      { line: 3, restaurant: 'La Mar', table: '', date: '2030-01-01', time: '09:00' },
      { line: 4, restaurant: 'La Mar', table: 'B2', date: '2030-01-01' },
      { line: 5, restaurant: 'La Mar', table: '', date: '2030-01-01', time: '19:00' },
    ]);
  });

  it('needs no table column at all when there is a time column', () => {
    expect(read('restaurant,date,time', 'La Mar,2030-01-01,20:15').rows).toEqual([
      { line: 2, restaurant: 'La Mar', table: '', date: '2030-01-01', time: '20:15' },
    ]);
    expect(() => read('restaurant,date', 'La Mar,2030-01-01')).toThrow(
      'the header must name the columns restaurant,table,date (missing table)',
    );
  });

  it('sets apart a row with a malformed time, and one with neither table nor time', () => {
    const { rows, malformed } = read(
      'restaurant,table,date,time',
      'La Mar,A1,2030-01-01,19h30',
      'La Mar,A1,2030-01-01,19:00:30',
      'La Mar,,2030-01-01,',
    );
    expect(rows).toEqual([]);
    expect(malformed.map((entry) => [entry.row.line, entry.problem])).toEqual([
      [2, 'time must be a time of day written HH:MM, not "19h30"'],
      [3, 'time must be a time of day written HH:MM, not "19:00:30"'],
      [4, 'no table: give a table, or a time at a restaurant with hours'],
    ]);
  });
});
