import { ERROR_CATALOG, isErrorReason, type ErrorData, type ErrorReason, type IssueDetail } from '@tablebook/api/shared';
import { TRPCClientError } from '@trpc/client';

/** Why a call failed, as the interface needs it. NETWORK: the server could not be reached at all. */
export type ProblemReason = ErrorReason | 'NETWORK';

/**
 * A reason a newer server sends that this build's catalog does not have yet: the interface shows it
 * with a general title above the server's own message, and does not retry it.
 */
type UnknownReason = string & { readonly unknownReason?: never };

export interface ApiProblem {
  reason: ProblemReason | UnknownReason;
  /** The server's own message: precise, naming the table, restaurant and day where it applies. */
  message: string;
  issues: IssueDetail[];
  httpStatus: number | undefined;
  requestId: string | undefined;
  /** The answer's Retry-After in seconds (a 429 carries one): not worth trying again sooner. */
  retryAfterSeconds: number | undefined;
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
        retryAfterSeconds: retryAfterOf(error.meta?.['response']),
      };
    }
    // No error body: the request never got an answer from the API (offline, server down, proxy error).
    return {
      reason: 'NETWORK',
      message: error.message,
      issues: [],
      httpStatus: undefined,
      requestId: undefined,
      retryAfterSeconds: undefined,
    };
  }
  return {
    reason: 'INTERNAL_ERROR',
    message: error instanceof Error ? error.message : String(error),
    issues: [],
    httpStatus: undefined,
    requestId: undefined,
    retryAfterSeconds: undefined,
  };
}

/** Retry-After in seconds: a number of seconds, or an HTTP date. */
function retryAfterOf(response: unknown): number | undefined {
  const value = response instanceof Response ? response.headers.get('retry-after')?.trim() : undefined;
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/** A reason the interface has a title for: every reason of the error catalog, and NETWORK. */
export const isTitledReason = (reason: string): reason is ProblemReason => reason === 'NETWORK' || isErrorReason(reason);

/**
 * Worth trying again: no answer at all, or what the error catalog calls retryable (an outage or a rate
 * limit); the same meaning as the client's TablebookError.retryable.
 */
export function isTransient(problem: ApiProblem): boolean {
  return problem.reason === 'NETWORK' || (isErrorReason(problem.reason) && ERROR_CATALOG[problem.reason].retryable);
}
