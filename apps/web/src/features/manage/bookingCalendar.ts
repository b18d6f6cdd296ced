import { DEFAULT_TURN_TIMES, restaurantFields, SLOT_MINUTES, WEEKDAYS, type RestaurantOutput } from '@tablebook/api/shared';
import type { Messages } from '../../i18n/dictionary.ts';
import { defaultReminderRows, placeReminderIssue, reminderRowsOf, remindersInputOf, sameReminders, type ReminderRow } from './reminders.ts';

/**
 * The restaurant's booking calendar as the form edits it: its time zone, whether it books times of day
 * at all, the weekly opening ranges, special dates, the slot grid and the turn times. Everything is
 * kept as typed; `calendarInputOf` turns it into the API's shape and the API's schema judges it.
 */

type CalendarInput = ReturnType<typeof restaurantFields.parse>;
export type Weekday = NonNullable<CalendarInput['hours']>[number]['day'];
export type SlotMinutes = NonNullable<CalendarInput['slotMinutes']>;

export { WEEKDAYS };
export const SLOT_CHOICES = SLOT_MINUTES;
/** The API's own default for a new restaurant (its turn times, DEFAULT_TURN_TIMES), shown so the manager sees what applies. */
const DEFAULT_SLOT_MINUTES: SlotMinutes = 30;

/** The schema's own bounds of the booking window, for the inputs and their messages. */
const boundsOf = (schema: { minValue: number | null; maxValue: number | null }) => ({
  min: schema.minValue ?? 0,
  max: schema.maxValue ?? 0,
});
export const MIN_ADVANCE_BOUNDS = boundsOf(restaurantFields.shape.minAdvanceMinutes.unwrap());
export const MAX_ADVANCE_BOUNDS = boundsOf(restaurantFields.shape.maxAdvanceDays.unwrap().unwrap());

/** One opening range as typed ("HH:MM" from a time input; empty while unset). */
export interface RangeRow {
  key: string;
  opens: string;
  closes: string;
}

export interface WeeklyRow extends RangeRow {
  day: Weekday;
}

/** A date's own hours; no ranges = closed that date. */
export interface SpecialDateRow {
  key: string;
  date: string;
  ranges: RangeRow[];
}

export interface TurnTimeRow {
  key: string;
  maxPartySize: string;
  minutes: string;
}

export interface CalendarFormValues {
  /** An IANA zone; '' (a new restaurant only) = not sent, so the server gives its own default (APP_TIMEZONE). */
  timeZone: string;
  /** False: the seed's whole-day booking (sent as no hours at all). */
  booksTimes: boolean;
  /** In weekday order; a day with no rows is closed. */
  hours: WeeklyRow[];
  specialDates: SpecialDateRow[];
  slotMinutes: SlotMinutes;
  turnTimes: TurnTimeRow[];
  /** Minutes, as typed: how close to its start a guest may still book. */
  minAdvanceMinutes: string;
  /** Days, as typed; '' = no limit. */
  maxAdvanceDays: string;
  /** When guests are reminded by e-mail before their start (times of day only); none = no reminders. */
  reminders: ReminderRow[];
}

let rowCount = 0;
const newKey = () => `calendar-${++rowCount}`;

const rangeRowOf = (range: { opens: string; closes: string }): RangeRow => ({ key: newKey(), opens: range.opens, closes: range.closes });
const turnRowsOf = (turnTimes: readonly { maxPartySize: number; minutes: number }[]): TurnTimeRow[] =>
  turnTimes.map((entry) => ({ key: newKey(), maxPartySize: String(entry.maxPartySize), minutes: String(entry.minutes) }));

const isWeekday = (day: string): day is Weekday => (WEEKDAYS as readonly string[]).includes(day);
const isSlotMinutes = (value: number): value is SlotMinutes => (SLOT_CHOICES as readonly number[]).includes(value);
const dayOrder = (day: Weekday) => WEEKDAYS.indexOf(day);

/** Weekly rows in weekday order, each day's ranges in the order they were given. */
const byWeekday = (rows: readonly WeeklyRow[]): WeeklyRow[] =>
  rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => dayOrder(a.row.day) - dayOrder(b.row.day) || a.index - b.index)
    .map(({ row }) => row);

/**
 * A new restaurant books whole days (as the API's default does) until the manager gives it hours. Its
 * zone is left to the server (APP_TIMEZONE, which no endpoint tells the browser) unless one is chosen:
 * never the browser's own, which is where the manager sits, not where the restaurant is.
 */
