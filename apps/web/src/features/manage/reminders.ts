import { DEFAULT_REMINDERS, MAX_REMINDERS, REMINDER_MINUTES_MIN } from '@tablebook/api/shared';
import type { Messages } from '../../i18n/dictionary.ts';

/**
 * A restaurant's e-mail reminders as the form edits them (issue 17): each a span before the booking's
 * start, typed as a number and a unit ("24 hours", "2 hours", "30 minutes"); the API takes minutes
 * (`reminders: [1440, 120]`) and its schema judges them (each 5 minutes to a week, distinct, at most 5).
 * Only a restaurant that books times of day has reminders: a whole day has no start to remind before.
 */

export const REMINDER_UNITS = ['minutes', 'hours', 'days'] as const;
type ReminderUnit = (typeof REMINDER_UNITS)[number];
const MINUTES_PER: Record<ReminderUnit, number> = { minutes: 1, hours: 60, days: 1440 };

export { MAX_REMINDERS };
export interface ReminderRow {
  key: string;
  /** As typed. */
  amount: string;
  unit: ReminderUnit;
}

let rowCount = 0;
const newKey = () => `reminder-${++rowCount}`;

/**
 * Minutes as a row, in the largest unit that divides them: 120 is "2 hours", 90 "90 minutes". A day
 * is said in hours ("24 hours", as restaurants say it); whole days from two up.
 */
export function reminderRowOf(minutes: number): ReminderRow {
  const unit: ReminderUnit = minutes >= 2880 && minutes % 1440 === 0 ? 'days' : minutes % 60 === 0 ? 'hours' : 'minutes';
  return { key: newKey(), amount: String(minutes / MINUTES_PER[unit]), unit };
}

/** The rows of a stored list, latest first (as the API stores them). */
export const reminderRowsOf = (minutes: readonly number[]): ReminderRow[] => [...minutes].sort((a, b) => b - a).map(reminderRowOf);

/** A new restaurant's, the API's own default (24 hours and 2 hours before). */
export const defaultReminderRows = (): ReminderRow[] => reminderRowsOf(DEFAULT_REMINDERS);

/** One row's minutes, or NaN for the schema to refuse ("", "1.5" and "2 h" are not amounts). */
export function minutesOfRow(row: ReminderRow): number {
  return /^\s*\d{1,5}\s*$/.test(row.amount) ? Number(row.amount) * MINUTES_PER[row.unit] : Number.NaN;
}

/** What the API takes, in the rows' order (so an issue's index is its row's). */
export const remindersInputOf = (rows: readonly ReminderRow[]): number[] => rows.map(minutesOfRow);

/** The next reminder: an hour before the last one's time, or a day before for the first. */
export function addReminderRow(rows: readonly ReminderRow[]): ReminderRow[] {
  const last = rows.at(-1);
  const lastMinutes = last ? minutesOfRow(last) : Number.NaN;
  const next = Number.isNaN(lastMinutes) ? 1440 : lastMinutes > 60 ? 60 : REMINDER_MINUTES_MIN * 6;
  return [...rows, reminderRowOf(next)];
}

/** Two lists that remind at the same times, in any order. */
export const sameReminders = (a: readonly number[], b: readonly number[]) =>
  JSON.stringify([...a].sort((x, y) => x - y)) === JSON.stringify([...b].sort((x, y) => x - y));

type ReminderMessages = Messages['manage']['validation']['calendar'];

/** The part of a zod issue this needs: where, and which rule. */
interface ReminderIssue {
  path: readonly PropertyKey[];
  code: string;
}

/**
 * One of the schema's issues about the reminders, placed: on its row (out of range, listed twice) or on
 * the list (too many). `rowErrors` is by row key.
 */
export function placeReminderIssue(
  errors: { reminders?: string; reminderRows: Record<string, string> },
  issue: ReminderIssue,
  rows: readonly ReminderRow[],
  messages: ReminderMessages,
): void {
  const index = issue.path[1];
  const row = typeof index === 'number' ? rows[index] : undefined;
  if (!row) {
    errors.reminders ??= messages.remindersTooMany(MAX_REMINDERS);
    return;
  }
  errors.reminderRows[row.key] ??= issue.code === 'custom' ? messages.reminderTwice : messages.reminderRange;
}
