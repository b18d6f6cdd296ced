import { readClockTime } from '../args/clock-time.ts';
import { InputError } from '../errors.ts';
import type { CsvRecord } from './csv.ts';

/** The columns an import needs; others may follow in any order. */
const IMPORT_COLUMNS = ['restaurant', 'table', 'date'] as const;
type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** Optional columns a booking may carry (header names, any case, any order); unknown columns are ignored. */
const GUEST_COLUMNS = ['guestName', 'guestPhone', 'guestEmail', 'partySize', 'notes'] as const;
type GuestColumn = (typeof GUEST_COLUMNS)[number];

/**
 * The optional start of a booking at a restaurant with opening hours. A row with a time may leave its
 * table empty: the API then gives the party the smallest free table that seats it.
 */
const TIME_COLUMN = 'time';

const MAX_PARTY_SIZE = 20;

/** One data row of the file, as written there (trimmed); an empty optional cell is left out. */
export interface BookingRow {
  line: number;
  restaurant: string;
  /** Empty only in a row with a time: the API picks the table. */
  table: string;
  date: string;
  /** "HH:MM" (a cell's "9:30" or "09:30:00" is sent as "09:30"); absent for a whole-day booking. */
  time?: string;
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

/**
 * A cell's time of day: HH:MM (or H:MM), or HH:MM:00 as spreadsheets export times; undefined when it is
 * not one (seconds other than :00 included: the API books whole minutes).
 */
function readCellTime(text: string): string | undefined {
  const match = /^(\d{1,2}:\d{2})(?::00)?$/.exec(text);
  return match ? readClockTime(match[1] as string) : undefined;
}

/** The party size as written: a whole number from 1 to 20, or a reason it is not. */
function readPartySize(text: string): number | string {
  if (!/^\d{1,3}$/.test(text)) return `partySize must be a whole number from 1 to ${MAX_PARTY_SIZE}, not "${text}"`;
  const size = Number(text);
  return size >= 1 && size <= MAX_PARTY_SIZE ? size : `partySize must be from 1 to ${MAX_PARTY_SIZE}, not ${size}`;
}

/**
 * The UTF-16 a header read as single bytes looks like: ASCII names in UTF-16 put a zero byte beside
 * every letter, read here as NUL characters (after it: little-endian, as Windows writes; before it:
 * big-endian). Only a file without a byte-order mark gets this far: one with a mark is read as UTF-16.
 */
function utf16WithoutMark(fields: readonly string[]): 'utf-16le' | 'utf-16be' | undefined {
  const text = fields.join('');
  if (!text.includes('\u0000')) return undefined;
  return text.startsWith('\u0000') ? 'utf-16be' : 'utf-16le';
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
  // With a time column the table column may go too: the API picks every row's table.
  const hasTimes = names.includes(TIME_COLUMN);
  const missing = IMPORT_COLUMNS.filter((column) => !names.includes(column) && !(hasTimes && column === 'table'));
  if (missing.length > 0) {
    const utf16 = utf16WithoutMark(header.fields);
    if (utf16 !== undefined) {
      throw new InputError(
        `line ${header.line}: the file looks like ${utf16.toUpperCase()} without a byte-order mark (every other byte of the header is zero): read it with --encoding ${utf16}`,
      );
    }
    throw new InputError(
      `line ${header.line}: the header must name the columns ${IMPORT_COLUMNS.join(',')} (missing ${missing.join(', ')})`,
    );
  }
  const position = (column: ImportColumn | GuestColumn | typeof TIME_COLUMN) => names.indexOf(column.toLowerCase());
  const rows: BookingRow[] = [];
  const malformed: MalformedRow[] = [];
  for (const record of data) {
    const value = (column: ImportColumn | GuestColumn | typeof TIME_COLUMN) => {
      const index = position(column);
      return index < 0 ? '' : (record.fields[index]?.trim() ?? '');
    };
    const row: BookingRow = { line: record.line, restaurant: value('restaurant'), table: value('table'), date: value('date') };
    const problems: string[] = [];
    const timeText = value(TIME_COLUMN);
    const absent = IMPORT_COLUMNS.filter((column) => column !== 'table' && row[column] === '');
    if (absent.length > 0) problems.push(`${absent.join(', ')} ${absent.length === 1 ? 'is' : 'are'} empty or missing`);
    // Only a time lets the API choose the table (at a restaurant that books whole days a table is needed).
    if (row.table === '' && timeText === '') problems.push('no table: give a table, or a time at a restaurant with hours');
    if (timeText !== '') {
      const time = readCellTime(timeText);
      if (time === undefined) problems.push(`time must be a time of day written HH:MM, not "${timeText}"`);
      else row.time = time;
    }
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