export function newCalendarValues(): CalendarFormValues {
  return {
    timeZone: '',
    booksTimes: false,
    hours: [],
    specialDates: [],
    slotMinutes: DEFAULT_SLOT_MINUTES,
    turnTimes: turnRowsOf(DEFAULT_TURN_TIMES),
    minAdvanceMinutes: '0',
    maxAdvanceDays: '',
    reminders: defaultReminderRows(),
  };
}

export function calendarValuesOf(restaurant: RestaurantOutput): CalendarFormValues {
  return {
    timeZone: restaurant.timeZone,
    booksTimes: restaurant.hours.length > 0,
    // Lunch before dinner, whatever order they were stored in.
    hours: byWeekday(
      restaurant.hours
        .flatMap((range) => (isWeekday(range.day) ? [{ ...rangeRowOf(range), day: range.day }] : []))
        .sort((a, b) => a.opens.localeCompare(b.opens)),
    ),
    specialDates: restaurant.specialDates.map((entry) => ({ key: newKey(), date: entry.date, ranges: entry.hours.map(rangeRowOf) })),
    slotMinutes: isSlotMinutes(restaurant.slotMinutes) ? restaurant.slotMinutes : DEFAULT_SLOT_MINUTES,
    turnTimes: turnRowsOf(restaurant.turnTimes.length > 0 ? restaurant.turnTimes : DEFAULT_TURN_TIMES),
    minAdvanceMinutes: String(restaurant.minAdvanceMinutes),
    maxAdvanceDays: restaurant.maxAdvanceDays === null ? '' : String(restaurant.maxAdvanceDays),
    reminders: reminderRowsOf(restaurant.reminders),
  };
}

/** A whole number as typed, or NaN for the schema to refuse ("" and "2.5" are not party sizes). */
const wholeNumber = (text: string, digits = 4) => (new RegExp(`^\\s*\\d{1,${digits}}\\s*$`).test(text) ? Number(text) : Number.NaN);
const rangeOf = (row: RangeRow) => ({ opens: row.opens, closes: row.closes });

/**
 * What the API takes. The lists keep the rows' order, so an issue's index is the row's. Whole-day
 * booking sends no hours and no special dates; the slot size, turn times and booking window are kept
 * for later; its reminders are not sent (a whole day has no start to remind before: the stored ones
 * stay, unused). No zone chosen (a new restaurant): none sent, and the server applies its default.
 */
export function calendarInputOf(values: CalendarFormValues) {
  const maxAdvanceDays = values.maxAdvanceDays.trim();
  return {
    ...(values.timeZone ? { timeZone: values.timeZone } : {}),
    hours: values.booksTimes ? values.hours.map((row) => ({ day: row.day, ...rangeOf(row) })) : [],
    specialDates: values.booksTimes ? values.specialDates.map((entry) => ({ date: entry.date, hours: entry.ranges.map(rangeOf) })) : [],
    slotMinutes: values.slotMinutes,
    turnTimes: values.turnTimes.map((row) => ({ maxPartySize: wholeNumber(row.maxPartySize), minutes: wholeNumber(row.minutes) })),
    minAdvanceMinutes: wholeNumber(values.minAdvanceMinutes, 6),
    maxAdvanceDays: maxAdvanceDays === '' ? null : wholeNumber(maxAdvanceDays, 4),
    ...(values.booksTimes ? { reminders: remindersInputOf(values.reminders) } : {}),
  };
}

type CalendarInputFields = Pick<CalendarInput, CalendarField>;
type StoredCalendar = Pick<RestaurantOutput, CalendarField>;

/** A list in a fixed order, as text: two lists with the same entries in any order read the same. */
const sortedJson = <Entry>(entries: readonly Entry[], key: (entry: Entry) => string) => JSON.stringify(entries.map(key).sort());
const rangeKey = (range: { opens: string; closes: string }) => `${range.opens}-${range.closes}`;

/** Whether a calendar field as parsed from the form means what is stored (the order of hours and dates does not matter). */
function sameCalendarField(field: CalendarField, input: CalendarInputFields, stored: StoredCalendar): boolean {
  switch (field) {
    case 'hours':
      return (
        sortedJson(input.hours ?? [], (range) => `${dayOrder(range.day)} ${rangeKey(range)}`) ===
        sortedJson(stored.hours, (range) => `${isWeekday(range.day) ? dayOrder(range.day) : range.day} ${rangeKey(range)}`)
      );
    case 'specialDates': {
      const dateKey = (entry: { date: string; hours: readonly { opens: string; closes: string }[] }) =>
        `${entry.date} ${sortedJson(entry.hours, rangeKey)}`;
      return sortedJson(input.specialDates ?? [], dateKey) === sortedJson(stored.specialDates, dateKey);
    }
    case 'turnTimes':
      return JSON.stringify(input.turnTimes) === JSON.stringify(stored.turnTimes);
    case 'reminders':
      return sameReminders(input.reminders ?? [], stored.reminders);
    default:
      return input[field] === stored[field];
  }
}

