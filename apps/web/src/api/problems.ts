import type { ErrorData, ErrorReason, IssueDetail } from '@tablebook/api/shared';
import { TRPCClientError } from '@trpc/client';

/** Why a call failed, as the interface needs it. NETWORK: the server could not be reached at all. */
export type ProblemReason = ErrorReason | 'NETWORK';

export interface ApiProblem {
  reason: ProblemReason;
  /** The server's own message: precise, naming the table, restaurant and day where it applies. */
  message: string;
  issues: IssueDetail[];
  httpStatus: number | undefined;
  requestId: string | undefined;
}

function errorDataOf(error: TRPCClientError<never>): Partial<ErrorData> | undefined {
  const data: unknown = error.data;
  return data && typeof data === 'object' ? (data as Partial<ErrorData>) : undefined;
}

/** Reads any thrown value into an ApiProblem; the server's error shape is described by ErrorData. */
export function problemOf(error: unknown): ApiProblem {
  if (error instanceof TRPCClientError) {
    const data = errorDataOf(error);
    if (data?.reason) {
      return {
        reason: data.reason,
        message: error.message,
        issues: data.issues ?? [],
        httpStatus: data.httpStatus,
        requestId: data.requestId,
      };
    }
    // No error body: the request never got an answer from the API (offline, server down, proxy error).
    return { reason: 'NETWORK', message: error.message, issues: [], httpStatus: undefined, requestId: undefined };
  }
  return {
    reason: 'INTERNAL_ERROR',
    message: error instanceof Error ? error.message : String(error),
    issues: [],
    httpStatus: undefined,
    requestId: undefined,
  };
}

/**
 * The reasons this interface titles in its own words. The API may learn new ones before the app
 * does; those are shown with a general title above the server's own message.
 */
export const TITLED_REASONS = [
  'INVALID_INPUT',
  'NOT_FOUND',
  'PAST_DATE',
  'TABLE_ALREADY_BOOKED',
  'GLOBAL_DAILY_LIMIT',
  'RESTAURANT_DAILY_LIMIT',
  'UNKNOWN_TABLE',
  'PARTY_TOO_LARGE',
  'TABLE_HAS_RESERVATIONS',
  'ALREADY_CANCELLED',
  'ILLEGAL_STATUS_CHANGE',
  'NOT_MOVABLE',
  'IDEMPOTENCY_KEY_REUSED',
  'UNAUTHORIZED',
  'INVALID_CANCELLATION_CODE',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_ERROR',
  'NETWORK',
] as const satisfies readonly ProblemReason[];
export type TitledReason = (typeof TITLED_REASONS)[number];

export const isTitledReason = (reason: ProblemReason): reason is TitledReason => (TITLED_REASONS as readonly string[]).includes(reason);

/** Worth trying again: the network, an outage or a server fault, not a refusal of what was asked. */
export function isTransient(problem: ApiProblem): boolean {
  return problem.reason === 'NETWORK' || problem.reason === 'SERVICE_UNAVAILABLE' || problem.reason === 'INTERNAL_ERROR';
}
