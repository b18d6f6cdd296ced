import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useTRPC } from '../../api/trpc.ts';
import type { CalendarDay } from '../../lib/days.ts';
import { useLiveState } from '../../live/useLiveState.ts';

/**
 * The day's reservations (every status but cancelled), kept live: each change the restaurant's stream
 * reports for the day (a booking, a move in or out, a cancellation, from any tab or over REST) fetches
 * the day again, as the reservations list does.
 */
export function useTimelineDay(restaurantId: string, date: CalendarDay) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const reservations = useQuery(trpc.reservation.list.queryOptions({ restaurantId, date }));
  const refresh = () => void queryClient.invalidateQueries(trpc.reservation.list.queryFilter({ restaurantId }));
  const subscription = useSubscription(
    trpc.reservation.onChange.subscriptionOptions({ restaurantId, date }, { onStarted: refresh, onData: refresh }),
  );
  const live = useLiveState(subscription.status, `${restaurantId}/${date}`);
  return { reservations, live };
}
