import type { AppRouter } from '@tablebook/api';
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import type { ApiClient } from './client.ts';
import { takeArrivedAnswers } from './earlyCalls.ts';

/** A procedure of the options proxy, as far as its query key goes. */
interface KeyedProcedure {
  queryKey(input: unknown): QueryKey;
}

/**
 * Puts the early answers that have already arrived (earlyCalls.ts) into the query cache, under the
 * keys the pages' queries use, before the app's first render: the Find page then renders its results
 * at once, instead of a loading line, a trip through the client and a second render (on a phone at 4x
 * CPU a few hundred milliseconds). Each is dated when it arrived, not now: its staleness, and any
 * comparison with a live stream opened later, start from when the server answered.
 */
export function seedEarlyAnswers(queryClient: QueryClient, apiClient: ApiClient, maxAgeMs: number): void {
  const answers = takeArrivedAnswers(maxAgeMs);
  if (answers.length === 0) return;
  const procedures = createTRPCOptionsProxy<AppRouter>({ client: apiClient, queryClient });
  for (const { path, input, data, receivedAt } of answers) {
    // The proxy answers any path; a path is its segments ("guest.restaurants").
    const procedure = path
      .split('.')
      .reduce<unknown>((node, segment) => (node as Record<string, unknown>)[segment], procedures) as KeyedProcedure;
    queryClient.setQueryData(procedure.queryKey(input), data, { updatedAt: receivedAt });
  }
}
