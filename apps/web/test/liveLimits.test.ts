/**
 * A change of the limits reaching open pages (issue 16): a stream's `limits` item is handed to the
 * page, never taken for a booking, and the cached answers it concerns (the app's real query keys, no
 * server) are read again: every restaurant's for the stored limits, one restaurant's for its own.
 */
import type { AppRouter } from '@tablebook/api';
import type { LimitsChangeOutput } from '@tablebook/api/shared';
import { QueryClient } from '@tanstack/react-query';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../src/api/client.ts';
import { applyLimitsChange } from '../src/live/limitsChange.ts';
import { LiveConnection, type StreamObserver, type TrackedItem } from '../src/live/liveConnection.ts';

const day = '2030-05-10';
const casa = '11111111-1111-4111-8111-111111111111';
const otra = '22222222-2222-4222-8222-222222222222';

function cache() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY } } });
  const trpc = createTRPCOptionsProxy<AppRouter>({ client: createApiClient({ url: 'http://127.0.0.1:1/trpc' }), queryClient });
  const queries = {
    perRestaurant: [
      trpc.guest.availability.pathFilter(),
      trpc.reservation.availability.pathFilter(),
      trpc.guest.slots.pathFilter(),
      trpc.reservation.slots.pathFilter(),
    ],
    lists: [trpc.guest.restaurants.pathFilter()],
  };
  const capacity = { date: day, restaurantRemaining: 8, globalRemaining: 5, freeTables: [], takenTables: [] };
  const slots = { date: day, timeZone: 'America/Bogota', slots: [] };
  const keys = {
    casaDay: trpc.guest.availability.queryKey({ restaurantId: casa, date: day }),
    casaHost: trpc.reservation.availability.queryKey({ restaurantId: casa, date: day }),
    casaSlots: trpc.guest.slots.queryKey({ restaurantId: casa, date: day, partySize: 2 }),
    otraDay: trpc.guest.availability.queryKey({ restaurantId: otra, date: day }),
    otraSlots: trpc.reservation.slots.queryKey({ restaurantId: otra, date: day, partySize: 4 }),
    list: trpc.guest.restaurants.queryKey({ date: day }),
  };
  for (const key of [keys.casaDay, keys.casaHost, keys.otraDay]) queryClient.setQueryData(key, capacity);
  for (const key of [keys.casaSlots, keys.otraSlots]) queryClient.setQueryData(key, slots);
  queryClient.setQueryData(keys.list, []);
  const stale = () =>
    Object.fromEntries(Object.entries(keys).map(([name, key]) => [name, queryClient.getQueryState(key)?.isInvalidated ?? false]));
  return { queryClient, queries, stale };
}

describe('a change of the limits in the cached answers', () => {
  it('reads every restaurant again after the stored limits changed, and the lists', () => {
    const { queryClient, queries, stale } = cache();
    applyLimitsChange(queryClient, queries, { id: 7, type: 'limits', restaurantId: null });
    expect(stale()).toEqual({ casaDay: true, casaHost: true, casaSlots: true, otraDay: true, otraSlots: true, list: true });
  });

  it('reads only that restaurant again after its own limit or pacing changed, and the lists (they show it)', () => {
    const { queryClient, queries, stale } = cache();
    applyLimitsChange(queryClient, queries, { id: 8, type: 'limits', restaurantId: casa });
    expect(stale()).toEqual({ casaDay: true, casaHost: true, casaSlots: true, otraDay: false, otraSlots: false, list: true });
  });
});

describe('a live connection and a limits item', () => {
  type Event = { id: number; type: 'created'; table: string };
  type Item = TrackedItem<Event | { id: number; type: 'ready'; resumed: boolean } | LimitsChangeOutput>;

  it('hands it to the page as a change of the limits, never as a booking, and resumes after it', () => {
    vi.useFakeTimers();
    const events: Event[] = [];
    const changes: LimitsChangeOutput[] = [];
    const opened: (string | undefined)[] = [];
    let observer: StreamObserver<Item> | undefined;
    const connection = new LiveConnection<Event>({
      open: (lastEventId, next) => {
        opened.push(lastEventId);
        observer = next as StreamObserver<Item>;
        return { unsubscribe: () => undefined };
      },
      onEvent: (event) => events.push(event),
      onCapacity: () => undefined,
      onLimits: (change) => changes.push(change),
      onResync: () => undefined,
      onState: () => undefined,
      onRefused: () => undefined,
      random: () => 0,
    });
    connection.start();
    observer?.onData({ id: '3', data: { id: 3, type: 'ready', resumed: true } });
    observer?.onData({ id: '4', data: { id: 4, type: 'limits', restaurantId: null } });
    observer?.onData({ id: '5', data: { id: 5, type: 'created', table: 'A0' } });
    observer?.onData({ id: '6', data: { id: 6, type: 'limits', restaurantId: casa } });
    expect(changes).toEqual([
      { id: 4, type: 'limits', restaurantId: null },
      { id: 6, type: 'limits', restaurantId: casa },
    ]);
    expect(events).toEqual([{ id: 5, type: 'created', table: 'A0' }]);
    // The server ends the stream: the next one resumes after the change, which is not told twice.
    observer?.onComplete();
    vi.runOnlyPendingTimers();
    connection.stop();
    expect(opened).toEqual([undefined, '6']);
    vi.useRealTimers();
  });
});
