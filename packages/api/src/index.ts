import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from './root.ts';

export { appRouter, procedureMeta } from './root.ts';
export type { AppRouter } from './root.ts';
export { createCallerFactory, assertAdmin } from './trpc.ts';
export type { Meta, ErrorData } from './trpc.ts';
export { createContext, defaultBookingSettings } from './context.ts';
export type { Context, BookingSettings, BookingOutcome, ContextLogger, CreateContextOptions, RequestObserver } from './context.ts';
export { AppError, describeIssues, issuesFromZod } from './errors.ts';
export { purgeExpiredIdempotencyKeys, IDEMPOTENCY_RETENTION_HOURS } from './services/idempotency.ts';
export type { ErrorReason, IssueDetail } from './errors.ts';
export { todayIn, isKnownTimeZone } from './rules/calendar.ts';
export { DEFAULT_TABLE_LABELS } from './rules/tables.ts';
export { firstBrokenRule, remainingCapacity, bookableCount } from './rules/booking.ts';
export type { BookingRefusal, DailyLimits, DayLoad } from './rules/booking.ts';

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export { checkAdminAccess, parseAdminTokens } from './auth.ts';
export type { AdminAccess } from './auth.ts';
export { WindowRateLimiter, defaultRateLimits } from './rate-limit.ts';
export type { RateLimiter, RateLimits, RateLimitBucket, RateLimitVerdict } from './rate-limit.ts';
export { ReservationEventHub, EVENT_BACKLOG_HOURS } from './events/hub.ts';
export { StreamSlots } from './events/stream-slots.ts';
export { openEventStream, toAdminEvent, toPublicEvent } from './events/stream.ts';
export type { StreamRequest } from './events/stream.ts';
export { eventStreamInput } from './schemas/events.ts';
export type { ReservationEventOutput, PublicEventOutput } from './schemas/events.ts';
