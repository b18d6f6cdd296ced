import { TRPCError } from '@trpc/server';
import { ERROR_CATALOG, ISSUE_CODES, isIssueCode, type ErrorReason, type IssueCode, type ReasonDetails } from './error-catalog.ts';
import { declaredOnly, matchesFields, type DetailsOf } from './error-details.ts';

export type { ErrorReason } from './error-catalog.ts';

type IssueOf<C extends IssueCode> = {
  /** Dotted path of the offending field ("cityId"), empty for the whole input. */
  path: string;
  /** In English, for API users and logs; clients render `code` and its parameters instead. */
  message: string;
  code: C;
} & DetailsOf<(typeof ISSUE_CODES)[C]>;

/** One offending field: its path, an English message, and a machine-readable code with its parameters (ISSUE_CODES). */
export type IssueDetail = { [C in IssueCode]: IssueOf<C> }[IssueCode];

/** Details of any reason: what the catalog declares for one of them. */
export type AnyReasonDetails = { [R in ErrorReason]: ReasonDetails<R> }[ErrorReason];

interface AppErrorOptions<R extends ErrorReason> {
  reason: R;
  message: string;
  /** The facts of the refusal as the catalog declares them for `reason`: the clients' words come from these. */
  details?: ReasonDetails<R> | undefined;
  issues?: IssueDetail[] | undefined;
  cause?: unknown;
  retryAfterSeconds?: number | undefined;
}

/** A failure the caller caused or can act on, with the reason both transports render; its tRPC code comes from the catalog. */
export class AppError extends TRPCError {
  readonly reason: ErrorReason;
  readonly details: AnyReasonDetails | undefined;
  readonly issues: IssueDetail[] | undefined;
  /** For 429: seconds the caller should wait (sent as Retry-After). */
  readonly retryAfterSeconds: number | undefined;

  /** Details are typed by the reason; code that passes any reason (a replay, a test) gives none. */
  constructor(options: { [R in ErrorReason]: AppErrorOptions<R> }[ErrorReason] | (AppErrorOptions<ErrorReason> & { details?: undefined })) {
    super({ code: ERROR_CATALOG[options.reason].code, message: options.message, cause: options.cause });
    // Left as "TRPCError": adapters recognise tRPC errors by name across module copies.
    this.reason = options.reason;
    // Only what the catalog declares for the reason leaves the server: an id spread in by a throw site
    // (or stored with a refusal before this existed, and replayed) is dropped here, once for every path.
    this.details = options.details && declaredOnly(ERROR_CATALOG[options.reason].details, options.details);
    this.issues = options.issues;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/** NOT_FOUND declares what was not found as required: every throw names it. */
export const notFound = (message: string, entity: ReasonDetails<'NOT_FOUND'>['entity']) =>
  new AppError({ reason: 'NOT_FOUND', message, details: { entity } });

export const invalidInput = (issues: IssueDetail[]) => new AppError({ reason: 'INVALID_INPUT', message: describeIssues(issues), issues });

/** zod's own messages start "Invalid input: …" (a body that is not an object, a union none matched): said once here. */
const withoutLead = (message: string) => message.replace(/^invalid input(?::\s*|$)/i, '');

/** The English summary of the issues: "Invalid input: partySize: partySize must be at most 20; …". */
export function describeIssues(issues: readonly IssueDetail[]): string {
  const parts = issues.flatMap((issue) => {
    const said = withoutLead(issue.message);
    if (!issue.path) return said ? [said] : [];
    return [said ? `${issue.path}: ${said}` : issue.path];
  });
  return parts.length === 0 ? 'Invalid input' : `Invalid input: ${parts.join('; ')}`;
}

interface ZodLikeIssue {
  path: readonly PropertyKey[];
  message: string;
  code?: string;
}

/** A zod issue with its code's own parameters (maximum, format, params...), read by name. */
type RawIssue = ZodLikeIssue & Readonly<Record<string, unknown>>;

const numberOf = (value: unknown) => (typeof value === 'bigint' ? Number(value) : typeof value === 'number' ? value : Number.NaN);
const inclusiveOf = (issue: RawIssue) => (typeof issue.inclusive === 'boolean' ? { inclusive: issue.inclusive } : {});

/**
 * A zod issue's code and parameters, as ISSUE_CODES declares them: zod's own codes keep theirs (a
 * regex's pattern stays on the server), a refinement names one of Tablebook's codes in `params.code`,
 * and anything else is `custom`.
 */
function issueOf(path: string, issue: RawIssue): IssueDetail {
  const { message } = issue;
  switch (issue.code) {
    case 'invalid_type':
      return { path, message, code: 'invalid_type', expected: String(issue.expected) };
    case 'too_big':
      return { path, message, code: 'too_big', origin: String(issue.origin), maximum: numberOf(issue.maximum), ...inclusiveOf(issue) };
    case 'too_small':
      return { path, message, code: 'too_small', origin: String(issue.origin), minimum: numberOf(issue.minimum), ...inclusiveOf(issue) };
    case 'invalid_format':
      return { path, message, code: 'invalid_format', format: String(issue.format) };
    case 'not_multiple_of':
      return { path, message, code: 'not_multiple_of', divisor: numberOf(issue.divisor) };
    case 'unrecognized_keys':
      return { path, message, code: 'unrecognized_keys', keys: Array.isArray(issue.keys) ? issue.keys.map(String) : [] };
    case 'invalid_value': {
      const options = Array.isArray(issue.values) ? issue.values : [];
      return { path, message, code: 'invalid_value', values: options.map((value) => (typeof value === 'bigint' ? Number(value) : value)) };
    }
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return { path, message, code: issue.code };
    default: {
      const params = issue.params as Record<string, unknown> | undefined;
      const code = params?.code;
      if (isIssueCode(code) && matchesFields(ISSUE_CODES[code], params)) return { ...params, path, message, code } as IssueDetail;
      return { path, message, code: 'custom' };
    }
  }
}

/** zod issues as `{path, message, code, ...parameters}` with dotted paths. */
export function issuesFromZod(issues: readonly ZodLikeIssue[]): IssueDetail[] {
  return issues.map((issue) => issueOf(issue.path.map((segment) => String(segment)).join('.'), issue as RawIssue));
}

export function zodIssuesOf(error: unknown): ZodLikeIssue[] | undefined {
  if (error && typeof error === 'object' && (error as { name?: unknown }).name === 'ZodError') {
    const issues = (error as { issues?: unknown }).issues;
    if (Array.isArray(issues)) return issues as ZodLikeIssue[];
  }
  return undefined;
}
