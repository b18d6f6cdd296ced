// What browsers and scripts may import at run time: zod schemas and pure rules, nothing that reaches
// the database or the server. `@tablebook/api` itself is for types (AppRouter) outside the server.
export * from './schemas/index.ts';
export { DEFAULT_TABLE_LABELS } from './rules/tables.ts';
export { todayIn, isBefore, isKnownTimeZone } from './rules/calendar.ts';
export { remainingCapacity, bookableCount, firstBrokenRule } from './rules/booking.ts';
export { DEFAULT_TURN_TIMES, SLOT_MINUTES, openRangesOn, turnMinutesFor } from './rules/opening-hours.ts';
export { WEEKDAYS, weekdayOf, formatZoned, localDateTimeOf, instantOf } from './rules/zoned-time.ts';
export type { Weekday } from './rules/zoned-time.ts';
export { SLOT_REFUSALS } from './rules/slots.ts';
export { allowedNextStatuses, canChangeStatus, isMovable, RESERVATION_STATUSES } from './rules/status.ts';
export type { ReservationStatus } from './rules/status.ts';
export type { BookingRefusal, DailyLimits, RemainingCapacity } from './rules/booking.ts';
export { ERROR_CATALOG, ERROR_REASONS, ISSUE_CODES, ISSUE_CODE_NAMES, isErrorReason, isIssueCode } from './error-catalog.ts';
export type { ErrorReason, ErrorCategory, IssueCode, ReasonDetails, ReasonEntry } from './error-catalog.ts';
export { matchesFields, undeclaredKeys } from './error-details.ts';
export type { Field, Fields } from './error-details.ts';
export type { AnyReasonDetails, IssueDetail } from './errors.ts';
export type { ErrorData } from './trpc.ts';
