/**
 * Every reason a call can fail with, once: its tRPC code, its HTTP status, whether sending the same
 * request again may succeed, what kind of failure it is, and what it means. The tRPC error formatter,
 * the REST envelope, the OpenAPI document, the client's TablebookError, the web app's messages and the
 * CLI's exit codes are all derived from this table. Adding a reason is one entry here (plus its
 * translations in the web app, which typecheck demands).
 *
 * Each reason also declares its `details`: the facts of the refusal (the table, the restaurant's name,
 * the local day and times, the limit) as fields, sent beside the English `message` in the REST
 * envelope's and tRPC's error data, so a client can say it in its reader's language. Each issue code
 * of INVALID_INPUT declares its parameters the same way (ISSUE_CODES). Details never hold more than
 * the message says, and no ids.
 *
 * Browser-safe: it imports only import-free modules.
 */

import { OUTBOX_STATUSES, RESERVATION_STATUSES } from '@tablebook/db/statuses';
import {
  clock,
  day,
  flag,
  integer,
  list,
  number,
  oneOf,
  optional,
  text,
  texts,
  values,
  type DetailsOf,
  type Fields,
} from './error-details.ts';

/** The tRPC codes the catalog uses (a subset of TRPC_ERROR_CODE_KEY). */
type ErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'METHOD_NOT_SUPPORTED'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'UNPROCESSABLE_CONTENT'
  | 'TOO_MANY_REQUESTS'
  | 'INTERNAL_SERVER_ERROR'
  | 'SERVICE_UNAVAILABLE';

/**
 * What kind of failure: `invalid` (fix the request), `auth` (credentials or where it was sent),
 * `refused` (a rule said no), `missing` (no such thing), `limited` (slow down), `unavailable` (the
 * service is briefly down), `internal` (a fault on the server).
 */
export type ErrorCategory = 'invalid' | 'auth' | 'refused' | 'missing' | 'limited' | 'unavailable' | 'internal';

export interface ReasonEntry {
  code: ErrorCode;
  status: number;
  /** Sending the same request again, unchanged, may succeed (after Retry-After for a 429). */
  retryable: boolean;
  category: ErrorCategory;
  description: string;
  /** The fields of `data.details`; empty when the reason has nothing to name. */
  details: Fields;
}

type NoDetails = Record<never, never>;
type EntryOf<D extends Fields> = Omit<ReasonEntry, 'details'> & { details: D };

/** A reason's entry; the details' declaration keeps its literal type, so ReasonDetails can be derived from it. */
function entry(
  code: ErrorCode,
  status: number,
  category: ErrorCategory,
  description: string,
  options?: { retryable?: boolean },
): EntryOf<NoDetails>;
function entry<const D extends Fields>(
  code: ErrorCode,
  status: number,
  category: ErrorCategory,
  description: string,
  options: { retryable?: boolean; details: D },
): EntryOf<D>;
function entry(
  code: ErrorCode,
  status: number,
  category: ErrorCategory,
  description: string,
  options: { retryable?: boolean; details?: Fields } = {},
): ReasonEntry {
  return { code, status, retryable: options.retryable ?? false, category, description, details: options.details ?? {} };
}

// Fields several reasons share.
const restaurantName = text('The restaurant’s name.');
const table = text('The table’s label.');
const date = day('The day asked for, in the restaurant’s calendar (YYYY-MM-DD).');
const time = clock('The start asked for, on the restaurant’s clock (HH:MM).');
const from = optional(clock('Where the span starts, on the restaurant’s clock.'));
const to = optional(clock('Where the span ends, on the restaurant’s clock (earlier than `from` past midnight).'));
const partySize = integer('The party’s size.');
const status = oneOf(RESERVATION_STATUSES, 'A reservation’s status.');
const dailyLimit = {
  restaurantName,
  date,
  table: optional(table),
  limit: optional(integer('The daily limit reached (absent when the database refused it itself).')),
};

