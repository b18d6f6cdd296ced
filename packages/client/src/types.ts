import type { RouterOutputs } from '@tablebook/api';

export type { AppRouter, RouterInputs, RouterOutputs } from '@tablebook/api';

/** The shapes the API answers with, named for code that handles them. */
export type City = RouterOutputs['city']['list'][number];
/** A restaurant; listed for a date it also has `restaurantRemaining` and `globalRemaining`. */
export type Restaurant = RouterOutputs['restaurant']['list'][number];
export type Reservation = RouterOutputs['reservation']['create'];
