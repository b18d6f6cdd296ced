import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../api/trpc.ts';

/**
 * Books a table. On success the new reservation goes straight into the day's list, so the map shows
 * the table taken at once; success or refusal, the lists are then fetched again, so a refusal
 * (someone else was faster, the day filled up) leaves the map showing what the server holds.
 */
export function useBookTable() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.reservation.create.mutationOptions({
      onSuccess: (reservation, booked) => {
        queryClient.setQueryData(trpc.reservation.list.queryKey({ restaurantId: booked.restaurantId, date: booked.date }), (current) =>
          current ? [...current, reservation] : [reservation],
        );
      },
      onSettled: (_result, _error, booked) =>
        Promise.all([
          // Every list of this restaurant's reservations (any day filter), and the places left in search results.
          queryClient.invalidateQueries({ queryKey: trpc.reservation.list.queryKey({ restaurantId: booked.restaurantId }) }),
          queryClient.invalidateQueries(trpc.restaurant.list.pathFilter()),
        ]),
    }),
  );
}