export const ERROR_CATALOG = {
  INVALID_INPUT: entry('BAD_REQUEST', 400, 'invalid', 'The request is malformed or a field is not valid; data.issues names each field.'),
  PAST_DATE: entry('BAD_REQUEST', 400, 'invalid', 'The day is before today in the restaurant’s time zone.', {
    details: { restaurantName, date, today: day('Today in the restaurant’s time zone.') },
  }),
  UNKNOWN_TABLE: entry('BAD_REQUEST', 400, 'invalid', 'The restaurant has no table with that label.', {
    details: { restaurantName, table },
  }),
  PARTY_TOO_LARGE: entry('BAD_REQUEST', 400, 'invalid', 'The table (or every table of the layout) seats fewer people than the party.', {
    details: {
      restaurantName,
      partySize,
      seats: integer('The seats of the table named, or of the largest table when none was named.'),
      table: optional(text('The table named; absent when the party fits no table of the layout.')),
    },
  }),
  OFF_SLOT: entry(
    'BAD_REQUEST',
    400,
    'invalid',
    'A guest’s time inside an opening range that is not on the restaurant’s slot grid (opens + k × slotMinutes).',
    {
      details: {
        restaurantName,
        date,
        time,
        slotMinutes: integer('Minutes between two starts.'),
        opens: clock('When the opening range opens: starts are opens + k × slotMinutes.'),
      },
    },
  ),
  TIME_NOT_OFFERED: entry('BAD_REQUEST', 400, 'invalid', 'A time of day at a restaurant that books whole days (it has no opening hours).', {
    details: { restaurantName },
  }),
  UNAUTHORIZED: entry('UNAUTHORIZED', 401, 'auth', 'An administration call without a valid Authorization: Bearer <admin token>.', {
    details: { token: oneOf(['missing', 'invalid'], 'No admin token was sent, or the one sent is not valid.') },
  }),
  INVALID_CANCELLATION_CODE: entry('FORBIDDEN', 403, 'refused', 'The cancellation code does not match the reservation.'),
  INVALID_CANCEL_TOKEN: entry(
    'FORBIDDEN',
    403,
    'refused',
    "The cancel link's token is not valid: it was altered, cut short, or signed by another Tablebook installation.",
  ),
  MESSAGE_NOT_DEAD: entry('CONFLICT', 409, 'refused', 'Only a message that ran out of attempts (dead) can be retried.', {
    details: {
      status: oneOf(
        OUTBOX_STATUSES.filter((status) => status !== 'dead'),
        "The message's status now.",
      ),
    },
  }),
  FORBIDDEN_HOST: entry(
    'FORBIDDEN',
    403,
    'auth',
    'The administration is open (no ADMIN_TOKEN), so the server answers only requests addressed to a loopback host.',
  ),
  NOT_FOUND: entry('NOT_FOUND', 404, 'missing', 'No such restaurant, reservation, webhook endpoint, message or path.', {
    details: { entity: oneOf(['restaurant', 'reservation', 'webhook', 'message', 'route'], 'What was not found.') },
  }),
  METHOD_NOT_ALLOWED: entry('METHOD_NOT_SUPPORTED', 405, 'invalid', 'The path exists but not with this method.'),
  TABLE_ALREADY_BOOKED: entry(
    'CONFLICT',
    409,
    'refused',
    'The table already has a reservation then (that day, or a time range that overlaps the turn).',
    {
      details: {
        restaurantName,
        table,
        date: day('The day of the reservation holding the table (the day asked for when only that is known).'),
        from,
        to,
        wholeDay: optional(flag('The table is held for the whole day.')),
      },
    },
  ),
  NO_TABLE_AVAILABLE: entry('CONFLICT', 409, 'refused', 'No table that seats the party is free for the whole turn.', {
    details: { restaurantName, partySize, date, from, to },
  }),
  CLOSED: entry(
    'CONFLICT',
    409,
    'refused',
    'The restaurant is not open at that time or on that date, or (for guests) the turn would run past closing.',
    {
      details: {
        restaurantName,
        date,
        why: oneOf(
          ['closedThatDay', 'closedThen', 'noSuchTime', 'pastClosing', 'endsTooLate'],
          'Closed all day; closed at that time; a time the clocks skip; a turn running past closing; a turn ending after the year 9999.',
        ),
        time: optional(time),
        ranges: optional(list({ opens: clock('Opens.'), closes: clock('Closes.') }, 'The day’s opening ranges (closedThen).')),
        closes: optional(clock('Closing time (pastClosing).')),
        durationMinutes: optional(integer('The turn’s length in minutes (pastClosing, endsTooLate).')),
      },
    },
  ),
  OUTSIDE_BOOKING_WINDOW: entry(
    'CONFLICT',
    409,
    'refused',
    'The start is already past, sooner than the restaurant’s minimum notice (minAdvanceMinutes), or further ahead than maxAdvanceDays.',
    {
      details: {
        restaurantName,
        date,
        time,
        why: oneOf(['started', 'tooSoon', 'tooFar'], 'Already past; inside the minimum notice; beyond the days bookable ahead.'),
        minAdvanceMinutes: optional(integer('The minimum notice in minutes (tooSoon).')),
        maxAdvanceDays: optional(integer('How many days ahead bookings open (tooFar).')),
        lastDay: optional(day('The last bookable day (tooFar).')),
      },
    },
  ),
  HAS_FUTURE_RESERVATIONS: entry(
    'CONFLICT',
    409,
    'refused',
    'A change of time zone or hours would leave future reservations outside the new hours.',
    {
      details: {
        restaurantName,
        change: oneOf(['hours', 'timeZone'], 'What the change was to.'),
        why: oneOf(
          ['outsideHours', 'noSuchTime', 'pacing', 'overlap'],
          'Reservations fall outside the new hours; their local times do not exist in the new zone (a daylight-saving gap); kept at their local times they would exceed the pacing, or overlap on one table.',
        ),
        timeZone: optional(text('The new time zone (pacing, overlap).')),
        reservations: optional(
          list(
            { date: day('Its day.'), time: clock('Its start.'), table },
            'The reservations in the way: outside the new hours (outsideHours), at a skipped time (noSuchTime), or overlapping (overlap).',
          ),
        ),
      },
    },
  ),
  GLOBAL_DAILY_LIMIT: entry('CONFLICT', 409, 'refused', 'The whole system has reached its daily limit of reservations for that day.', {
    details: dailyLimit,
  }),
  RESTAURANT_DAILY_LIMIT: entry('CONFLICT', 409, 'refused', 'The restaurant has reached its daily limit of reservations for that day.', {
    details: dailyLimit,
  }),
  PACING_LIMIT: entry(
    'CONFLICT',
    409,
    'refused',
    'The party would take more covers than the restaurant’s pacing lets start in that interval.',
    {
      details: {
        restaurantName,
        date: day('The interval’s day.'),
        from: optional(clock('Where the interval starts.')),
        to: optional(clock('Where the interval ends.')),
        coversLeft: optional(integer('Guests that may still start in the interval.')),
        maxCovers: optional(integer('Most guests starting in one interval.')),
        partySize: optional(partySize),
      },
    },
  ),
  TABLE_HAS_RESERVATIONS: entry('CONFLICT', 409, 'refused', 'A new layout drops or shrinks a table that future reservations need.', {
    details: {
      restaurantName,
      reservations: list(
        {
          table,
          date: day('Its day.'),
          time: optional(clock('Its start (absent for a whole day).')),
          partySize,
          seats: optional(integer('The table’s seats in the new layout (absent when the layout drops it).')),
        },
        'The future reservations that need a dropped or shrunk table.',
      ),
    },
  }),
  ALREADY_CANCELLED: entry('CONFLICT', 409, 'refused', 'The reservation is already cancelled.', {
    details: {
      table,
      date: day('Its day.'),
      time: optional(clock('Its start (absent for a whole day).')),
      restaurantName: optional(restaurantName),
    },
  }),
  ALREADY_OVER: entry(
    'CONFLICT',
    409,
    'refused',
    'A guest cannot cancel a reservation that is already over: a timed one whose turn has ended, a whole day once that day has passed, in the restaurant’s time zone.',
    {
      details: {
        restaurantName,
        table,
        date: day('Its day.'),
        time: optional(clock('Its start (absent for a whole day).')),
      },
    },
  ),
  ILLEGAL_STATUS_CHANGE: entry('CONFLICT', 409, 'refused', 'The reservation’s status cannot change that way.', {
    details: {
      from: status,
      to: status,
      allowed: optional(
        texts('The statuses it may go to (empty: its status is final; absent for a guest’s cancel, and when it is too early to seat it).'),
      ),
      restaurantName: optional(restaurantName),
      table: optional(table),
      date: optional(day('Its day.')),
      time: optional(clock('Its start (absent for a whole day).')),
      startsAt: optional(clock('Its start, when it is too early to seat it.')),
      seatableFrom: optional(clock('When it may be seated, when it is too early to seat it.')),
      seatableFromDate: optional(
        day('The day `seatableFrom` falls on, when it is not the reservation’s own day (a start just after midnight).'),
      ),
    },
  }),
  NOT_MOVABLE: entry('CONFLICT', 409, 'refused', 'Only a confirmed reservation can change its day, table or party size.', {
    details: { status },
  }),
  PAYLOAD_TOO_LARGE: entry('PAYLOAD_TOO_LARGE', 413, 'invalid', 'The request body is larger than 64 KiB.'),
  UNSUPPORTED_MEDIA_TYPE: entry('UNSUPPORTED_MEDIA_TYPE', 415, 'invalid', 'The request body is not application/json.'),
  IDEMPOTENCY_KEY_REUSED: entry('UNPROCESSABLE_CONTENT', 422, 'invalid', 'The Idempotency-Key was already used for a different request.'),
  RATE_LIMITED: entry(
    'TOO_MANY_REQUESTS',
    429,
    'limited',
    'Too many calls (or live streams) from this address; wait Retry-After seconds.',
    {
      retryable: true,
      details: {
        what: oneOf(['requests', 'streams'], 'Too many calls, or too many live streams open.'),
        retryAfterSeconds: integer('Seconds to wait (also the Retry-After header).'),
      },
    },
  ),
  INTERNAL_ERROR: entry(
    'INTERNAL_SERVER_ERROR',
    500,
    'internal',
    'An unexpected failure (a fault to report, not to retry); the server log has the detail under data.requestId.',
  ),
  SERVICE_UNAVAILABLE: entry(
    'SERVICE_UNAVAILABLE',
    503,
    'unavailable',
    'The database cannot be reached or took too long, or the server is not ready.',
    { retryable: true },
  ),
} as const satisfies Record<string, ReasonEntry>;

