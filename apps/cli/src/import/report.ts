import type { Printer } from '../output/printer.ts';
import { clockOn } from '../output/local-times.ts';
import type { Column } from '../output/table.ts';
import type { ImportSummary, RowOutcome, RowResult } from './results.ts';

const outcomeLabel: Readonly<Record<RowOutcome, string>> = {
  booked: 'booked',
  'already-booked': 'already booked',
  refused: 'refused',
  invalid: 'invalid row',
};

const detail = (result: RowResult) => {
  if (result.reservation) return `reservation ${result.reservation.id}${result.message ? ` (${result.message})` : ''}`;
  return result.reason && result.outcome === 'refused' ? `${result.reason}: ${result.message}` : (result.message ?? '');
};

const rowColumns: readonly Column<RowResult>[] = [
  { header: 'LINE', value: (result) => result.line, align: 'right' },
  { header: 'RESTAURANT', value: (result) => result.restaurant },
  // A row that left its table to the API shows the table it got.
  { header: 'TABLE', value: (result) => (result.table === '' ? (result.reservation?.table ?? '') : result.table) },
  { header: 'DATE', value: (result) => result.date },
];
const outcomeColumns: readonly Column<RowResult>[] = [
  { header: 'RESULT', value: (result) => outcomeLabel[result.outcome] },
  { header: 'DETAIL', value: detail },
];

/**
 * The row's time: the reservation's start, marked "(+1)" when it falls on the day after the row's date
 * (a 01:00 in a range that opened the evening before), or the time as the row gives it.
 */
const timeOf = (result: RowResult) =>
  result.reservation && result.reservation.time !== null ? clockOn(result.reservation.startsAt, result.reservation.date) : result.time;

/** The report's columns, with the rows' TIME after the date when any row has one. */
function columnsFor(results: readonly RowResult[]): readonly Column<RowResult>[] {
  if (results.every((result) => result.time === undefined)) return [...rowColumns, ...outcomeColumns];
  return [...rowColumns, { header: 'TIME', value: timeOf }, ...outcomeColumns];
}

/** The totals line people read: "1 row: 1 booked, …", "3 rows: …". */
export function describeSummary(summary: ImportSummary): string {
  return `${summary.rows} ${summary.rows === 1 ? 'row' : 'rows'}: ${summary.booked} booked, ${summary['already-booked']} already booked, ${summary.refused} refused, ${summary.invalid} invalid`;
}

/** A line per row (JSON: the array of row results), then the totals for people. */
export function printImportReport(print: Printer, results: readonly RowResult[], summary: ImportSummary): void {
  print.list(results, columnsFor(results), 'The file has no rows to import.');
  print.note(describeSummary(summary));
}
