import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isTransient, problemOf } from './problems.ts';

const MAX_QUERY_RETRIES = 2;
/** How long an answer is fresh: a query mounted again within it is not asked again. */
export const QUERY_STALE_TIME_MS = 5_000;
/** The longest Retry-After a query waits out by itself; past it, the failure is shown at once. */
const MAX_RETRY_AFTER_SECONDS = 10;

/** React Query's own backoff (1 s, 2 s, 4 s… up to 30 s), but never sooner than the answer's Retry-After. */
const retryDelay = (failureCount: number, error: unknown) =>
  Math.max(Math.min(1000 * 2 ** failureCount, 30_000), (problemOf(error).retryAfterSeconds ?? 0) * 1000);

export interface QueryClientOptions {
  /** Called when any call is refused with UNAUTHORIZED: the admin token is missing or wrong. */
  onUnauthorized?: () => void;
}

/**
 * Queries retry only transient failures (see isTransient): a 404 or an invalid filter will not fix
 * itself. A rate limit is retried only when its Retry-After is short.
 */
export function createQueryClient(options: QueryClientOptions = {}): QueryClient {
  const watch = (error: unknown) => {
    if (problemOf(error).reason === 'UNAUTHORIZED') options.onUnauthorized?.();
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError: watch }),
    mutationCache: new MutationCache({ onError: watch }),
    defaultOptions: {
      queries: {
        staleTime: QUERY_STALE_TIME_MS,
        retry: (failureCount, error) => {
          const problem = problemOf(error);
          return failureCount < MAX_QUERY_RETRIES && isTransient(problem) && (problem.retryAfterSeconds ?? 0) <= MAX_RETRY_AFTER_SECONDS;
        },
        retryDelay,
      },
      mutations: { retry: false },
    },
  });
}
