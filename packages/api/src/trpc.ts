import { initTRPC } from '@trpc/server';
import type { Context } from './context.ts';
import type { Meta } from './contract.ts';
import type { RateLimitBucket } from './rate-limit.ts';
import { pgLogFields } from '@tablebook/db';
import { mappedDatabaseFailure } from './database-failures.ts';
import { ERROR_CATALOG, type ErrorCategory } from './error-catalog.ts';
import { AppError, type AnyReasonDetails, type ErrorReason, type IssueDetail } from './errors.ts';
import { presentError } from './present-error.ts';

/** What a tRPC error answer carries in `data`, read by the client and the web app. */
export interface ErrorData {
  code: string;
  httpStatus: number;
  path?: string;
  reason: ErrorReason;
  /** The catalog's traits of the reason, so a client needs no copy of the catalog. */
  category: ErrorCategory;
  retryable: boolean;
  requestId?: string;
  /** The refusal's facts (the catalog's `details` of `reason`): what a client words it from. */
  details?: AnyReasonDetails;
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
      const presented = presentError(error, ctx?.requestId ?? 'unknown');
      const data: ErrorData = {
        code: presented.code,
        httpStatus: presented.status,
        reason: presented.reason,
        category: ERROR_CATALOG[presented.reason].category,
        retryable: ERROR_CATALOG[presented.reason].retryable,
        ...(shape.data.path ? { path: shape.data.path } : {}),
        ...(ctx?.requestId ? { requestId: ctx.requestId } : {}),
        ...(presented.details ? { details: presented.details } : {}),
        ...(presented.issues ? { issues: presented.issues } : {}),
      };
      return { message: presented.message, code: shape.code, data };
    },
  });

/**
 * Maps database failures (above); anything else unexpected stays a 500, logged with the request id.
 * After a mutation (its transaction has ended), tells the live-update hub that events may have been
 * committed: this process reads them at once, the others hear one coalesced NOTIFY (events/hub.ts).
 */
const databaseErrors = t.middleware(async ({ next, ctx, path, type }) => {
  const result = await next();
  if (type === 'mutation') ctx.events?.written();
  if (result.ok || result.error instanceof AppError || result.error.code !== 'INTERNAL_SERVER_ERROR') {
    return result;
  }
  const mapped = mappedDatabaseFailure(result.error);
  ctx.log?.error(
    { err: result.error.cause ?? result.error, requestId: ctx.requestId, procedure: path, ...pgLogFields(result.error) },
    mapped ? mapped.message : 'procedure failed',
  );
  return mapped ? { ...result, error: mapped } : result;
});

async function limit(bucket: RateLimitBucket, ctx: Context): Promise<void> {
  if (!ctx.rateLimiter) return;
  const verdict = await ctx.rateLimiter.hit(bucket, ctx.clientAddress);
  if (!verdict.allowed) {
    throw new AppError({
      reason: 'RATE_LIMITED',
      message: `Too many requests; try again in ${verdict.retryAfterSeconds} s`,
      details: { what: 'requests', retryAfterSeconds: verdict.retryAfterSeconds },
      retryAfterSeconds: verdict.retryAfterSeconds,
    });
  }
}

/** A valid admin token is never limited; everyone else shares the bucket's budget per address. */
const rateLimited = (bucket: RateLimitBucket) =>
  t.middleware(async ({ ctx, next }) => {
    if (!(ctx.admin.granted && !ctx.admin.open)) await limit(bucket, ctx);
    return next();
  });

/** Rejects with 401 (or 429 after too many failures from the address) unless the caller may administer. */
export async function assertAdmin(ctx: Context): Promise<void> {
  if (!ctx.admin.granted) {
    await limit('failedAdminAuth', ctx);
    throw new AppError({
      reason: 'UNAUTHORIZED',
      message:
        ctx.admin.problem === 'missing'
          ? 'This is an administration call: send Authorization: Bearer <admin token>'
          : 'The admin token is not valid',
      details: { token: ctx.admin.problem === 'missing' ? 'missing' : 'invalid' },
    });
  }
}

/**
 * Administration: a valid admin token (or an open administration). Failures are counted per address;
 * an open administration's callers share the public budget. One middleware, not two: each layer costs
 * a little on every call.
 */
const adminOnly = t.middleware(async ({ ctx, next }) => {
  await assertAdmin(ctx);
  if (ctx.admin.granted && ctx.admin.open) await limit('public', ctx);
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
    // Read as the caller will see it (presentError also maps a database failure, as databaseErrors does).
    const { reason, status } = presentError(result.error, ctx.requestId);
    const outcome = status === 409 ? 'refused' : status >= 500 ? 'failed' : 'rejected';
    ctx.observer.booking(outcome, reason);
  }
  return result;
});

const baseProcedure = t.procedure.use(observed).use(databaseErrors);
/** Anyone, within the public rate limit. */
export const publicProcedure = baseProcedure.use(rateLimited('public')).meta({ access: 'public' });
/** A guest's booking: its own, tighter limit. */
export const guestBookingProcedure = baseProcedure.use(rateLimited('guestBooking')).meta({ access: 'public' });
/** The administration, behind ADMIN_TOKEN. */
export const adminProcedure = baseProcedure.use(adminOnly).meta({ access: 'admin' });