/**
 * An update's input without the calendar fields that mean what is stored: a PUT without them keeps
 * them, so a save that changed nothing there sends nothing there (not even the hours re-sorted).
 */
export function withoutUnchangedCalendar<Input extends CalendarInputFields>(input: Input, stored: StoredCalendar): Input {
  const kept: Input = { ...input };
  for (const field of CALENDAR_FIELDS) {
    if (input[field] !== undefined && sameCalendarField(field, input, stored)) delete kept[field];
  }
  return kept;
}

/** Every IANA zone this browser knows, for the time zone picker. */
export function timeZoneChoices(current?: string): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['America/Bogota', 'UTC'];
  return current && !zones.includes(current) ? [current, ...zones] : zones;
}

/** "HH:MM" to minutes; undefined while the input is incomplete. */
const minutesOf = (clock: string) => {
  const match = /^(\d{2}):(\d{2})$/.exec(clock);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
};

/** A range whose closing time is at or before its opening: it ends after midnight (18:00-02:00). */
export function endsNextDay(range: { opens: string; closes: string }): boolean {
  const opens = minutesOf(range.opens);
  const closes = minutesOf(range.closes);
  return opens !== undefined && closes !== undefined && closes <= opens;
}

// ---------- Editing the rows ----------

/** A new range for `day`, after that day's last one (evening after lunch), so rows stay in weekday order. */
export function addWeeklyRange(rows: readonly WeeklyRow[], day: Weekday): WeeklyRow[] {
  const sameDay = rows.filter((row) => row.day === day);
  const last = sameDay.at(-1);
  const added: WeeklyRow = last
    ? { key: newKey(), day, opens: last.closes, closes: '' }
    : { key: newKey(), day, opens: '12:00', closes: '22:00' };
  return byWeekday([...rows, added]);
}

/** Gives every other day the ranges of `day` (a common week: the same hours every day). */
export function copyDayToAll(rows: readonly WeeklyRow[], day: Weekday): WeeklyRow[] {
  const model = rows.filter((row) => row.day === day);
  return WEEKDAYS.flatMap((other) =>
    other === day ? model : model.map((row) => ({ key: newKey(), day: other, opens: row.opens, closes: row.closes })),
  );
}

export function addSpecialDate(rows: readonly SpecialDateRow[], date: string): SpecialDateRow[] {
  return [...rows, { key: newKey(), date, ranges: [] }];
}

export const addRange = (ranges: readonly RangeRow[]): RangeRow[] => [
  ...ranges,
  { key: newKey(), opens: ranges.at(-1)?.closes ?? '12:00', closes: ranges.length > 0 ? '' : '22:00' },
];

/** The next party size band: two more people than the last, and half an hour longer. */
export function addTurnTime(rows: readonly TurnTimeRow[]): TurnTimeRow[] {
  const last = rows.at(-1);
  const size = last ? wholeNumber(last.maxPartySize) : Number.NaN;
  const minutes = last ? wholeNumber(last.minutes) : Number.NaN;
  return [
    ...rows,
    {
      key: newKey(),
      maxPartySize: Number.isNaN(size) ? '2' : String(Math.min(size + 2, 20)),
      minutes: Number.isNaN(minutes) ? '90' : String(Math.min(minutes + 30, 720)),
    },
  ];
}

export const changeByKey = <Row extends { key: string }>(rows: readonly Row[], key: string, changes: Partial<Omit<Row, 'key'>>): Row[] =>
  rows.map((row) => (row.key === key ? { ...row, ...changes } : row));

export const removeByKey = <Row extends { key: string }>(rows: readonly Row[], key: string): Row[] => rows.filter((row) => row.key !== key);

// ---------- The schema's issues, placed and worded ----------

export type RangeErrors = Partial<Record<'opens' | 'closes', string>>;

/** Problems by row key (ranges, special dates, turn times), and about each list as a whole. */
export interface CalendarErrors {
  timeZone?: string;
  hours?: string;
  specialDates?: string;
  slotMinutes?: string;
  turnTimes?: string;
  minAdvanceMinutes?: string;
  maxAdvanceDays?: string;
  /** Weekly and special-date ranges, by the range row's key. */
  ranges: Record<string, RangeErrors>;
  /** A special date's own date, by its row's key. */
  dates: Record<string, string>;
  turnRows: Record<string, Partial<Record<'maxPartySize' | 'minutes', string>>>;
  /** The reminders as a list (too many), and each by its row's key. */
  reminders?: string;
  reminderRows: Record<string, string>;
}

