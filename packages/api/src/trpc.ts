import { initTRPC, type TRPCError } from '@trpc/server';
import type { OpenApiMeta } from 'trpc-to-openapi';
import { findPgError, isConnectionError, PgErrorCode } from '@tablebook/db';
import type { Context } from './context.ts';
import type { RateLimitBucket } from './rate-limit.ts';
import {
  AppError,
  describeIssues,
  issuesFromZod,
  reasonForCode,
  zodIssuesOf,
  type ErrorReason,
  type IssueDetail,
} from './errors.ts';

/** Procedure metadata: the REST mapping, plus how a success is rendered there. */
export type Meta = OpenApiMeta<{
  /** HTTP status of a REST success (default 200). */
  successStatus?: 200 | 201;
  /** The envelope's `message` on a REST success. */
  successMessage?: string;
}>;

export interface ErrorData {
  code: string;
  httpStatus: number;
  path?: string;
  reason: ErrorReason;
  requestId?: string;
  issues?: IssueDetail[];
}

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    // Never attach stack traces to responses, whatever NODE_ENV says.
    isDev: false,
    // Live streams: a comment every 15 s keeps proxies from closing them; clients reconnect after 30 s of silence.
    sse: { ping: { enabled: true, intervalMs: 15_000 }, client: { reconnectAfterInactivityMs: 30_000 } },
    errorFormatter({ shape, error, ctx }) {
      const zodIssues = zodIssuesOf(error.cause);
      let reason: ErrorReason;
      let issues: IssueDetail[] | undefined;
      let message = error.message;
      if (error instanceof AppError) {
        reason = error.reason;
        issues = error.issues;
      } else if (zodIssues) {
        reason = 'INVALID_INPUT';
        issues = issuesFromZod(zodIssues);
        message = describeIssues(issues);
      } else {
        reason = reasonForCode(error.code);
      }
      if (reason === 'INTERNAL_ERROR') {
        message = `Internal server error (request id ${ctx?.requestId ?? 'unknown'})`;
      }
      const data: ErrorData = {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        reason,
        ...(shape.data.path ? { path: shape.data.path } : {}),
        ...(ctx?.requestId ? { requestId: ctx.requestId } : {}),
        ...(issues ? { issues } : {}),
      };
      return { message, code: shape.code, data };
    },
  });

/**
 * The precise error for a database failure that is not the caller's bug: an unreachable database or a
 * statement timeout is 503, text PostgreSQL cannot take is 400. Undefined: a genuine 500.
 */
function appErrorForDatabaseFailure(cause: unknown): AppError | undefined {
  if (isConnectionError(cause)) {
    return new AppError({
      code: 'SERVICE_UNAVAILABLE',
      reason: 'SERVICE_UNAVAILABLE',
      message: 'The database is unavailable; try again shortly',
      cause,
    });
  }
  const pgCode = findPgError(cause)?.code;
  if (pgCode === PgErrorCode.queryCanceled) {
    // DATABASE_STATEMENT_TIMEOUT_MS ran out: the database is overloaded or a lock is held too long.
    return new AppError({
      code: 'SERVICE_UNAVAILABLE',
      reason: 'SERVICE_UNAVAILABLE',
      message: 'The database took too long to answer; try again shortly',
      cause,
    });
  }
  if (
    pgCode === PgErrorCode.characterNotInRepertoire ||
    pgCode === PgErrorCode.untranslatableCharacter ||
    pgCode === PgErrorCode.invalidTextRepresentation
  ) {
    return new AppError({
      code: 'BAD_REQUEST',
      reason: 'INVALID_INPUT',
      message: 'Invalid input: text contains characters that cannot be stored',
      issues: [{ path: '', message: 'text contains characters that cannot be stored' }],
      cause,
    });
  }
  return undefined;
}

