import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { useTRPC } from '../../api/trpc.ts';
import { attemptFor, type BookingAttempt } from '../day/bookingAttempt.ts';
import type { NewReservationRequest } from './newReservation.ts';

/**
 * A host's booking through the admin `reservation.create` (the admin's rules: any start within the
 * hours, no guest rate limit), with one idempotency key per attempt so a double click or a resend after
 * a lost answer books once. Either way the restaurant's lists and slots are fetched again.
 */
export function useCreateReservation() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const attempt = useRef<BookingAttempt | undefined>(undefined);
  const mutation = useMutation(
    trpc.reservation.create.mutationOptions({
      onSuccess: () => {
        attempt.current = undefined;
      },
      onSettled: (_result, _error, input) =>
        Promise.all([
          queryClient.invalidateQueries(trpc.reservation.list.queryFilter({ restaurantId: input.restaurantId })),
          queryClient.invalidateQueries(trpc.reservation.slots.queryFilter({ restaurantId: input.restaurantId })),
        ]),
    }),
  );
  const create = (request: NewReservationRequest) => {
    attempt.current = attemptFor(attempt.current, request);
    return mutation.mutateAsync({ ...request, idempotencyKey: attempt.current.key });
  };
  return { create, isPending: mutation.isPending, error: mutation.error, reset: mutation.reset };
}
