import { restaurantFields, type IssueDetail, type RestaurantOutput } from '@tablebook/api/shared';
import type { Messages } from '../../i18n/dictionary.ts';
import {
  calendarInputOf,
  calendarValuesOf,
  checkCalendarIntent,
  hasCalendarErrors,
  isCalendarField,
  noCalendarErrors,
  placeCalendarIssue,
  type CalendarErrors,
  type CalendarField,
  type CalendarFormValues,
} from './bookingCalendar.ts';
import {
  describeLimitIssue,
  isLimitField,
  limitsInputOf,
  limitsValuesOf,
  type LimitField,
  type LimitsFormValues,
} from './restaurantLimits.ts';
import { describeTableIssue, duplicateLabels, layoutOf, rowsOf, type TableRow, type TableRowErrors } from './tableLayout.ts';

/** The fields the form edits, in the order it shows them; then the booking calendar's. */
const DETAIL_FIELDS = ['name', 'address', 'description', 'photoUrl', 'cityId', 'tables'] as const;
type DetailField = (typeof DETAIL_FIELDS)[number];
type RestaurantFormField = DetailField | CalendarField | LimitField;

/** What the inputs hold: text as typed, and the city picked (none yet for a new restaurant). */
export interface RestaurantFormValues {
  name: string;
  address: string;
  description: string;
  photoUrl: string;
  cityId: number | undefined;
  /** The table layout being edited; left out, the API keeps (or, for a new restaurant, gives) its own. */
  tables?: TableRow[];
  /** Time zone, hours, special dates, slot size and turn times; left out, the API keeps (or gives) its own. */
  calendar?: CalendarFormValues;
  /** Its own daily limit and pacing; left out, the API keeps (or, for a new restaurant, gives) none. */
  limits?: LimitsFormValues;
}

export type FieldErrors = Partial<Record<RestaurantFormField, string>>;

/** What `restaurant.create` and `restaurant.update` take: the schema's parsed (trimmed) output. */
export type RestaurantInput = ReturnType<typeof restaurantFields.parse>;

type ValidationIssue = NonNullable<ReturnType<typeof restaurantFields.safeParse>['error']>['issues'][number];
type ValidationMessages = Messages['manage']['validation'];

export const emptyRestaurantForm: RestaurantFormValues = { name: '', address: '', description: '', photoUrl: '', cityId: undefined };

export function formValuesOf(restaurant: RestaurantOutput): RestaurantFormValues {
  return {
    name: restaurant.name,
    address: restaurant.address,
    description: restaurant.description,
    photoUrl: restaurant.photoUrl,
    cityId: restaurant.city.id,
    tables: rowsOf(restaurant.tables),
    calendar: calendarValuesOf(restaurant),
    limits: limitsValuesOf(restaurant),
  };
}

const isDetailField = (path: string): path is DetailField => (DETAIL_FIELDS as readonly string[]).includes(path);
const isFormField = (path: string): path is RestaurantFormField => isDetailField(path) || isCalendarField(path) || isLimitField(path);

/**
 * The schema's rule, in the reader's language. The API's own schema decides what is wrong (so the
 * form and the server never disagree); only the wording is ours, since the schema speaks English.
 */
function describeIssue(field: DetailField, issue: ValidationIssue, values: RestaurantFormValues, messages: ValidationMessages): string {
  // A field left empty is simply missing, whatever rule the schema found broken first.
  const value = values[field];
  if (field === 'tables') return issue.code === 'too_big' ? messages.layout.tooMany : messages.layout.atLeastOne;
  if (value === undefined) return field === 'cityId' ? messages.chooseCity : messages.required;
  if (typeof value === 'string' && value.trim() === '') return messages.required;
  switch (issue.code) {
    case 'too_small':
      return messages.minLength(Number(issue.minimum));
    case 'too_big':
      return messages.maxLength(Number(issue.maximum));
    case 'invalid_format':
      return issue.format === 'url' ? messages.url : messages.invalid;
    case 'invalid_type':
      return field === 'cityId' ? messages.chooseCity : messages.required;
    case 'custom':
      return messages.unstorable;
    default:
      return messages.invalid;
  }
}

