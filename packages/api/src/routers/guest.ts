import { z } from 'zod';
import { guestBookingInput, guestBookingOutput, guestCancelInput, guestCancelOutput } from '../schemas/guest.ts';
import { availabilityInput, availabilityOutput } from '../schemas/reservation.ts';
import { listRestaurantsInput, restaurantIdInput, restaurantOutput } from '../schemas/restaurant.ts';
import { availability } from '../services/availability.ts';
import { bookAsGuest, cancelAsGuest } from '../services/guests.ts';
import { getRestaurant, listQueryFrom, listRestaurants } from '../services/restaurants.ts';
import { toPublicEvent } from '../events/stream.ts';
import { trackedEventStream } from '../events/tracked-stream.ts';
import { dayStreamInput, eventStreamInput } from '../schemas/events.ts';
import { guestBookingProcedure, publicProcedure, countBookingOutcome } from '../trpc.ts';

const tags = ['guests'];

/** What anyone may do without a token: find a restaurant, see its free tables, book, cancel with the code. */
export const guestRouter = {
  restaurants: publicProcedure
    .meta({
      openapi: { method: 'GET', path: '/restaurants', tags, summary: 'Find restaurants (the same filters as the admin list)', protect: false },
      successMessage: 'Restaurants retrieved',
    })
    .input(listRestaurantsInput)
    .output(z.array(restaurantOutput))
    .query(({ ctx, input }) => listRestaurants(ctx.db, ctx.settings, ctx.now(), listQueryFrom(input))),

  restaurant: publicProcedure
    .meta({
      openapi: { method: 'GET', path: '/restaurants/{id}', tags, summary: 'One restaurant, with its tables', protect: false },
      successMessage: 'Restaurant retrieved',
    })
    .input(restaurantIdInput)
    .output(restaurantOutput)
    .query(({ ctx, input }) => getRestaurant(ctx.db, input.id)),

  availability: publicProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/restaurants/{restaurantId}/availability',
        tags,
        summary: 'Remaining capacity and free tables for a day (or a range of at most 62 days)',
        protect: false,
      },
      successMessage: 'Availability retrieved',
    })
    .input(availabilityInput)
    .output(availabilityOutput)
    .query(({ ctx, input }) => availability(ctx.db, ctx.settings, input)),

  /** A restaurant's day as it changes: remaining capacity and taken tables, no personal data. */
  onChange: publicProcedure.input(eventStreamInput).subscription(async function* ({ ctx, input, signal }) {
    yield* trackedEventStream(ctx, input, toPublicEvent, signal);
  }),

  /** Every restaurant's changes for one day (search results), no personal data. */
  onDayChange: publicProcedure.input(dayStreamInput).subscription(async function* ({ ctx, input, signal }) {
    yield* trackedEventStream(ctx, input, toPublicEvent, signal);
  }),

  book: guestBookingProcedure
    .use(countBookingOutcome)
    .meta({
      openapi: {
        method: 'POST',
        path: '/restaurants/{restaurantId}/reservations',
        tags,
        summary: 'Book a table as a guest (a name, and a phone or an e-mail)',
        description:
          'The answer carries cancellationCode, shown once: keep it to cancel. Send an Idempotency-Key header to make retries safe (a replay within 24 hours returns the same answer, code included).',
        protect: false,
      },
      successStatus: 201,
      successMessage: 'Reservation created',
    })
    .input(guestBookingInput)
    .output(guestBookingOutput)
    .mutation(({ ctx, input }) => bookAsGuest(ctx.db, ctx.settings, ctx.now(), input)),

  cancel: publicProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/restaurants/{restaurantId}/reservations/{reservationId}/cancel',
        tags,
        summary: 'Cancel your booking with its cancellation code',
        protect: false,
      },
      successMessage: 'Reservation cancelled',
    })
    .input(guestCancelInput)
    .output(guestCancelOutput)
    .mutation(({ ctx, input }) => cancelAsGuest(ctx.db, ctx.settings, ctx.now(), input)),
};