export const CALENDAR_FIELDS = [
  'timeZone',
  'hours',
  'specialDates',
  'slotMinutes',
  'turnTimes',
  'minAdvanceMinutes',
  'maxAdvanceDays',
  'reminders',
] as const;
export type CalendarField = (typeof CALENDAR_FIELDS)[number];
export const isCalendarField = (field: string): field is CalendarField => (CALENDAR_FIELDS as readonly string[]).includes(field);

type CalendarMessages = Messages['manage']['validation']['calendar'];

/** The part of a zod issue this needs: where, and which rule. */
interface CalendarIssue {
  path: readonly PropertyKey[];
  code: string;
}

export const noCalendarErrors = (): CalendarErrors => ({ ranges: {}, dates: {}, turnRows: {}, reminderRows: {} });

export const hasCalendarErrors = (errors: CalendarErrors) =>
  CALENDAR_FIELDS.some((field) => errors[field] !== undefined) ||
  Object.keys(errors.ranges).length > 0 ||
  Object.keys(errors.dates).length > 0 ||
  Object.keys(errors.turnRows).length > 0 ||
  Object.keys(errors.reminderRows).length > 0;

function rangeMessage(code: string, messages: CalendarMessages): string {
  // A custom issue on a range is the schema's overlap check; anything else is a malformed time.
  return code === 'custom' ? messages.overlaps : messages.time;
}

function placeRange(errors: CalendarErrors, row: RangeRow | undefined, cell: unknown, message: string) {
  if (!row) return;
  const side = cell === 'closes' ? 'closes' : 'opens';
  const rowErrors = errors.ranges[row.key] ?? {};
  errors.ranges[row.key] = rowErrors;
  rowErrors[side] ??= message;
}

/** Places one of the schema's issues about a calendar field next to the input it is about. */
export function placeCalendarIssue(errors: CalendarErrors, issue: CalendarIssue, values: CalendarFormValues, messages: CalendarMessages) {
  const [field, index, cell, rangeIndex, rangeCell] = issue.path;
  const row = typeof index === 'number' ? index : undefined;
  switch (field) {
    case 'timeZone':
      errors.timeZone ??= messages.timeZone;
      return;
    case 'slotMinutes':
      errors.slotMinutes ??= messages.slotMinutes;
      return;
    case 'minAdvanceMinutes':
      errors.minAdvanceMinutes ??= messages.minutesRange(MIN_ADVANCE_BOUNDS.min, MIN_ADVANCE_BOUNDS.max);
      return;
    case 'maxAdvanceDays':
      errors.maxAdvanceDays ??= messages.daysRange(MAX_ADVANCE_BOUNDS.min, MAX_ADVANCE_BOUNDS.max);
      return;
    case 'hours':
      if (row === undefined) errors.hours ??= issue.code === 'too_big' ? messages.tooManyRanges : messages.time;
      else placeRange(errors, values.hours[row], cell, rangeMessage(issue.code, messages));
      return;
    case 'specialDates': {
      const entry = row === undefined ? undefined : values.specialDates[row];
      if (!entry) errors.specialDates ??= messages.tooManyDates;
      else if (cell === 'date') errors.dates[entry.key] ??= issue.code === 'custom' ? messages.dateTwice : messages.date;
      else if (typeof rangeIndex === 'number') placeRange(errors, entry.ranges[rangeIndex], rangeCell, rangeMessage(issue.code, messages));
      else errors.dates[entry.key] ??= messages.tooManyRanges;
      return;
    }
    case 'reminders':
      placeReminderIssue(errors, issue, values.reminders, messages);
      return;
    case 'turnTimes': {
      const turn = row === undefined ? undefined : values.turnTimes[row];
      if (!turn) {
        errors.turnTimes ??= issue.code === 'too_big' ? messages.turnTimesTooMany : messages.turnTimesRequired;
        return;
      }
      const side = cell === 'minutes' ? 'minutes' : 'maxPartySize';
      const rowErrors = errors.turnRows[turn.key] ?? {};
      errors.turnRows[turn.key] = rowErrors;
      rowErrors[side] ??=
        issue.code === 'custom' ? messages.ascending : side === 'minutes' ? messages.minutesRange(15, 720) : messages.partySizeRange(1, 20);
      return;
    }
  }
}

/** The one rule the schema cannot know: booking by time needs at least one opening range. */
export function checkCalendarIntent(errors: CalendarErrors, values: CalendarFormValues, messages: CalendarMessages) {
  if (values.booksTimes && values.hours.length === 0) errors.hours ??= messages.noHours;
}
