import { retryLink, type TRPCLink } from '@trpc/client';
import { TablebookError } from './errors.ts';
import type { AppRouter } from './router-types.ts';

export interface RetryOptions {
  /** Retries after the first attempt (default 3); 0 turns retrying off. */
  retries?: number;
  /** Delay before the first retry, doubled for each further one (default 200 ms). */
  baseDelayMs?: number;
  /** Ceiling for one delay (default 3000 ms). */
  maxDelayMs?: number;
}

export const DEFAULT_RETRY_OPTIONS: Required<RetryOptions> = { retries: 3, baseDelayMs: 200, maxDelayMs: 3000 };

/**
 * Failures that pass by themselves, soon: no answer at all, or the service (or a gateway in front of
 * it) saying "not now"; the catalog's `unavailable` category. A narrower set than `retryable`, which
 * also covers a server fault (500) and a rate limit (429, after its Retry-After).
 */
export function isTransientFailure(error: unknown): boolean {
  return error instanceof TablebookError && error.category === 'unavailable';
}

/**
 * Exponential backoff with "equal jitter": half the delay fixed, half random, so that many clients
 * failing together do not come back in lockstep.
 */
export function backoffDelay(retry: number, options: Required<RetryOptions>, random: () => number = Math.random): number {
  const exponential = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (retry - 1));
  return exponential / 2 + random() * (exponential / 2);
}

/**
 * How long to wait before retrying a query that failed, or undefined not to retry it: only a failure
 * the catalog calls retryable (see TablebookError.retryable), after the backoff and never sooner than
 * the answer's Retry-After. A Retry-After longer than the ceiling for one delay is not waited out: the
 * caller gets the failure (RATE_LIMITED, with `retryAfterSeconds`) at once instead.
 */
export function retryDelayFor(
  error: unknown,
  retry: number,
  options: Required<RetryOptions>,
  random: () => number = Math.random,
): number | undefined {
  if (!(error instanceof TablebookError) || !error.retryable) return undefined;
  const backoff = backoffDelay(retry, options, random);
  if (error.retryAfterSeconds === undefined) return backoff;
  const wait = error.retryAfterSeconds * 1000;
  return wait <= options.maxDelayMs ? Math.max(wait, backoff) : undefined;
}

/**
 * Retries queries whose failure is retryable (above). Mutations are never retried: a booking whose
 * answer was lost may have been stored, and sending it again blindly could book twice or report a
 * false refusal.
 */
export function queryRetryLink(options: RetryOptions = {}): TRPCLink<AppRouter> {
  const settings = { ...DEFAULT_RETRY_OPTIONS, ...options };
  // tRPC's retryLink asks for the delay synchronously right after `retry` said yes to that failure,
  // so the delay chosen with the failure in hand is the one it gets.
  let nextDelayMs = 0;
  return retryLink<AppRouter>({
    // `attempts` counts the one that just failed, the first call included.
    retry: ({ op, error, attempts }) => {
      if (op.type !== 'query' || attempts > settings.retries) return false;
      const delay = retryDelayFor(error, attempts, settings);
      if (delay === undefined) return false;
      nextDelayMs = delay;
      return true;
    },
    retryDelayMs: () => nextDelayMs,
  });
}
