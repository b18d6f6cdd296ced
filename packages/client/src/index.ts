export { createClient } from './create-client.ts';
export type { ClientOptions, TablebookClient } from './create-client.ts';
export { TablebookError } from './errors.ts';
export type { ClientFailureReason, TablebookErrorCategory, TablebookErrorDetails, TablebookErrorReason } from './errors.ts';
export { DEFAULT_RETRY_OPTIONS, isTransientFailure } from './retry.ts';
export type { RetryOptions } from './retry.ts';
export type { Fetch } from './transport.ts';
export type { AppRouter, City, Reservation, Restaurant, RouterInputs, RouterOutputs } from './types.ts';
export type { ErrorCategory, ErrorReason, IssueDetail } from '@tablebook/api/shared';
