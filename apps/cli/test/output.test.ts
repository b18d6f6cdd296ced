import { describe, expect, it } from 'vitest';
import { createPrinter } from '../src/output/printer.ts';
import { formatTable, type Column } from '../src/output/table.ts';

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
