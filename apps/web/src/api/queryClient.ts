import { QueryClient } from '@tanstack/react-query';
import { isTransient, problemOf } from './problems.ts';

const MAX_QUERY_RETRIES = 2;

/** Queries retry only transient failures: a 404 or an invalid filter will not fix itself. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        retry: (failureCount, error) => failureCount < MAX_QUERY_RETRIES && isTransient(problemOf(error)),
      },
      mutations: { retry: false },
    },
  });
}
