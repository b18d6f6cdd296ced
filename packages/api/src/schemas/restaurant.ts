import { z } from 'zod';
import { cityOutput } from './city.ts';
import {
  boundedText,
  calendarDate,
  entityId,
  exactInt,
  httpUrl,
  optionalQuery,
  PG_INT_MAX,
  queryInt,
} from './common.ts';

/** The body of a create, and of a full update (PUT). The web app validates its form with it. */
export const restaurantFields = z.object({
  name: boundedText('name', 2, 250),
  address: boundedText('address', 1, 250),
  description: boundedText('description', 1, 250),
  photoUrl: httpUrl('photoUrl', 250),
  cityId: exactInt('cityId', 1, PG_INT_MAX),
});
export type RestaurantFields = z.input<typeof restaurantFields>;

export const restaurantIdInput = z.object({ id: entityId('id') });

export const updateRestaurantInput = restaurantFields.extend({ id: entityId('id') });

export const MAX_PAGE_SIZE = 500;

export const listRestaurantsInput = z
  .object({
    startWith: optionalQuery(boundedText('startWith', 1, 250)),
    cityId: optionalQuery(queryInt('cityId', 0, PG_INT_MAX)),
    date: optionalQuery(calendarDate),
    /** The seed's spelling, kept for its clients; `minAvailable` is the same filter. */
    aviability: optionalQuery(queryInt('aviability', 0, PG_INT_MAX)),
    minAvailable: optionalQuery(queryInt('minAvailable', 0, PG_INT_MAX)),
    limit: optionalQuery(queryInt('limit', 1, MAX_PAGE_SIZE)),
    offset: optionalQuery(queryInt('offset', 0, PG_INT_MAX)),
  })
  .default({});
export type ListRestaurantsInput = z.input<typeof listRestaurantsInput>;

export const restaurantOutput = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string(),
  city: cityOutput,
  photoUrl: z.string(),
  description: z.string(),
  /** Present when the list is asked for a day: bookings this restaurant can still take that day. */
  restaurantRemaining: z.number().int().optional(),
  /** Present when the list is asked for a day: bookings the whole system can still take that day. */
  globalRemaining: z.number().int().optional(),
});
export type RestaurantOutput = z.infer<typeof restaurantOutput>;

export const deletedOutput = z.object({ id: z.string() });
