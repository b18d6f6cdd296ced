import type { Messages } from '../../i18n/dictionary.ts';

/** One row of the layout editor, as typed; `key` keeps React's rows stable while labels change. */
export interface TableRow {
  key: string;
  label: string;
  seats: string;
}

export interface TableRowErrors {
  label?: string;
  seats?: string;
}

export const DEFAULT_SEATS = 4;
export const MAX_SEATS = 20;

let rowCount = 0;
const newKey = () => `row-${++rowCount}`;

export const rowsOf = (tables: readonly { label: string; seats: number }[]): TableRow[] =>
  tables.map((table) => ({ key: newKey(), label: table.label, seats: String(table.seats) }));

/** What the API takes: labels as typed (it trims and upper-cases them), seats as numbers. */
export const layoutOf = (rows: readonly TableRow[]) =>
  rows.map((row) => ({ label: row.label, seats: /^\s*\d{1,3}\s*$/.test(row.seats) ? Number(row.seats) : Number.NaN }));

/**
 * A label for a new table: the next number in the last row's letter (after D2 comes D3), or, when
 * that is taken or too long, the first free one from A0 to Z9.
 */
export function nextLabel(rows: readonly TableRow[]): string {
  const used = new Set(rows.map((row) => row.label.trim().toUpperCase()));
  const last = rows.at(-1)?.label.trim().toUpperCase() ?? '';
  const match = /^([A-Z])(\d)$/.exec(last);
  if (match && Number(match[2]) < 9) {
    const candidate = `${match[1]}${Number(match[2]) + 1}`;
    if (!used.has(candidate)) return candidate;
  }
  for (let letter = 65; letter <= 90; letter++) {
    for (let digit = 0; digit <= 9; digit++) {
      const candidate = `${String.fromCharCode(letter)}${digit}`;
      if (!used.has(candidate)) return candidate;
    }
  }
  return '';
}

export const addRow = (rows: readonly TableRow[]): TableRow[] => [
  ...rows,
  { key: newKey(), label: nextLabel(rows), seats: String(DEFAULT_SEATS) },
];

export const removeRow = (rows: readonly TableRow[], key: string): TableRow[] => rows.filter((row) => row.key !== key);

export const changeRow = (rows: readonly TableRow[], key: string, changes: Partial<Omit<TableRow, 'key'>>): TableRow[] =>
  rows.map((row) => (row.key === key ? { ...row, ...changes } : row));

type LayoutMessages = Messages['manage']['validation']['layout'];

/** The schema's complaint about one cell of the layout, in the reader's language. */
export function describeTableIssue(
  cell: 'label' | 'seats',
  code: string,
  value: string,
  duplicate: boolean,
  messages: LayoutMessages,
): string {
  if (cell === 'seats') return messages.seatsRange(MAX_SEATS);
  if (value.trim() === '') return messages.labelRequired;
  if (code === 'too_big') return messages.labelTooLong;
  if (duplicate) return messages.labelTwice;
  return messages.labelInvalid;
}

/** Labels typed more than once (the API compares them trimmed and upper-cased). */
export function duplicateLabels(rows: readonly TableRow[]): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const row of rows) {
    const label = row.label.trim().toUpperCase();
    if (seen.has(label)) twice.add(label);
    seen.add(label);
  }
  return twice;
}
