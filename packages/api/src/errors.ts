import { TRPCError } from '@trpc/server';
import { ERROR_CATALOG, type ErrorReason } from './error-catalog.ts';

export type { ErrorReason } from './error-catalog.ts';

export interface IssueDetail {
  /** Dotted path of the offending field ("cityId"), empty for the whole input. */
  path: string;
  message: string;
}

/** A failure the caller caused or can act on, with the reason both transports render; its tRPC code comes from the catalog. */
export class AppError extends TRPCError {
  readonly reason: ErrorReason;
  readonly issues: IssueDetail[] | undefined;
  /** For 429: seconds the caller should wait (sent as Retry-After). */
  readonly retryAfterSeconds: number | undefined;

  constructor(options: { reason: ErrorReason; message: string; issues?: IssueDetail[]; cause?: unknown; retryAfterSeconds?: number }) {
    super({ code: ERROR_CATALOG[options.reason].code, message: options.message, cause: options.cause });
    // Left as "TRPCError": adapters recognise tRPC errors by name across module copies.
    this.reason = options.reason;
    this.issues = options.issues;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export const notFound = (message: string) => new AppError({ reason: 'NOT_FOUND', message });

export const invalidInput = (issues: IssueDetail[]) => new AppError({ reason: 'INVALID_INPUT', message: describeIssues(issues), issues });

export function describeIssues(issues: readonly IssueDetail[]): string {
  if (issues.length === 0) return 'Invalid input';
  return `Invalid input: ${issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join('; ')}`;
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
