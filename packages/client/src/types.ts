import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from './router-types.ts';

export type { AppRouter } from './router-types.ts';

/** Every procedure's input, by path: `RouterInputs['reservation']['create']`. */
export type RouterInputs = inferRouterInputs<AppRouter>;
/** Every procedure's answer as it arrives (JSON), by path: `RouterOutputs['restaurant']['list']`. */
export type RouterOutputs = inferRouterOutputs<AppRouter>;

/** The shapes the API answers with, named for code that handles them. */
export type City = RouterOutputs['city']['list'][number];
/** A restaurant; listed for a date it also has `restaurantRemaining` and `globalRemaining`. */
export type Restaurant = RouterOutputs['restaurant']['list'][number];
export type Reservation = RouterOutputs['reservation']['create'];
