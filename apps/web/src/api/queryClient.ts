import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isTransient, problemOf } from './problems.ts';

const MAX_QUERY_RETRIES = 2;

export interface QueryClientOptions {
  /** Called when any call is refused with UNAUTHORIZED: the admin token is missing or wrong. */
  onUnauthorized?: () => void;
}

/** Queries retry only transient failures: a 404 or an invalid filter will not fix itself. */
export function createQueryClient(options: QueryClientOptions = {}): QueryClient {
  const watch = (error: unknown) => {
    if (problemOf(error).reason === 'UNAUTHORIZED') options.onUnauthorized?.();
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError: watch }),
    mutationCache: new MutationCache({ onError: watch }),
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        retry: (failureCount, error) => failureCount < MAX_QUERY_RETRIES && isTransient(problemOf(error)),
      },
      mutations: { retry: false },
    },
  });
}
