import { z } from 'zod';
import {
  availabilityInput,
  availabilityOutput,
  cancelReservationInput,
  createReservationInput,
  listReservationsInput,
  reservationOutput,
  reservationRefInput,
  updateReservationInput,
} from '../schemas/reservation.ts';
import { availability } from '../services/availability.ts';
import {
  cancelReservation,
  changeReservation,
  createReservation,
  getReservation,
  listReservations,
} from '../services/reservations.ts';
import { toAdminEvent } from '../events/stream.ts';
import { trackedEventStream } from '../events/tracked-stream.ts';
import { eventStreamInput } from '../schemas/events.ts';
import { adminProcedure, countBookingOutcome } from '../trpc.ts';

const tags = ['reservations'];
const reservationPath = '/admin/restaurant/{restaurantId}/reservations/{reservationId}' as const;

export const reservationRouter = {
  list: adminProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/admin/restaurant/{restaurantId}/reservations',
        tags,
        summary: "A restaurant's reservations, newest date first",
        description: 'Cancelled reservations are left out unless status=cancelled or status=all.',
        protect: true,
      },
      successMessage: 'Reservations retrieved',
    })
    .input(listReservationsInput)
    .output(z.array(reservationOutput))
    .query(({ ctx, input }) => listReservations(ctx.db, input.restaurantId, { date: input.date, status: input.status })),

  create: adminProcedure
    .use(countBookingOutcome)
    .meta({
      openapi: {
        method: 'POST',
        path: '/admin/restaurant/{restaurantId}/reservations',
        tags,
        summary: 'Book a table for a day',
        description:
          'Refused with 409 when the table is taken that day (TABLE_ALREADY_BOOKED), the system has reached its daily limit (GLOBAL_DAILY_LIMIT) or the restaurant has (RESTAURANT_DAILY_LIMIT), in that order; 400 PAST_DATE for a day before today, UNKNOWN_TABLE for a label outside the layout, PARTY_TOO_LARGE when the table seats fewer. Send an Idempotency-Key header (1..255 printable ASCII) to make retries safe: the same key and request replay the first answer; the same key with another request is 422 IDEMPOTENCY_KEY_REUSED.',
        protect: true,
      },
      successStatus: 201,
      successMessage: 'Reservation created',
    })
    .input(createReservationInput)
    .output(reservationOutput)
    .mutation(({ ctx, input }) => createReservation(ctx.db, ctx.settings, ctx.now(), input)),

  byId: adminProcedure
    .meta({
      openapi: { method: 'GET', path: reservationPath, tags, summary: 'One reservation', protect: true },
      successMessage: 'Reservation retrieved',
    })
    .input(reservationRefInput)
    .output(reservationOutput)
    .query(({ ctx, input }) => getReservation(ctx.db, input.restaurantId, input.reservationId)),

  update: adminProcedure
    .meta({
      openapi: {
        method: 'PATCH',
        path: reservationPath,
        tags,
        summary: 'Change a reservation: move it (date, table, party size), edit guest details, or change its status',
        description:
          'A move is checked like a new booking, in one transaction: if refused (409 with the reason) the reservation stays as it was. Status changes: confirmed -> seated -> completed, confirmed -> cancelled, confirmed -> no_show; anything else is 409 ILLEGAL_STATUS_CHANGE.',
        protect: true,
      },
      successMessage: 'Reservation updated',
    })
    .input(updateReservationInput)
    .output(reservationOutput)
    .mutation(({ ctx, input: { restaurantId, reservationId, ...change } }) =>
      changeReservation(ctx.db, ctx.settings, ctx.now(), { restaurantId, reservationId }, change),
    ),

  cancel: adminProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: `${reservationPath}/cancel`,
        tags,
        summary: 'Cancel a reservation (no body, or {reason}); its table and place are free at once',
        description: 'Cancelling twice is 409 ALREADY_CANCELLED.',
        protect: true,
      },
      successMessage: 'Reservation cancelled',
    })
    .input(cancelReservationInput)
    .output(reservationOutput)
    .mutation(({ ctx, input: { restaurantId, reservationId, reason } }) =>
      cancelReservation(ctx.db, ctx.settings, ctx.now(), { restaurantId, reservationId }, reason),
    ),

  onChange: adminProcedure
    .input(eventStreamInput)
    .subscription(async function* ({ ctx, input, signal }) {
      yield* trackedEventStream(ctx, input, toAdminEvent, signal);
    }),

  availability: adminProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/admin/restaurant/{restaurantId}/availability',
        tags,
        summary: 'Remaining capacity for a day (with the free tables), or for a range of at most 62 days',
        description: 'With date: {date, restaurantRemaining, globalRemaining, freeTables}. With from and to (both included): {days: [{date, restaurantRemaining, globalRemaining}]}.',
        protect: true,
      },
      successMessage: 'Availability retrieved',
    })
    .input(availabilityInput)
    .output(availabilityOutput)
    .query(({ ctx, input }) => availability(ctx.db, ctx.settings, input)),
};
