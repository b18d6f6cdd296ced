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
import { adminProcedure } from '../trpc.ts';

const tags = ['restaurants'];

export const restaurantRouter = {
  list: adminProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/admin/restaurant',
        tags,
        summary: 'List restaurants by name, with filters',
        description:
          'startWith: case-insensitive name prefix (% and _ are literal). cityId: 0 = any. date: adds restaurantRemaining and globalRemaining for that day. aviability (alias minAvailable): keeps restaurants that can still take at least N reservations that day (date, else today), both limits counted.',
        protect: true,
      },
      successMessage: 'Restaurants retrieved',
    })
    .input(listRestaurantsInput)
    .output(z.array(restaurantOutput))
    .query(({ ctx, input }) => listRestaurants(ctx.db, ctx.settings, ctx.now(), listQueryFrom(input))),

  byId: adminProcedure
    .meta({
      openapi: { method: 'GET', path: '/admin/restaurant/{id}', tags, summary: 'One restaurant', protect: true },
      successMessage: 'Restaurant retrieved',
    })
    .input(restaurantIdInput)
    .output(restaurantOutput)
    .query(({ ctx, input }) => getRestaurant(ctx.db, input.id)),

  create: adminProcedure
    .meta({
      openapi: { method: 'POST', path: '/admin/restaurant', tags, summary: 'Create a restaurant', protect: true },
      successStatus: 201,
      successMessage: 'Restaurant created',
    })
    .input(restaurantFields)
    .output(restaurantOutput)
    .mutation(({ ctx, input }) => createRestaurant(ctx.db, input)),

  update: adminProcedure
    .meta({
      openapi: { method: 'PUT', path: '/admin/restaurant/{id}', tags, summary: 'Replace a restaurant', protect: true },
      successMessage: 'Restaurant updated',
    })
    .input(updateRestaurantInput)
    .output(restaurantOutput)
    .mutation(({ ctx, input: { id, ...fields } }) => updateRestaurant(ctx.db, ctx.settings, ctx.now(), id, fields)),

  delete: adminProcedure
    .meta({
      openapi: {
        method: 'DELETE',
        path: '/admin/restaurant/{id}',
        tags,
        summary: 'Delete a restaurant and its reservations',
        protect: true,
      },
      successMessage: 'Restaurant deleted',
    })
    .input(restaurantIdInput)
    .output(deletedOutput)
    .mutation(({ ctx, input }) => deleteRestaurant(ctx.db, input.id)),
};