/** Machine-readable reasons, one per way a call can fail; clients branch on these, not on messages. */
export type ErrorReason = keyof typeof ERROR_CATALOG;

export const ERROR_REASONS = Object.keys(ERROR_CATALOG) as ErrorReason[];

/**
 * The codes of INVALID_INPUT's issues (`data.issues[].code`) and the parameters each carries beside
 * `path` and `message`: zod's own codes with their parameters, and Tablebook's for the checks a schema
 * refinement or a service makes (a refinement names its code in `params.code`).
 */
export const ISSUE_CODES = {
  invalid_type: { expected: text('The type the field takes; "never" for a field not accepted there.') },
  too_big: {
    origin: text('What is measured: "number", "int", "string" (its length), "array" (its items)...'),
    maximum: number('The largest value (or length, or count) allowed.'),
    inclusive: optional(flag('The maximum itself is allowed.')),
  },
  too_small: {
    origin: text('What is measured: "number", "int", "string" (its length), "array" (its items)...'),
    minimum: number('The smallest value (or length, or count) allowed.'),
    inclusive: optional(flag('The minimum itself is allowed.')),
  },
  invalid_format: { format: text('The format expected: "date", "guid", "email", "url", "regex"...') },
  not_multiple_of: { divisor: number('What the value must be a multiple of.') },
  unrecognized_keys: { keys: texts('The keys not accepted.') },
  invalid_union: {},
  invalid_key: {},
  invalid_element: {},
  invalid_value: { values: values('The values it may take.') },
  custom: {},
  unstorable_text: {},
  not_allowed_characters: {},
  malformed_request: {},
  unknown_city: { cityId: integer('The city id given.') },
  pacing_needs_hours: {},
  table_required: {},
  time_required: {},
  code_or_token: {},
  webhook_url_invalid: {},
  webhook_url_scheme: {},
  webhook_url_userinfo: {},
  webhook_url_host: {},
  webhook_url_private: {},
  webhook_url_unresolved: {},
  whole_days_only: {},
  not_in_layout: { table },
  too_many_guests: {
    seats: integer('The seats of the table named, or of the largest table.'),
    table: optional(text('The table named.')),
  },
  before_today: { today: day('Today in the restaurant’s time zone.') },
  outside_new_hours: { date: day('Its day.'), time: clock('Its start.'), table },
  no_such_time_in_new_zone: { date: day('Its day.'), time: clock('Its start, a local time the new zone skips.'), table },
  zone_exceeds_pacing: {},
  zone_overlaps: { date: optional(day('Its day.')), time: optional(clock('Its start.')), table: optional(table) },
  zone_disagrees: { timeZone: text('The zone whose rules the database and the server disagree about.') },
  table_booked: {
    table,
    date: day('Its day.'),
    time: optional(clock('Its start (absent for a whole day).')),
    partySize,
    seats: optional(integer('The table’s seats in the new layout (absent when the layout drops it).')),
  },
  cancel_or_move: {},
  turn_needs_time: {},
  contact_required: {},
  phone_digits: { minimum: integer('Fewest digits.'), maximum: integer('Most digits.') },
  unknown_time_zone: {},
  ranges_overlap: {},
  listed_twice: { value: text('The value listed more than once.') },
  not_ascending: {},
  date_or_range: {},
  required_with: { with: text('The field it is required with.') },
  range_too_long: { maximum: integer('Most days a range covers.') },
  ends_before_start: {},
  limit_required: {},
} as const satisfies Record<string, Fields>;

