/**
 * The system's capacity reaching every open day page: a `capacity` notice from a restaurant's day
 * stream, written into the cached answers a page shows (the app's real query keys, no server).
 */
import type { AppRouter } from '@tablebook/api';
import type { AvailabilityOutput } from '@tablebook/api/shared';
import { QueryClient } from '@tanstack/react-query';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../src/api/client.ts';
import { applySystemCapacity, crossesFull, withGlobalRemaining } from '../src/live/systemCapacity.ts';

const day = '2030-05-10';
const otherDay = '2030-05-11';
const casa = '11111111-1111-4111-8111-111111111111';
const otra = '22222222-2222-4222-8222-222222222222';

function cache() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY } } });
  const trpc = createTRPCOptionsProxy<AppRouter>({ client: createApiClient({ url: 'http://127.0.0.1:1/trpc' }), queryClient });
  const queries = {
    availability: [trpc.guest.availability.pathFilter(), trpc.reservation.availability.pathFilter()],
    slots: [trpc.guest.slots.pathFilter(), trpc.reservation.slots.pathFilter()],
  };
  return { queryClient, trpc, queries };
}

const oneDay = (date: string, globalRemaining: number) => ({
  date,
  restaurantRemaining: 8,
  globalRemaining,
  freeTables: [],
  takenTables: ['A0'],
});

describe("the system's capacity in the cached answers", () => {
  it("writes another restaurant's booking into every availability of that day, guest and admin, one day or a range", () => {
    const { queryClient, trpc, queries } = cache();
    queryClient.setQueryData(trpc.guest.availability.queryKey({ restaurantId: casa, date: day }), oneDay(day, 5));
    queryClient.setQueryData(trpc.reservation.availability.queryKey({ restaurantId: otra, date: day }), oneDay(day, 5));
    queryClient.setQueryData(trpc.guest.availability.queryKey({ restaurantId: casa, date: otherDay }), oneDay(otherDay, 5));
    const range: AvailabilityOutput = {
      days: [
        { date: day, restaurantRemaining: 8, globalRemaining: 5 },
        { date: otherDay, restaurantRemaining: 8, globalRemaining: 5 },
      ],
    };
    queryClient.setQueryData(trpc.guest.availability.queryKey({ restaurantId: casa, from: day, to: otherDay }), range);

    applySystemCapacity(queryClient, queries, { id: 9, type: 'capacity', date: day, globalRemaining: 4 }, 5);

    expect(queryClient.getQueryData(trpc.guest.availability.queryKey({ restaurantId: casa, date: day }))).toEqual(oneDay(day, 4));
    expect(queryClient.getQueryData(trpc.reservation.availability.queryKey({ restaurantId: otra, date: day }))).toEqual(oneDay(day, 4));
    // Another day keeps its own number.
    expect(queryClient.getQueryData(trpc.guest.availability.queryKey({ restaurantId: casa, date: otherDay }))).toEqual(oneDay(otherDay, 5));
    expect(queryClient.getQueryData(trpc.guest.availability.queryKey({ restaurantId: casa, from: day, to: otherDay }))).toEqual({
      days: [
        { date: day, restaurantRemaining: 8, globalRemaining: 4 },
        { date: otherDay, restaurantRemaining: 8, globalRemaining: 5 },
      ],
    });
  });

  it("reads the day's slots again only when the day may have turned full or open, and only that day's", () => {
    const { queryClient, trpc, queries } = cache();
    const slots = { date: day, timeZone: 'America/Bogota', slots: [] };
    const daySlots = trpc.guest.slots.queryKey({ restaurantId: casa, date: day, partySize: 2 });
    const hostSlots = trpc.reservation.slots.queryKey({ restaurantId: casa, date: day, partySize: 4 });
    const laterSlots = trpc.guest.slots.queryKey({ restaurantId: casa, date: otherDay, partySize: 2 });
    for (const key of [daySlots, hostSlots, laterSlots]) queryClient.setQueryData(key, slots);
    const stale = () => [daySlots, hostSlots, laterSlots].map((key) => queryClient.getQueryState(key)?.isInvalidated);

    applySystemCapacity(queryClient, queries, { id: 3, type: 'capacity', date: day, globalRemaining: 2 }, 3);
    expect(stale()).toEqual([false, false, false]);
    applySystemCapacity(queryClient, queries, { id: 4, type: 'capacity', date: day, globalRemaining: 0 }, 1);
    expect(stale()).toEqual([true, true, false]);
  });

  it('knows when a new number may change what can be booked', () => {
    expect(crossesFull(undefined, 3)).toBe(true);
    expect(crossesFull(3, 2)).toBe(false);
    expect(crossesFull(1, 0)).toBe(true);
    expect(crossesFull(0, 1)).toBe(true);
    expect(crossesFull(0, 0)).toBe(false);
  });

  it('leaves an answer that already has the number as it is (no re-render)', () => {
    const answer = oneDay(day, 4);
    expect(withGlobalRemaining(answer, day, 4)).toBe(answer);
    expect(withGlobalRemaining(answer, otherDay, 1)).toBe(answer);
  });
});
