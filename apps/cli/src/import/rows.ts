import { InputError } from '../errors.ts';
import type { CsvRecord } from './csv.ts';

/** The columns an import needs; others may follow in any order. */
const IMPORT_COLUMNS = ['restaurant', 'table', 'date'] as const;
type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** Optional columns a booking may carry (header names, any case, any order); unknown columns are ignored. */
const GUEST_COLUMNS = ['guestName', 'guestPhone', 'guestEmail', 'partySize', 'notes'] as const;
type GuestColumn = (typeof GUEST_COLUMNS)[number];

const MAX_PARTY_SIZE = 20;

/** One data row of the file, as written there (trimmed); an empty optional cell is left out. */
export interface BookingRow {
  line: number;
  restaurant: string;
  table: string;
  date: string;
  guestName?: string;
  guestPhone?: string;
  guestEmail?: string;
  partySize?: number;
  notes?: string;
}

export interface MalformedRow {
  row: BookingRow;
  problem: string;
}

/** The party size as written: a whole number from 1 to 20, or a reason it is not. */
function readPartySize(text: string): number | string {
  if (!/^\d{1,3}$/.test(text)) return `partySize must be a whole number from 1 to ${MAX_PARTY_SIZE}, not "${text}"`;
  const size = Number(text);
  return size >= 1 && size <= MAX_PARTY_SIZE ? size : `partySize must be from 1 to ${MAX_PARTY_SIZE}, not ${size}`;
}

/**
 * The file's rows, with the ones that cannot even be sent (a missing or empty required field, a party
 * size that is not a number in range) set apart. What the API itself finds wrong with a row (a bad
 * date, a phone or e-mail it does not accept) it reports when the row is booked.
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
  const position = (column: ImportColumn | GuestColumn) => names.indexOf(column.toLowerCase());
  const rows: BookingRow[] = [];
  const malformed: MalformedRow[] = [];
  for (const record of data) {
    const value = (column: ImportColumn | GuestColumn) => {
      const index = position(column);
      return index < 0 ? '' : (record.fields[index]?.trim() ?? '');
    };
    const row: BookingRow = { line: record.line, restaurant: value('restaurant'), table: value('table'), date: value('date') };
    const problems: string[] = [];
    const absent = IMPORT_COLUMNS.filter((column) => row[column] === '');
    if (absent.length > 0) problems.push(`${absent.join(', ')} ${absent.length === 1 ? 'is' : 'are'} empty or missing`);
    for (const column of GUEST_COLUMNS) {
      const text = value(column);
      if (text === '') continue;
      if (column === 'partySize') {
        const size = readPartySize(text);
        if (typeof size === 'string') problems.push(size);
        else row.partySize = size;
      } else {
        row[column] = text;
      }
    }
    if (problems.length > 0) malformed.push({ row, problem: problems.join('; ') });
    else rows.push(row);
  }
  return { rows, malformed };
}
