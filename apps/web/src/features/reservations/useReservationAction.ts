import type { ReservationOutput } from '@tablebook/api/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../api/trpc.ts';
import { STATUS_OF_ACTION, type ReservationAction } from './reservationActions.ts';

interface MoveDetails {
  date: string;
  table: string;
  /** Sent only when it changes: the duration then follows the new party. */
  partySize?: number;
  /** The new start ("HH:MM"), at a restaurant that books times of day. */
  time?: string;
}

export type ActionRequest =
  | { action: Exclude<ReservationAction, 'move' | 'cancel'>; reservation: ReservationOutput }
  | { action: 'cancel'; reservation: ReservationOutput; reason: string }
  | { action: 'move'; reservation: ReservationOutput; move: MoveDetails };

/** Runs one action on a reservation; afterwards every list of the restaurant's reservations is fetched again. */
export function useReservationAction() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = (restaurantId: string) => queryClient.invalidateQueries(trpc.reservation.list.queryFilter({ restaurantId }));
  const update = useMutation(trpc.reservation.update.mutationOptions({ onSettled: (_r, _e, input) => refresh(input.restaurantId) }));
  const cancel = useMutation(trpc.reservation.cancel.mutationOptions({ onSettled: (_r, _e, input) => refresh(input.restaurantId) }));

  const run = async (request: ActionRequest): Promise<ReservationOutput> => {
    const ref = { restaurantId: request.reservation.restaurantId, reservationId: request.reservation.id };
    switch (request.action) {
      case 'cancel':
        return cancel.mutateAsync({ ...ref, ...(request.reason.trim() ? { reason: request.reason.trim() } : {}) });
      case 'move':
        return update.mutateAsync({ ...ref, ...request.move });
      default:
        return update.mutateAsync({ ...ref, status: STATUS_OF_ACTION[request.action] });
    }
  };
  return { run, isPending: update.isPending || cancel.isPending };
}
