import type { AppRouter } from '@tablebook/api';
import { retryLink, type TRPCLink } from '@trpc/client';
import { TablebookError } from './errors.ts';

export interface RetryOptions {
  /** Retries after the first attempt (default 3); 0 turns retrying off. */
  retries?: number;
  /** Delay before the first retry, doubled for each further one (default 200 ms). */
  baseDelayMs?: number;
  /** Ceiling for one delay (default 3000 ms). */
  maxDelayMs?: number;
}

export const DEFAULT_RETRY_OPTIONS: Required<RetryOptions> = { retries: 3, baseDelayMs: 200, maxDelayMs: 3000 };

/** Failures that may pass by themselves: no answer at all, or a server or gateway saying "not now". */
export function isTransientFailure(error: unknown): boolean {
  return (
    error instanceof TablebookError &&
    (error.reason === 'NETWORK_ERROR' || error.status === 502 || error.status === 503 || error.status === 504)
  );
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
 * Retries queries that failed transiently. Mutations are never retried: a booking whose answer was
 * lost may have been stored, and sending it again blindly could book twice or report a false refusal.
 */
export function queryRetryLink(options: RetryOptions = {}): TRPCLink<AppRouter> {
  const settings = { ...DEFAULT_RETRY_OPTIONS, ...options };
  return retryLink<AppRouter>({
    // `attempts` counts the one that just failed, the first call included.
    retry: ({ op, error, attempts }) => op.type === 'query' && attempts <= settings.retries && isTransientFailure(error),
    retryDelayMs: (attempts) => backoffDelay(attempts, settings),
  });
}
