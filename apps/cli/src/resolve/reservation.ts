import type { Restaurant, TablebookClient } from '@tablebook/client';
import { resolveRestaurant } from './restaurant.ts';

/** The two arguments that name a reservation: its restaurant, then its id. */
export const reservationArguments = [
  { name: 'restaurant', description: 'its id, or the start of its name' },
  { name: 'reservationId', description: "the reservation's id (from reservations list or book)" },
] as const;

export interface ReservationRef {
  restaurant: Restaurant;
  restaurantId: string;
  reservationId: string;
}

/** The restaurant resolved and the id passed on as written: the API says whether it exists (404). */
export async function resolveReservationRef(
  client: TablebookClient,
  args: { readonly restaurant: string; readonly reservationId: string },
): Promise<ReservationRef> {
  const restaurant = await resolveRestaurant(client, args.restaurant);
  return { restaurant, restaurantId: restaurant.id, reservationId: args.reservationId.trim() };
}
