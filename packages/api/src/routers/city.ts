import { z } from 'zod';
import { exampleCity } from '../examples.ts';
import { cityOutput, listCitiesInput } from '../schemas/city.ts';
import { listCities } from '../services/cities.ts';
import { publicProcedure } from '../trpc.ts';

export const cityRouter = {
  list: publicProcedure
    .meta({
      rest: {
        method: 'GET',
        path: '/cities',
        tag: 'cities',
        summary: 'The cities of Colombia',
        description: 'Every city with its department, by name; `search` keeps those whose name contains it (case-insensitive).',
        successMessage: 'Cities retrieved',
        example: { request: { search: 'leti' }, response: [exampleCity] },
      },
    })
    .input(listCitiesInput)
    .output(z.array(cityOutput))
    .query(({ ctx, input }) => listCities(ctx.db, input.search)),
};
