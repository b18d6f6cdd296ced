import { describe, expect, it } from 'vitest';
import { describeSummary } from '../src/import/report.ts';
import { clockOn, timeRangeOf } from '../src/output/local-times.ts';
import { createPrinter } from '../src/output/printer.ts';
import { formatTable, type Column } from '../src/output/table.ts';
import { slotColumns } from '../src/output/views.ts';

type Row = { name: string; free: number };
const columns: Column<Row>[] = [
  { header: 'NAME', value: (row) => row.name },
  { header: 'FREE', value: (row) => row.free, align: 'right' },
];
const rows: Row[] = [
  { name: 'Café\ndel Mar', free: 3 },
  { name: 'Ñandú', free: 15 },
];

describe('formatTable', () => {
  it('aligns columns by the characters shown, keeps every row on one line, right-aligns numbers', () => {
    expect(formatTable(rows, columns)).toEqual(['NAME          FREE', 'Café del Mar     3', 'Ñandú           15']);
  });
});

describe('the printer', () => {
  const capture = (json: boolean) => {
    let out = '';
    return { print: createPrinter((text) => (out += text), json), output: () => out };
  };

  it('prints tables, records and sentences for people', () => {
    const { print, output } = capture(false);
    print.list(rows, columns, 'none');
    print.list([], columns, 'Nothing here.');
    print.record('Row', rows[1] as Row, columns);
    print.done('Done.', { id: 1 });
    print.note('3 rows');
    expect(output()).toBe(
      [
        'NAME          FREE',
        'Café del Mar     3',
        'Ñandú           15',
        'Nothing here.',
        'Row',
        '  NAME  Ñandú',
        '  FREE  15',
        'Done.',
        '3 rows',
        '',
      ].join('\n'),
    );
  });

  it('prints exactly the data as JSON for scripts, an array for every list', () => {
    const { print, output } = capture(true);
    print.list([], columns, 'none');
    expect(JSON.parse(output())).toEqual([]);
    const again = capture(true);
    again.print.done('Done.', { id: 1 });
    again.print.note('ignored');
    expect(JSON.parse(again.output())).toEqual({ id: 1 });
  });
});

describe('local times', () => {
  it("reads the clock off an instant in the restaurant's zone, marking each end that falls after the date", () => {
    expect(clockOn('2027-03-14T19:30:00-04:00', '2027-03-14')).toBe('19:30');
    expect(clockOn('2027-03-15T01:30:00-04:00', '2027-03-14')).toBe('01:30 (+1)');
    expect(clockOn('2027-03-01T00:30:00-05:00', '2027-02-27')).toBe('00:30 (+2)');
    const on = (startsAt: string, endsAt: string) => timeRangeOf({ date: '2027-03-14', time: startsAt.slice(11, 16), startsAt, endsAt });
    expect(on('2027-03-14T23:00:00-04:00', '2027-03-15T01:00:00-04:00')).toBe('23:00-01:00 (+1)');
    // A 01:00 start in the 14th's range past midnight: both ends on the 15th, not a 25-hour turn.
    expect(on('2027-03-15T01:00:00-04:00', '2027-03-15T02:30:00-04:00')).toBe('01:00 (+1)-02:30 (+1)');
    const wholeDay = { date: '2027-03-14', time: null, startsAt: '2027-03-14T00:00:00-04:00', endsAt: '2027-03-15T00:00:00-04:00' };
    expect(timeRangeOf(wholeDay)).toBeUndefined();
  });
});

describe('slotColumns', () => {
  it('prints each slot with its turn, free tables and whether it can be booked', () => {
    const day = '2027-03-14';
    const slots = [
      { time: '19:00', startsAt: `${day}T19:00:00-05:00`, endsAt: `${day}T21:00:00-05:00`, freeTables: ['A0', 'B1'], bookable: true },
      {
        time: '23:30',
        startsAt: `${day}T23:30:00-05:00`,
        endsAt: '2027-03-15T01:30:00-05:00',
        freeTables: [],
        bookable: false,
        reason: 'NO_TABLE_AVAILABLE' as const,
      },
    ];
    expect(formatTable(slots, slotColumns(day))).toEqual([
      'TIME   UNTIL       FREE  FREE TABLES  BOOKABLE',
      '19:00  21:00          2  A0,B1        yes',
      '23:30  01:30 (+1)     0  none         no: NO_TABLE_AVAILABLE',
    ]);
  });
});

describe("the import's totals line", () => {
  it('says "row" for one, "rows" otherwise', () => {
    const summary = (rows: number, booked: number) => ({ rows, booked, 'already-booked': 0, refused: rows - booked, invalid: 0 });
    expect(describeSummary(summary(1, 1))).toBe('1 row: 1 booked, 0 already booked, 0 refused, 0 invalid');
    expect(describeSummary(summary(0, 0))).toBe('0 rows: 0 booked, 0 already booked, 0 refused, 0 invalid');
    expect(describeSummary(summary(3, 2))).toBe('3 rows: 2 booked, 0 already booked, 1 refused, 0 invalid');
  });
});
