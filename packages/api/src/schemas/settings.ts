import { z } from 'zod';
import { exactInt } from './common.ts';

/** The bounds of a daily limit: the same as RESTAURANT_DAILY_LIMIT / GLOBAL_DAILY_LIMIT and the settings row's checks. */
export const DAILY_LIMIT_MIN = 1;
export const DAILY_LIMIT_MAX = 1_000_000;

const dailyLimit = (field: string) => exactInt(field, DAILY_LIMIT_MIN, DAILY_LIMIT_MAX);

export const settingsOutput = z.object({
  globalDailyLimit: z
    .number()
    .int()
    .min(DAILY_LIMIT_MIN)
    .max(DAILY_LIMIT_MAX)
    .describe('Most reservations the whole system takes on one day.'),
  restaurantDailyLimit: z
    .number()
    .int()
    .min(DAILY_LIMIT_MIN)
    .max(DAILY_LIMIT_MAX)
    .describe('Most reservations one restaurant takes on one day, unless it has its own dailyLimit.'),
});

/** A change of the stored limits: either or both; one left out keeps its value. */
export const updateSettingsInput = z
  .object({
    globalDailyLimit: dailyLimit('globalDailyLimit').optional().describe('The new daily limit of the whole system; left out: kept.'),
    restaurantDailyLimit: dailyLimit('restaurantDailyLimit')
      .optional()
      .describe('The new default daily limit of a restaurant (one with its own dailyLimit keeps it); left out: kept.'),
  })
  .superRefine((input, context) => {
    if (input.globalDailyLimit === undefined && input.restaurantDailyLimit === undefined) {
      context.addIssue({
        code: 'custom',
        path: [],
        message: 'give globalDailyLimit, restaurantDailyLimit or both',
        params: { code: 'limit_required' },
      });
    }
  })
  // The refinement in the JSON Schema (the OpenAPI document): one of the two is required.
  .meta({ anyOf: [{ required: ['globalDailyLimit'] }, { required: ['restaurantDailyLimit'] }] });
