import {
  ERROR_CATALOG,
  ISSUE_CODES,
  isErrorReason,
  isIssueCode,
  matchesFields,
  type AnyReasonDetails,
  type ErrorData,
  type ErrorReason,
  type IssueDetail,
} from '@tablebook/api/shared';
import { TRPCClientError } from '@trpc/client';

/** Why a call failed, as the interface needs it. NETWORK: the server could not be reached at all. */
export type ProblemReason = ErrorReason | 'NETWORK';

/**
 * A reason a newer server sends that this build's catalog does not have yet: the interface shows it
 * with general words, and does not retry it.
 */
type UnknownReason = string & { readonly unknownReason?: never };

/**
 * What the interface knows of a failure. The server's English `message` is left out on purpose: the
 * words come from the reason and its details, in the reader's language (i18n/refusals.ts).
 */
export interface ApiProblem {
  reason: ProblemReason | UnknownReason;
  /** The refusal's facts as the catalog declares them for `reason`; undefined when absent or not as declared. */
  details: AnyReasonDetails | undefined;
  /** Each with a code this build knows (an unknown or malformed one reads as `custom`). */
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
        details: trustedDetails(data.reason, data.details),
        issues: Array.isArray(data.issues) ? data.issues.map(knownIssue) : [],
        httpStatus: data.httpStatus,
        requestId: data.requestId,
        retryAfterSeconds: retryAfterOf(error.meta?.['response']),
      };
    }
    // No error body: the request never got an answer from the API (offline, server down, proxy error).
    return {
      reason: 'NETWORK',
      details: undefined,
      issues: [],
      httpStatus: undefined,
      requestId: undefined,
      retryAfterSeconds: undefined,
    };
  }
  return {
    reason: 'INTERNAL_ERROR',
    details: undefined,
    issues: [],
    httpStatus: undefined,
    requestId: undefined,
    retryAfterSeconds: undefined,
  };
}

/** Details the catalog declares for the reason, or none: a server of another version may send others. */
function trustedDetails(reason: string, details: unknown): AnyReasonDetails | undefined {
  return isErrorReason(reason) && matchesFields(ERROR_CATALOG[reason].details, details) ? (details as AnyReasonDetails) : undefined;
}

/** An issue as this build can word it: its code and parameters as declared, else `custom` on its path. */
function knownIssue(issue: unknown): IssueDetail {
  const record = issue && typeof issue === 'object' ? (issue as Record<string, unknown>) : {};
  const path = typeof record['path'] === 'string' ? record['path'] : '';
  const message = typeof record['message'] === 'string' ? record['message'] : '';
  const code = record['code'];
  if (isIssueCode(code) && matchesFields(ISSUE_CODES[code], record)) return { ...record, path, message, code } as IssueDetail;
  return { path, message, code: 'custom' };
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
