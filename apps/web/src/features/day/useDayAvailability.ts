import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC, useTRPCClient } from '../../api/trpc.ts';
import { useLiveStream } from '../../live/useLiveStream.ts';
import { applyPublicEvent, isDayAvailability, type TableSpot } from './dayState.ts';

/**
 * A restaurant's day, kept live: `guest.availability` once, then every change from
 * `guest.onChange` written straight into the cached answer. A stream that opens without every event
 * since (the first one, or after a gap the server cannot replay) fetches the day again.
 */
export function useDayAvailability(restaurantId: string, date: string, tables: readonly TableSpot[]) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const input = { restaurantId, date };
  const availability = useQuery(trpc.guest.availability.queryOptions(input));
  const client = useTRPCClient();
  // The system's capacity too: another restaurant's booking moves the day's system limit.
  const live = useLiveStream(
    client.guest.onChange,
    { ...input, systemCapacity: true },
    {
      onResync: () => void queryClient.invalidateQueries(trpc.guest.availability.queryFilter(input)),
      onEvent: (event) => {
        queryClient.setQueryData(trpc.guest.availability.queryKey(input), (current) =>
          applyPublicEvent(isDayAvailability(current) ? current : undefined, event, tables, date),
        );
        // Search results show the remaining places too.
        void queryClient.invalidateQueries(trpc.guest.restaurants.pathFilter());
      },
    },
  );
  const day = isDayAvailability(availability.data) ? availability.data : undefined;
  return { availability, day, live };
}