export type ValidationResult =
  | { ok: true; input: RestaurantInput }
  | {
      ok: false;
      errors: FieldErrors /** Per row of the layout, by index; only when a row has a problem. */;
      tableErrors?: Record<number, TableRowErrors>;
      /** Per input of the booking calendar; only when it has a problem. */
      calendarErrors?: CalendarErrors;
    };

/** Checks the form with the API's `restaurantFields` schema; the first problem of each field is shown. */
export function validateRestaurantForm(values: RestaurantFormValues, messages: ValidationMessages): ValidationResult {
  const { tables, calendar, limits, ...fields } = values;
  const parsed = restaurantFields.safeParse({
    ...fields,
    ...(tables ? { tables: layoutOf(tables) } : {}),
    ...(calendar ? calendarInputOf(calendar) : {}),
    // Without the calendar in the form, the hours are the stored ones: pacing is the API's to judge.
    ...(limits ? limitsInputOf(limits, calendar?.booksTimes ?? true) : {}),
  });
  const calendarErrors = noCalendarErrors();
  if (calendar) checkCalendarIntent(calendarErrors, calendar, messages.calendar);
  if (parsed.success && !hasCalendarErrors(calendarErrors)) return { ok: true, input: parsed.data };
  const errors: FieldErrors = {};
  const tableErrors: Record<number, TableRowErrors> = {};
  const twice = tables ? duplicateLabels(tables) : new Set<string>();
  for (const issue of parsed.error?.issues ?? []) {
    const field = String(issue.path[0] ?? '');
    const row = typeof issue.path[1] === 'number' ? issue.path[1] : undefined;
    const cell = issue.path[2] === 'seats' ? 'seats' : 'label';
    if (field === 'tables' && row !== undefined && tables?.[row]) {
      const value = cell === 'seats' ? tables[row].seats : tables[row].label;
      const rowErrors = tableErrors[row] ?? {};
      tableErrors[row] = rowErrors;
      rowErrors[cell] ??= describeTableIssue(cell, issue.code, value, twice.has(tables[row].label.trim().toUpperCase()), messages.layout);
    } else if (isCalendarField(field)) {
      if (calendar) placeCalendarIssue(calendarErrors, issue, calendar, messages.calendar);
    } else if (isLimitField(field)) {
      errors[field] ??= describeLimitIssue(field, issue, messages.limits);
    } else if (isDetailField(field) && errors[field] === undefined) {
      errors[field] = describeIssue(field, issue, values, messages);
    }
  }
  return {
    ok: false,
    errors,
    ...(Object.keys(tableErrors).length > 0 ? { tableErrors } : {}),
    ...(hasCalendarErrors(calendarErrors) ? { calendarErrors } : {}),
  };
}

export interface ServerFieldErrors {
  /** Messages shown next to the field their `path` names. */
  fields: FieldErrors;
  /** Messages about the whole input or a field this form does not show, shown above the form. */
  general: string[];
}

/**
 * Places the server's `issues` (e.g. an unknown `cityId`, a name too long) next to their fields,
 * worded by `describe` from each issue's code and parameters (i18n/refusals.ts), not from the
 * server's English; beside a field an issue says only what is wrong, above the form it names its field.
 * The tables future bookings need (table_booked) are the layout editor's own list, not a field's line.
 */
export function fieldErrorsFromServer(
  issues: readonly IssueDetail[],
  describe: (issue: IssueDetail, withField: boolean) => string,
): ServerFieldErrors {
  const fields: FieldErrors = {};
  const general: string[] = [];
  for (const issue of issues) {
    // Listed by the layout editor, one line per booking (i18n/refusals.ts describeLayoutBookings).
    if (issue.code === 'table_booked') continue;
    const field = issue.path.split('.')[0] ?? '';
    if (isFormField(field)) {
      const text = describe(issue, false);
      fields[field] = fields[field] ? `${fields[field]}; ${text}` : text;
    } else general.push(describe(issue, true));
  }
  return { fields, general };
}
