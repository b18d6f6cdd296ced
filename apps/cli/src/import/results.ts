import type { Reservation } from '@tablebook/client';
import type { BookingRow } from './rows.ts';

/**
 * What became of a row. `already-booked` is what a second run reports for the rows the first one
 * booked (the API replays the first answer to the row's idempotency key), and what a row repeating an
 * earlier line of the same file gets: that is success, not a refusal.
 */
export type RowOutcome = 'booked' | 'already-booked' | 'refused' | 'invalid';

export interface RowResult extends BookingRow {
  outcome: RowOutcome;
  /** The API's reason (TABLE_ALREADY_BOOKED, GLOBAL_DAILY_LIMIT, INVALID_INPUT…), when it gave one. */
  reason?: string;
  message?: string;
  /** The reservation booked, or for `already-booked` the one booked before. */
  reservation?: Reservation;
}

export type ImportSummary = Record<RowOutcome, number> & { rows: number };

export function summarize(results: readonly RowResult[]): ImportSummary {
  const summary: ImportSummary = { rows: results.length, booked: 0, 'already-booked': 0, refused: 0, invalid: 0 };
  for (const result of results) summary[result.outcome]++;
  return summary;
}

export const hasFailures = (summary: ImportSummary) => summary.refused > 0 || summary.invalid > 0;
