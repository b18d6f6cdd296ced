import { z } from 'zod';
import { createReservationInput, listReservationsInput, reservationOutput } from '../schemas/reservation.ts';
import { createReservation, listReservations } from '../services/reservations.ts';
import { publicProcedure } from '../trpc.ts';

const tags = ['reservations'];

export const reservationRouter = {
  list: publicProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/admin/restaurant/{restaurantId}/reservations',
        tags,
        summary: "A restaurant's reservations, newest date first",
        protect: false,
      },
      successMessage: 'Reservations retrieved',
    })
    .input(listReservationsInput)
    .output(z.array(reservationOutput))
    .query(({ ctx, input }) => listReservations(ctx.db, input.restaurantId, input.date)),

  create: publicProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/admin/restaurant/{restaurantId}/reservations',
        tags,
        summary: 'Book a table for a day',
        description:
          'Refused with 409 when the table is taken that day (TABLE_ALREADY_BOOKED), the system has reached its daily limit (GLOBAL_DAILY_LIMIT) or the restaurant has (RESTAURANT_DAILY_LIMIT), in that order; 400 PAST_DATE for a day before today.',
        protect: false,
      },
      successStatus: 201,
      successMessage: 'Reservation created',
    })
    .input(createReservationInput)
    .output(reservationOutput)
    .mutation(({ ctx, input }) => createReservation(ctx.db, ctx.settings, ctx.now(), input)),
};
