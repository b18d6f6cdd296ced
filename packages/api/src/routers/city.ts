import { z } from 'zod';
import { cityOutput, listCitiesInput } from '../schemas/city.ts';
import { listCities } from '../services/cities.ts';
import { publicProcedure } from '../trpc.ts';

export const cityRouter = {
  list: publicProcedure
    .meta({
      openapi: { method: 'GET', path: '/cities', tags: ['cities'], summary: 'The cities of Colombia', protect: false },
      successMessage: 'Cities retrieved',
    })
    .input(listCitiesInput)
    .output(z.array(cityOutput))
    .query(({ ctx, input }) => listCities(ctx.db, input.search)),
};
