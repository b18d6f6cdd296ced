import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC, useTRPCClient } from '../../api/trpc.ts';
import { useLiveStream } from '../../live/useLiveStream.ts';

const REFRESH_EVERY_MS = 60_000;

/**
 * The bookable times of a day for a party, kept live: any change to the restaurant's day (a booking,
 * a move, a cancellation) may free or fill some slots, so each event, and each stream opened without
 * every event since, fetches the day's slots again (one query, whatever the number of tables).
 */
export function useDaySlots(restaurantId: string, date: string, partySize: number) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const slots = useQuery({
    ...trpc.guest.slots.queryOptions({ restaurantId, date, partySize }),
    // Another party size or day keeps the last times on screen (dimmed) until the new ones arrive.
    placeholderData: keepPreviousData,
    // Time passes with no event: a start comes inside the notice, or a new day opens for booking.
    // A page left open reads its slots again every minute, and when the guest comes back to it.
    refetchInterval: REFRESH_EVERY_MS,
    refetchOnWindowFocus: 'always',
  });
  const refresh = () => void queryClient.invalidateQueries(trpc.guest.slots.queryFilter({ restaurantId, date }));
  const client = useTRPCClient();
  // The system's capacity too: another restaurant's booking can fill the day's system limit.
  const live = useLiveStream(
    client.guest.onChange,
    { restaurantId, date, systemCapacity: true },
    {
      onResync: refresh,
      onEvent: () => {
        refresh();
        void queryClient.invalidateQueries(trpc.guest.restaurants.pathFilter());
      },
    },
  );
  return { slots, live };
}
