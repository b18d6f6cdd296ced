import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useTRPC } from '../../api/trpc.ts';
import { useLiveState } from '../../live/useLiveState.ts';
import { applyPublicEvent, isDayAvailability, type TableSpot } from './dayState.ts';

/**
 * A restaurant's day, kept live: `guest.availability` once, then every change from
 * `guest.onChange` written straight into the cached answer. Each (re)connection fetches the day
 * again, so nothing that happened before the stream opened (or while it was down) is missed.
 */
export function useDayAvailability(restaurantId: string, date: string, tables: readonly TableSpot[]) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const input = { restaurantId, date };
  const availability = useQuery(trpc.guest.availability.queryOptions(input));
  const subscription = useSubscription(
    trpc.guest.onChange.subscriptionOptions(input, {
      onStarted: () => void queryClient.invalidateQueries(trpc.guest.availability.queryFilter(input)),
      onData: ({ data: event }) => {
        queryClient.setQueryData(trpc.guest.availability.queryKey(input), (current) =>
          applyPublicEvent(isDayAvailability(current) ? current : undefined, event, tables, date),
        );
        // Search results show the remaining places too.
        void queryClient.invalidateQueries(trpc.guest.restaurants.pathFilter());
      },
    }),
  );
  const live = useLiveState(subscription.status, `${restaurantId}/${date}`);
  const day = isDayAvailability(availability.data) ? availability.data : undefined;
  return { availability, day, live };
}
