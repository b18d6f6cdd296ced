import { z } from 'zod';
import { isStorableText } from './common.ts';

export const cityOutput = z.object({
  id: z.number().int(),
  name: z.string(),
  deptName: z.string(),
});
export type CityOutput = z.infer<typeof cityOutput>;

export const listCitiesInput = z
  .object({
    search: z
      .string()
      .trim()
      .max(100, 'search must be at most 100 characters')
      .refine(isStorableText, { error: 'search contains characters that cannot be stored', params: { code: 'unstorable_text' } })
      .optional()
      .describe('Part of the city name, case-insensitive.'),
  })
  .default({});
