import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC, useTRPCClient } from '../../api/trpc.ts';
import type { CalendarDay } from '../../lib/days.ts';
import { useLiveStream } from '../../live/useLiveStream.ts';

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
  const client = useTRPCClient();
  // The system's capacity too: the day's slots and availability follow other restaurants' bookings.
  const live = useLiveStream(
    client.reservation.onChange,
    { restaurantId, date, systemCapacity: true },
    { onResync: refresh, onEvent: refresh },
  );
  return { reservations, live };
}
