import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTRPC } from '../../api/trpc.ts';
import { isDayAvailability } from '../day/dayState.ts';

/**
 * A whole-day restaurant's free tables on the card's day (`guest.availability`; the cards' calls go
 * out in one batch). The list is read again on every change of the day (its live stream), and so is
 * this, then: `listUpdatedAt` is when the list was last read.
 */
export function useCardTables(restaurantId: string, date: string, enabled: boolean, listUpdatedAt: number) {
  const trpc = useTRPC();
  const availability = useQuery({ ...trpc.guest.availability.queryOptions({ restaurantId, date }), enabled });
  const seen = useRef(listUpdatedAt);
  const { refetch } = availability;
  useEffect(() => {
    // The first reading came with the card: only a later one of the list is news.
    if (!enabled || seen.current === listUpdatedAt) return;
    seen.current = listUpdatedAt;
    void refetch();
  }, [enabled, listUpdatedAt, refetch]);
  return isDayAvailability(availability.data) ? availability.data : undefined;
}
