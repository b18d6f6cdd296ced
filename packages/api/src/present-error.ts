import { TRPCError } from '@trpc/server';
import { databaseFailure } from './database-failures.ts';
import { ERROR_CATALOG, reasonForCode, type ErrorReason } from './error-catalog.ts';
import { AppError, describeIssues, issuesFromZod, zodIssuesOf, type AnyReasonDetails, type IssueDetail } from './errors.ts';

/** An error as every transport shows it: the envelope, tRPC's error data and the logs all read this. */
export interface PresentedError {
  reason: ErrorReason;
  status: number;
  code: string;
  /** In English, for API users and logs (the seed's contract); clients render `reason` and `details`. */
  message: string;
  /** The refusal's facts as the catalog declares them for `reason`; absent when there are none to name. */
  details?: AnyReasonDetails;
  issues?: IssueDetail[];
  retryAfterSeconds?: number;
}

/**
 * The one reading of a thrown value: an AppError keeps its reason; a zod failure of a procedure's input
 * is INVALID_INPUT with its issues; any other tRPC error gets the reason of its code; an internal
 * error's message never leaves the server (it names the request id instead).
 */
export function presentError(error: unknown, requestId: string): PresentedError {
  let reason: ErrorReason;
  let message = error instanceof Error ? error.message : 'Request failed';
  let issues: IssueDetail[] | undefined;
  let details: AnyReasonDetails | undefined;
  let retryAfterSeconds: number | undefined;
  // Only an input that failed its schema is the caller's doing; a failed output check (INTERNAL_SERVER_ERROR
  // with a ZodError as cause) is the server's fault and must stay a 500 that names no field.
  const zodIssues = error instanceof TRPCError && error.code === 'BAD_REQUEST' ? zodIssuesOf(error.cause) : undefined;
  if (error instanceof AppError) {
    reason = error.reason;
    details = error.details;
    issues = error.issues;
    retryAfterSeconds = error.retryAfterSeconds;
  } else if (zodIssues) {
    reason = 'INVALID_INPUT';
    issues = issuesFromZod(zodIssues);
    message = describeIssues(issues);
  } else {
    const mapped = databaseFailure(error instanceof TRPCError ? (error.cause ?? error) : error);
    if (mapped) return presentError(mapped, requestId);
    reason = error instanceof TRPCError ? reasonForCode(error.code) : 'INTERNAL_ERROR';
    // tRPC's own refusals, said as REST says Fastify's: an unknown procedure is a route not found, and
    // a body it could not read (bad JSON, a batch it cannot parse) one malformed_request issue.
    if (reason === 'NOT_FOUND') details = { entity: 'route' };
    if (reason === 'INVALID_INPUT') {
      issues = [{ path: '', message, code: 'malformed_request' }];
      message = describeIssues(issues);
    }
  }
  if (reason === 'INTERNAL_ERROR') {
    message = `Internal server error (request id ${requestId})`;
    details = undefined;
  }
  const { status, code } = ERROR_CATALOG[reason];
  return {
    reason,
    status,
    code,
    message,
    ...(details && Object.keys(details).length > 0 ? { details } : {}),
    ...(issues ? { issues } : {}),
    ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
  };
}
