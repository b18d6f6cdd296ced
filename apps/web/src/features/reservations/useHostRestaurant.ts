import { MAX_PAGE_SIZE } from '@tablebook/api/shared';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTRPC } from '../../api/trpc.ts';
import { deviceStore, readLastRestaurant, rememberRestaurant, restaurantToShow } from './lastRestaurant.ts';

/**
 * The restaurant a host page (the reservations list, the timeline) shows: the one in the address, else
 * the last one used on this device, else the first listed; whichever it is, it becomes the last used.
 * The list is the restaurant picker's own query (one request for both).
 */
export function useHostRestaurant(linked: string | undefined): string | undefined {
  const trpc = useTRPC();
  const restaurants = useQuery({ ...trpc.restaurant.list.queryOptions({ limit: MAX_PAGE_SIZE }), enabled: linked === undefined });
  // Read once: what this page remembers as it changes must not move the page to another restaurant.
  const [remembered] = useState(() => readLastRestaurant(deviceStore()));
  const shown = restaurantToShow(linked, remembered, restaurants.data, MAX_PAGE_SIZE);
  useEffect(() => {
    if (shown) rememberRestaurant(deviceStore(), shown);
  }, [shown]);
  return shown;
}
