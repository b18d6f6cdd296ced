/**
 * Every reason a call can fail with, once: its tRPC code, its HTTP status, whether sending the same
 * request again may succeed, what kind of failure it is, and what it means. The tRPC error formatter,
 * the REST envelope, the OpenAPI document, the client's TablebookError, the web app's messages and the
 * CLI's exit codes are all derived from this table. Adding a reason is one entry here (plus its
 * translations in the web app, which typecheck demands).
 *
 * Browser-safe: no imports.
 */

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
}

const entry = (code: ErrorCode, status: number, category: ErrorCategory, description: string, retryable = false): ReasonEntry => ({
  code,
  status,
  retryable,
  category,
  description,
});

export const ERROR_CATALOG = {
  INVALID_INPUT: entry('BAD_REQUEST', 400, 'invalid', 'The request is malformed or a field is not valid; data.issues names each field.'),
  PAST_DATE: entry('BAD_REQUEST', 400, 'invalid', 'The day is before today in the restaurant’s time zone.'),
  UNKNOWN_TABLE: entry('BAD_REQUEST', 400, 'invalid', 'The restaurant has no table with that label.'),
  PARTY_TOO_LARGE: entry('BAD_REQUEST', 400, 'invalid', 'The table (or every table of the layout) seats fewer people than the party.'),
  OFF_SLOT: entry(
    'BAD_REQUEST',
    400,
    'invalid',
    'A guest’s time inside an opening range that is not on the restaurant’s slot grid (opens + k × slotMinutes).',
  ),
  TIME_NOT_OFFERED: entry('BAD_REQUEST', 400, 'invalid', 'A time of day at a restaurant that books whole days (it has no opening hours).'),
  UNAUTHORIZED: entry('UNAUTHORIZED', 401, 'auth', 'An administration call without a valid Authorization: Bearer <admin token>.'),
  INVALID_CANCELLATION_CODE: entry('FORBIDDEN', 403, 'refused', 'The cancellation code does not match the reservation.'),
  FORBIDDEN_HOST: entry(
    'FORBIDDEN',
    403,
    'auth',
    'The administration is open (no ADMIN_TOKEN), so the server answers only requests addressed to a loopback host.',
  ),
  NOT_FOUND: entry('NOT_FOUND', 404, 'missing', 'No such restaurant, reservation or path.'),
  METHOD_NOT_ALLOWED: entry('METHOD_NOT_SUPPORTED', 405, 'invalid', 'The path exists but not with this method.'),
  TABLE_ALREADY_BOOKED: entry(
    'CONFLICT',
    409,
    'refused',
    'The table already has a reservation then (that day, or a time range that overlaps the turn).',
  ),
  NO_TABLE_AVAILABLE: entry('CONFLICT', 409, 'refused', 'No table that seats the party is free for the whole turn.'),
  CLOSED: entry(
    'CONFLICT',
    409,
    'refused',
    'The restaurant is not open at that time or on that date, or (for guests) the turn would run past closing.',
  ),
  OUTSIDE_BOOKING_WINDOW: entry(
    'CONFLICT',
    409,
    'refused',
    'The start is already past, sooner than the restaurant’s minimum notice (minAdvanceMinutes), or further ahead than maxAdvanceDays.',
  ),
  HAS_FUTURE_RESERVATIONS: entry(
    'CONFLICT',
    409,
    'refused',
    'A change of time zone or hours would leave future reservations outside the new hours.',
  ),
  GLOBAL_DAILY_LIMIT: entry('CONFLICT', 409, 'refused', 'The whole system has reached its daily limit of reservations for that day.'),
  RESTAURANT_DAILY_LIMIT: entry('CONFLICT', 409, 'refused', 'The restaurant has reached its daily limit of reservations for that day.'),
  PACING_LIMIT: entry(
    'CONFLICT',
    409,
    'refused',
    'The party would take more covers than the restaurant’s pacing lets start in that interval.',
  ),
  TABLE_HAS_RESERVATIONS: entry('CONFLICT', 409, 'refused', 'A new layout drops or shrinks a table that future reservations need.'),
  ALREADY_CANCELLED: entry('CONFLICT', 409, 'refused', 'The reservation is already cancelled.'),
  ILLEGAL_STATUS_CHANGE: entry('CONFLICT', 409, 'refused', 'The reservation’s status cannot change that way.'),
  NOT_MOVABLE: entry('CONFLICT', 409, 'refused', 'Only a confirmed reservation can change its day, table or party size.'),
  PAYLOAD_TOO_LARGE: entry('PAYLOAD_TOO_LARGE', 413, 'invalid', 'The request body is larger than 64 KiB.'),
  UNSUPPORTED_MEDIA_TYPE: entry('UNSUPPORTED_MEDIA_TYPE', 415, 'invalid', 'The request body is not application/json.'),
  IDEMPOTENCY_KEY_REUSED: entry('UNPROCESSABLE_CONTENT', 422, 'invalid', 'The Idempotency-Key was already used for a different request.'),
  RATE_LIMITED: entry(
    'TOO_MANY_REQUESTS',
    429,
    'limited',
    'Too many calls (or live streams) from this address; wait Retry-After seconds.',
    true,
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
    true,
  ),
} as const satisfies Record<string, ReasonEntry>;

/** Machine-readable reasons, one per way a call can fail; clients branch on these, not on messages. */
export type ErrorReason = keyof typeof ERROR_CATALOG;

export const ERROR_REASONS = Object.keys(ERROR_CATALOG) as ErrorReason[];

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