export type IssueCode = keyof typeof ISSUE_CODES;

export const ISSUE_CODE_NAMES = Object.keys(ISSUE_CODES) as IssueCode[];

export const isIssueCode = (value: unknown): value is IssueCode => typeof value === 'string' && Object.hasOwn(ISSUE_CODES, value);

/** What `data.details` holds for a reason, as declared above. */
export type ReasonDetails<R extends ErrorReason> = DetailsOf<(typeof ERROR_CATALOG)[R]['details']>;

export const isErrorReason = (value: unknown): value is ErrorReason => typeof value === 'string' && Object.hasOwn(ERROR_CATALOG, value);

/** The reason for a failure that carries none of its own (a framework error), from its tRPC code. */
export function reasonForCode(code: string): ErrorReason {
  switch (code) {
    case 'BAD_REQUEST':
    case 'PARSE_ERROR':
    case 'UNPROCESSABLE_CONTENT':
      return 'INVALID_INPUT';
    case 'NOT_FOUND':
      return 'NOT_FOUND';
    case 'UNSUPPORTED_MEDIA_TYPE':
      return 'UNSUPPORTED_MEDIA_TYPE';
    case 'PAYLOAD_TOO_LARGE':
      return 'PAYLOAD_TOO_LARGE';
    case 'METHOD_NOT_SUPPORTED':
      return 'METHOD_NOT_ALLOWED';
    case 'SERVICE_UNAVAILABLE':
      return 'SERVICE_UNAVAILABLE';
    case 'UNAUTHORIZED':
      return 'UNAUTHORIZED';
    case 'TOO_MANY_REQUESTS':
      return 'RATE_LIMITED';
    default:
      return 'INTERNAL_ERROR';
  }
}

/** The reason for an HTTP error status raised before any procedure ran (Fastify's own 4xx). */
export function reasonForStatus(status: number): ErrorReason {
  if (status === 404) return 'NOT_FOUND';
  if (status === 405) return 'METHOD_NOT_ALLOWED';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 415) return 'UNSUPPORTED_MEDIA_TYPE';
  if (status === 503) return 'SERVICE_UNAVAILABLE';
  if (status >= 400 && status < 500) return 'INVALID_INPUT';
  return 'INTERNAL_ERROR';
}
