import type { LimitsChangeOutput } from '@tablebook/api/shared';
import type { Query, QueryClient, QueryFilters } from '@tanstack/react-query';

/** The cached answers a change of the limits can make wrong. */
export interface LimitsQueries {
  /** Per restaurant (their input names it): availability and slots, guest and admin. */
  perRestaurant: QueryFilters[];
  /** Across restaurants (the Find page's list, with each one's remaining capacity). */
  lists: QueryFilters[];
}

const inputRestaurantOf = (query: Query): unknown =>
  (query.queryKey[1] as { input?: { restaurantId?: unknown } } | undefined)?.input?.restaurantId;

/**
 * The stored limits, or a restaurant's own limit or pacing, changed: every day's remaining capacity
 * and bookable times may differ, by numbers the item does not carry (they differ per day). The answers
 * concerned are read again: the stored limits concern every restaurant, a restaurant's own only it
 * (and the lists, which show it). Only what a page shows is fetched at once; the rest is marked stale.
 */
export function applyLimitsChange(queryClient: QueryClient, queries: LimitsQueries, change: LimitsChangeOutput): void {
  const { restaurantId } = change;
  for (const filter of queries.perRestaurant) {
    void queryClient.invalidateQueries(
      restaurantId === null ? filter : { ...filter, predicate: (query) => inputRestaurantOf(query) === restaurantId },
    );
  }
  for (const filter of queries.lists) void queryClient.invalidateQueries(filter);
}
