import { z } from 'zod';
import {
  deletedOutput,
  listRestaurantsInput,
  restaurantFields,
  restaurantIdInput,
  restaurantOutput,
  updateRestaurantInput,
} from '../schemas/restaurant.ts';
import {
  createRestaurant,
  deleteRestaurant,
  getRestaurant,
  listQueryFrom,
  listRestaurants,
  updateRestaurant,
} from '../services/restaurants.ts';
import { exampleIds, exampleRestaurant, exampleRestaurantFields, exampleRestaurantOnDay } from '../examples.ts';
import { adminProcedure } from '../trpc.ts';
import { LIST_FILTERS } from './descriptions.ts';

/** What a restaurant's own limits mean, for the create and the update. */
const RESTAURANT_LIMITS =
  'dailyLimit (1..1000000, or null = the stored restaurantDailyLimit) is its own daily limit. pacing {intervalMinutes: 15|30|60, maxCovers: 1..10000} (or null for none) lets at most maxCovers guests (the party sizes of live timed reservations) start in each interval from local midnight; it needs opening hours: pacing on a restaurant without hours after the change, or hours emptied while pacing stays, is 400 INVALID_INPUT (pacing). A new limit or pacing cancels nothing; it judges later bookings and moves.';

const tag = 'restaurants';

export const restaurantRouter = {
  list: adminProcedure
    .meta({
      rest: {
        method: 'GET',
        path: '/admin/restaurant',
        tag,
        summary: 'List restaurants by name, with filters',
        description: LIST_FILTERS,
        successMessage: 'Restaurants retrieved',
        example: { request: { startWith: 'La', cityId: 1, date: exampleIds.date }, response: [exampleRestaurantOnDay] },
      },
    })
    .input(listRestaurantsInput)
    .output(z.array(restaurantOutput))
    .query(({ ctx, input }) => listRestaurants(ctx.db, ctx.settings, ctx.now(), listQueryFrom(input))),

  byId: adminProcedure
    .meta({
      rest: {
        method: 'GET',
        path: '/admin/restaurant/{id}',
        tag,
        summary: 'One restaurant',
        successMessage: 'Restaurant retrieved',
        example: { response: exampleRestaurant },
      },
    })
    .input(restaurantIdInput)
    .output(restaurantOutput)
    .query(({ ctx, input }) => getRestaurant(ctx.db, input.id)),

  create: adminProcedure
    .meta({
      rest: {
        method: 'POST',
        path: '/admin/restaurant',
        tag,
        summary: 'Create a restaurant',
        description: `Without tables it gets A0-A3, B0-B3, C0-C3 and D0-D2 with 4 seats each. An unknown cityId is 400 INVALID_INPUT. ${RESTAURANT_LIMITS}`,
        successStatus: 201,
        successMessage: 'Restaurant created',
        example: { request: exampleRestaurantFields, response: exampleRestaurant },
      },
    })
    .input(restaurantFields)
    .output(restaurantOutput)
    .mutation(({ ctx, input }) => createRestaurant(ctx.db, ctx.settings, ctx.now(), input)),

  update: adminProcedure
    .meta({
      rest: {
        method: 'PUT',
        path: '/admin/restaurant/{id}',
        tag,
        summary: 'Replace a restaurant',
        description: `The full create body; without tables the layout is kept, and so are the time-of-day fields, dailyLimit and pacing when left out (null clears the last two). A layout that drops (or shrinks below its party) a table that future reservations need is 409 TABLE_HAS_RESERVATIONS, listing them. A new timeZone or new hours that would leave reservations still to be served outside the hours (or at a local time the new zone skips, or overlapping on one table) is 409 HAS_FUTURE_RESERVATIONS, listing them. ${RESTAURANT_LIMITS}`,
        successMessage: 'Restaurant updated',
        errors: ['TABLE_HAS_RESERVATIONS', 'HAS_FUTURE_RESERVATIONS'],
        example: {
          request: { ...exampleRestaurantFields, description: 'Pescados' },
          response: { ...exampleRestaurant, description: 'Pescados' },
        },
      },
    })
    .input(updateRestaurantInput)
    .output(restaurantOutput)
    .mutation(({ ctx, input: { id, ...fields } }) => updateRestaurant(ctx.db, ctx.settings, ctx.now(), id, fields)),

  delete: adminProcedure
    .meta({
      rest: {
        method: 'DELETE',
        path: '/admin/restaurant/{id}',
        tag,
        summary: 'Delete a restaurant and its reservations',
        successMessage: 'Restaurant deleted',
        example: { response: { id: exampleIds.restaurantId } },
      },
    })
    .input(restaurantIdInput)
    .output(deletedOutput)
    .mutation(({ ctx, input }) => deleteRestaurant(ctx.db, input.id)),
};
