import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from './root.ts';

export { appRouter, restOperations } from './root.ts';
export type { AppRouter, RestOperation } from './root.ts';
export { createCallerFactory, assertAdmin } from './trpc.ts';
// Meta is in AppRouter's type: the web's tRPC hooks and clients, whose types are inferred from it, need it nameable.
export type { Meta } from './contract.ts';
export { methodTakesBody, takesBody } from './contract.ts';
export { createContext } from './context.ts';
export type { Context, BookingSettings, BookingOutcome } from './context.ts';
export { AppError } from './errors.ts';
export type { AnyReasonDetails, IssueDetail } from './errors.ts';
export { presentError } from './present-error.ts';
export { ERROR_CATALOG, ERROR_REASONS, reasonForStatus } from './error-catalog.ts';
export type { ErrorReason } from './error-catalog.ts';
export { purgeExpiredIdempotencyKeys } from './services/idempotency.ts';
export { adoptConfiguredLimits, getStoredLimits, updateStoredLimits } from './services/settings.ts';
export { isKnownTimeZone } from './rules/calendar.ts';
export { DEFAULT_TABLE_LABELS } from './rules/tables.ts';
// The document's error examples name the same restaurant and day as its operations' examples.
export { exampleIds, exampleRestaurant } from './examples.ts';

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export { checkAdminAccess, parseAdminTokens } from './auth.ts';
export { WindowRateLimiter, defaultRateLimits } from './rate-limit.ts';
export type { RateLimiter, RateLimits } from './rate-limit.ts';
export { ReservationEventHub } from './events/hub.ts';
export { StreamSlots } from './events/stream-slots.ts';
export { newWebhookSecret, signWebhook } from './rules/webhook-signature.ts';
export { checkWebhookAddress } from './services/webhook-address.ts';
export type { WebhookAddressCheck } from './services/webhook-address.ts';
export { isPrivateAddress } from './rules/webhook-url.ts';
export { createOutboxSender } from './outbox/sender.ts';
export type { OutboxObserver, OutboxOutcome, OutboxSender, OutboxSenderOptions, RunSummary, SenderLogger } from './outbox/sender.ts';
export type { EmailTransport, OutgoingEmail, WebhookRequest, WebhookTransport } from './outbox/transports.ts';
export { queueFigures } from './outbox/claim.ts';
export { signCancelToken, verifyCancelToken } from './rules/cancel-token.ts';
export { cancelTokenKey } from './services/app-secrets.ts';
