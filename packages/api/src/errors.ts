import { TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import type { BookingRefusal } from './rules/booking.ts';

/** Machine-readable reasons, one per way a call can fail; clients branch on these, not on messages. */
export type ErrorReason =
  | 'INVALID_INPUT'
  | 'NOT_FOUND'
  | 'PAST_DATE'
  | BookingRefusal
  | 'UNKNOWN_TABLE'
  | 'PARTY_TOO_LARGE'
  | 'TABLE_HAS_RESERVATIONS'
  | 'ALREADY_CANCELLED'
  | 'ILLEGAL_STATUS_CHANGE'
  | 'NOT_MOVABLE'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'UNAUTHORIZED'
  | 'INVALID_CANCELLATION_CODE'
  | 'RATE_LIMITED'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'PAYLOAD_TOO_LARGE'
  | 'METHOD_NOT_ALLOWED'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_ERROR';

export interface IssueDetail {
  /** Dotted path of the offending field ("cityId"), empty for the whole input. */
  path: string;
  message: string;
}

/** A failure the caller caused or can act on, with the reason both transports render. */
export class AppError extends TRPCError {
  readonly reason: ErrorReason;
  readonly issues: IssueDetail[] | undefined;
  /** For 429: seconds the caller should wait (sent as Retry-After). */
  readonly retryAfterSeconds: number | undefined;

  constructor(options: {
    code: TRPC_ERROR_CODE_KEY;
    reason: ErrorReason;
    message: string;
    issues?: IssueDetail[];
    cause?: unknown;
    retryAfterSeconds?: number;
  }) {
    super({ code: options.code, message: options.message, cause: options.cause });
    this.retryAfterSeconds = options.retryAfterSeconds;
    // Left as "TRPCError": adapters recognise tRPC errors by name across module copies.
    this.reason = options.reason;
    this.issues = options.issues;
  }
}

export const notFound = (message: string) => new AppError({ code: 'NOT_FOUND', reason: 'NOT_FOUND', message });

export const invalidInput = (issues: IssueDetail[]) =>
  new AppError({ code: 'BAD_REQUEST', reason: 'INVALID_INPUT', message: describeIssues(issues), issues });

export function describeIssues(issues: readonly IssueDetail[]): string {
  if (issues.length === 0) return 'Invalid input';
  return `Invalid input: ${issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join('; ')}`;
}

/** The reason for an error that is not an AppError, from its tRPC code. */
export function reasonForCode(code: TRPC_ERROR_CODE_KEY): ErrorReason {
  switch (code) {
    case 'BAD_REQUEST':
    case 'PARSE_ERROR':
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
    case 'UNPROCESSABLE_CONTENT':
      return 'INVALID_INPUT';
    case 'UNAUTHORIZED':
      return 'UNAUTHORIZED';
    case 'TOO_MANY_REQUESTS':
      return 'RATE_LIMITED';
    default:
      return 'INTERNAL_ERROR';
  }
}

interface ZodLikeIssue {
  path: readonly PropertyKey[];
  message: string;
}

/** zod issues as `{path, message}` with dotted paths. */
export function issuesFromZod(issues: readonly ZodLikeIssue[]): IssueDetail[] {
  return issues.map((issue) => ({
    path: issue.path.map((segment) => String(segment)).join('.'),
    message: issue.message,
  }));
}

export function zodIssuesOf(error: unknown): ZodLikeIssue[] | undefined {
  if (error && typeof error === 'object' && (error as { name?: unknown }).name === 'ZodError') {
    const issues = (error as { issues?: unknown }).issues;
    if (Array.isArray(issues)) return issues as ZodLikeIssue[];
  }
  return undefined;
}
