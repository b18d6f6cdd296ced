import type { QueryClient, QueryFilters } from '@tanstack/react-query';

/**
 * Reads again, once, the lists of `filter` whose answer is older than `openedAt` (when the page's live
 * stream opened); a list answered since, or not answered yet, is left alone. The Find page's results
 * can be drawn from the early answer (index.html asks with the HTML) up to two seconds before the page's
 * code opens its stream: a booking in between reaches no event, so without this the page would show
 * it only after the next change of the day. Not awaited by anything: the first render never waits.
 */
export function refreshAnsweredBefore(queryClient: QueryClient, filter: QueryFilters, openedAt: number): Promise<void> {
  return queryClient.invalidateQueries({
    ...filter,
    predicate: (query) => query.state.dataUpdatedAt > 0 && query.state.dataUpdatedAt < openedAt,
  });
}
