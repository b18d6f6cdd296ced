import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTRPC } from '../../api/trpc.ts';
import { isDayAvailability } from './dayState.ts';

/**
 * A day's remaining capacity under both daily limits, at a restaurant that books times (its day page
 * shows them before a booking). Read again whenever the day's slots are (each change of the day, a
 * resumed stream, every minute): `slotsUpdatedAt` is when they last were.
 */
export function useDayCapacity(restaurantId: string, date: string, slotsUpdatedAt: number) {
  const trpc = useTRPC();
  const availability = useQuery(trpc.guest.availability.queryOptions({ restaurantId, date }));
  const seen = useRef(slotsUpdatedAt);
  const { refetch } = availability;
  useEffect(() => {
    if (seen.current === slotsUpdatedAt) return;
    seen.current = slotsUpdatedAt;
    void refetch();
  }, [slotsUpdatedAt, refetch]);
  return isDayAvailability(availability.data) ? availability.data : undefined;
}
