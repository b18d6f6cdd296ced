import type { RestaurantOutput } from '@tablebook/api/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../../api/trpc.ts';
import type { RestaurantInput } from './restaurantForm.ts';

/** A save of a new zone waiting for the manager's word, with the upcoming reservations it moves (undefined: not known). */
export interface PendingZoneChange {
  input: RestaurantInput & { timeZone: string };
  upcoming: number | undefined;
}

/**
 * Holds back the save of a new time zone while the restaurant has reservations to come: each keeps
 * its local day and time, so each happens at another moment, and the manager confirms that first.
 */
export function useZoneChangeCheck(send: (input: RestaurantInput) => void) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<PendingZoneChange | null>(null);
  const [checking, setChecking] = useState(false);

  /** The live reservations not yet over (undefined when they cannot be read: then the manager is asked anyway). */
  const upcomingOf = async (restaurantId: string): Promise<number | undefined> => {
    try {
      const reservations = await queryClient.fetchQuery({ ...trpc.reservation.list.queryOptions({ restaurantId }), staleTime: 0 });
      const now = Date.now();
      return reservations.filter(
        (reservation) => (reservation.status === 'confirmed' || reservation.status === 'seated') && Date.parse(reservation.endsAt) > now,
      ).length;
    } catch {
      return undefined;
    }
  };

  /** Sends an update at once, unless it changes the zone of a restaurant with bookings to come. */
  const check = async (input: RestaurantInput, restaurant: RestaurantOutput) => {
    const timeZone = input.timeZone;
    if (timeZone === undefined || timeZone === restaurant.timeZone) return send(input);
    setChecking(true);
    const upcoming = await upcomingOf(restaurant.id);
    setChecking(false);
    if (upcoming === 0) send(input);
    else setPending({ input: { ...input, timeZone }, upcoming });
  };

  const confirm = () => {
    if (pending) send(pending.input);
    setPending(null);
  };

  return { pending, checking, check, confirm, cancel: () => setPending(null) };
}
