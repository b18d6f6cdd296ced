import { InputError } from '../errors.ts';
import type { CsvRecord } from './csv.ts';

/** The columns an import needs; others may follow in any order and are ignored for now. */
export const IMPORT_COLUMNS = ['restaurant', 'table', 'date'] as const;
type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** One data row of the file, as written there (trimmed). */
export interface BookingRow {
  line: number;
  restaurant: string;
  table: string;
  date: string;
}

export interface MalformedRow {
  row: BookingRow;
  problem: string;
}

/**
 * The file's rows, with the ones that cannot even be sent (a missing or empty field) set apart. What
 * the API itself finds wrong with a row (a bad date, a too-long table label) it reports when booked.
 */
export function readBookingRows(records: readonly CsvRecord[]): { rows: BookingRow[]; malformed: MalformedRow[] } {
  const [header, ...data] = records;
  if (!header) throw new InputError('the file is empty; its first line must be the header restaurant,table,date');
  const names = header.fields.map((name) => name.trim().toLowerCase());
  const missing = IMPORT_COLUMNS.filter((column) => !names.includes(column));
  if (missing.length > 0) {
    throw new InputError(
      `line ${header.line}: the header must name the columns ${IMPORT_COLUMNS.join(',')} (missing ${missing.join(', ')})`,
    );
  }
  const position = (column: ImportColumn) => names.indexOf(column);
  const rows: BookingRow[] = [];
  const malformed: MalformedRow[] = [];
  for (const record of data) {
    const value = (column: ImportColumn) => record.fields[position(column)]?.trim() ?? '';
    const row: BookingRow = { line: record.line, restaurant: value('restaurant'), table: value('table'), date: value('date') };
    const absent = IMPORT_COLUMNS.filter((column) => row[column] === '');
    if (absent.length > 0) malformed.push({ row, problem: `${absent.join(', ')} ${absent.length === 1 ? 'is' : 'are'} empty or missing` });
    else rows.push(row);
  }
  return { rows, malformed };
}
