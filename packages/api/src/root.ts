import { cityRouter } from './routers/city.ts';
import { guestRouter } from './routers/guest.ts';
import { reservationRouter } from './routers/reservation.ts';
import { restaurantRouter } from './routers/restaurant.ts';
import { router, type Meta } from './trpc.ts';

export const appRouter = router({
  city: cityRouter,
  guest: guestRouter,
  restaurant: restaurantRouter,
  reservation: reservationRouter,
});

export type AppRouter = typeof appRouter;

/** A procedure's metadata by its dotted path ("reservation.create"). */
export function procedureMeta(path: string): Meta | undefined {
  const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { meta?: Meta } }>;
  return procedures[path]?._def.meta;
}
