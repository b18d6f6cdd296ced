/**
 * The Find page's results as its live stream opens (FindPage, features/find/liveResults.ts): a list
 * answered before the stream opened (the early answer, read with the HTML up to ~2 s before) is read
 * again once; one answered since is not. A real QueryClient and observer, counting the list's reads.
 */
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { refreshAnsweredBefore } from '../src/features/find/liveResults.ts';

const clients: QueryClient[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.clear();
});

/** A list query being shown (an observer, as the page's useQuery is), its reads counted. */
async function shownList(queryKey: readonly unknown[]) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 60_000, retry: false } } });
  clients.push(queryClient);
  let reads = 0;
  const observer = new QueryObserver(queryClient, { queryKey, queryFn: async () => ++reads });
  const unsubscribe = observer.subscribe(() => {});
  await expect.poll(() => observer.getCurrentResult().isSuccess).toBe(true);
  return { queryClient, reads: () => reads, answeredAt: () => queryClient.getQueryState(queryKey)!.dataUpdatedAt, unsubscribe };
}

describe('the results as the live stream opens', () => {
  it('reads a list answered before the stream opened again, once', async () => {
    const list = await shownList(['guest', 'restaurants', { date: '2026-12-10' }]);
    const openedAt = list.answeredAt() + 1;
    // The stream opens a moment after the answer; the answer read again comes later still.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await refreshAnsweredBefore(list.queryClient, { queryKey: ['guest', 'restaurants'] }, openedAt);
    expect(list.reads()).toBe(2);
    // Now answered after the opening: a second look changes nothing.
    await refreshAnsweredBefore(list.queryClient, { queryKey: ['guest', 'restaurants'] }, openedAt);
    expect(list.reads()).toBe(2);
    list.unsubscribe();
  });

  it('leaves a list answered after the stream opened, and lists of other queries, alone', async () => {
    const list = await shownList(['guest', 'restaurants', { date: '2026-12-10' }]);
    await refreshAnsweredBefore(list.queryClient, { queryKey: ['guest', 'restaurants'] }, list.answeredAt() - 1);
    expect(list.reads()).toBe(1);
    await refreshAnsweredBefore(list.queryClient, { queryKey: ['city', 'list'] }, list.answeredAt() + 1);
    expect(list.reads()).toBe(1);
    expect(list.queryClient.getQueryState(['guest', 'restaurants', { date: '2026-12-10' }])?.isInvalidated).toBe(false);
    list.unsubscribe();
  });

  it('leaves a list not answered yet alone (its answer comes after the opening)', async () => {
    const queryClient = new QueryClient();
    clients.push(queryClient);
    // Asked, not answered: no data, no date.
    void queryClient.prefetchQuery({ queryKey: ['guest', 'restaurants', {}], queryFn: () => new Promise(() => {}) });
    await refreshAnsweredBefore(queryClient, { queryKey: ['guest', 'restaurants'] }, Date.now());
    expect(queryClient.getQueryState(['guest', 'restaurants', {}])?.isInvalidated).toBe(false);
  });
});
