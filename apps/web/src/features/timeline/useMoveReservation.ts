import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../api/trpc.ts';

/** Moves a reservation to another start time and/or table on its day; the day is fetched again either way. */
export function useMoveReservation() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.reservation.update.mutationOptions({
      onSettled: (_result, _error, input) =>
        queryClient.invalidateQueries(trpc.reservation.list.queryFilter({ restaurantId: input.restaurantId })),
    }),
  );
}