/** An internal error that is really a database failure, as the caller will see it (see appErrorForDatabaseFailure). */
const mappedDatabaseFailure = (error: TRPCError): AppError | undefined =>
  error instanceof AppError || error.code !== 'INTERNAL_SERVER_ERROR' ? undefined : appErrorForDatabaseFailure(error.cause ?? error);

/** Maps database failures (above); anything else unexpected stays a 500, logged with the request id. */
const databaseErrors = t.middleware(async ({ next, ctx, path }) => {
  const result = await next();
  if (result.ok || result.error instanceof AppError || result.error.code !== 'INTERNAL_SERVER_ERROR') {
    return result;
  }
  const mapped = mappedDatabaseFailure(result.error);
  ctx.log?.error({ err: result.error.cause ?? result.error, requestId: ctx.requestId, procedure: path }, mapped ? mapped.message : 'procedure failed');
  return mapped ? { ...result, error: mapped } : result;
});

function limit(bucket: RateLimitBucket, ctx: Context) {
  const verdict = ctx.rateLimiter?.hit(bucket, ctx.clientAddress);
  if (verdict && !verdict.allowed) {
    throw new AppError({
      code: 'TOO_MANY_REQUESTS',
      reason: 'RATE_LIMITED',
      message: `Too many requests; try again in ${verdict.retryAfterSeconds} s`,
      retryAfterSeconds: verdict.retryAfterSeconds,
    });
  }
}

/** A valid admin token is never limited; everyone else shares the bucket's budget per address. */
const rateLimited = (bucket: RateLimitBucket) =>
  t.middleware(({ ctx, next }) => {
    if (!(ctx.admin.granted && !ctx.admin.open)) limit(bucket, ctx);
    return next();
  });

/** Throws 401 (or 429 after too many failures from the address) unless the caller may administer. */
export function assertAdmin(ctx: Context): void {
  if (!ctx.admin.granted) {
    limit('failedAdminAuth', ctx);
    throw new AppError({
      code: 'UNAUTHORIZED',
      reason: 'UNAUTHORIZED',
      message:
        ctx.admin.problem === 'missing'
          ? 'This is an administration call: send Authorization: Bearer <admin token>'
          : 'The admin token is not valid',
    });
  }
}

/**
 * Administration: a valid admin token (or an open administration). Failures are counted per address;
 * an open administration's callers share the public budget. One middleware, not two: each layer costs
 * a little on every call.
 */
const adminOnly = t.middleware(({ ctx, next }) => {
  assertAdmin(ctx);
  if (ctx.admin.granted && ctx.admin.open) limit('public', ctx);
  return next();
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
/** Tells the transport which procedure a call reached (request metrics by procedure). */
const observed = t.middleware(({ ctx, path, next }) => {
  ctx.observer?.procedure?.(path);
  return next();
});

/** Counts booking attempts by outcome and reason (metrics); the outcome is read off the result. */
export const countBookingOutcome = t.middleware(async ({ ctx, next }) => {
  const result = await next();
  if (!ctx.observer?.booking) return result;
  if (result.ok) {
    ctx.observer.booking('created', '');
  } else {
    // Runs inside databaseErrors, so a database failure is mapped here the same way first.
    const error = mappedDatabaseFailure(result.error) ?? result.error;
    const reason = error instanceof AppError ? error.reason : reasonForCode(error.code);
    const outcome = error.code === 'CONFLICT' ? 'refused' : error.code === 'INTERNAL_SERVER_ERROR' || error.code === 'SERVICE_UNAVAILABLE' ? 'failed' : 'rejected';
    ctx.observer.booking(outcome, reason);
  }
  return result;
});

const baseProcedure = t.procedure.use(observed).use(databaseErrors);
/** Anyone, within the public rate limit. */
export const publicProcedure = baseProcedure.use(rateLimited('public'));
/** A guest's booking: its own, tighter limit. */
export const guestBookingProcedure = baseProcedure.use(rateLimited('guestBooking'));
/** The administration, behind ADMIN_TOKEN. */
export const adminProcedure = baseProcedure.use(adminOnly);
