import { z } from 'zod';
import {
  availabilityInput,
  availabilityOutput,
  cancelReservationInput,
  createReservationInput,
  listReservationsInput,
  reservationOutput,
  reservationRefInput,
  slotsInput,
  slotsOutput,
  updateReservationInput,
} from '../schemas/reservation.ts';
import { availability } from '../services/availability.ts';
import { createReservation } from '../services/booking.ts';
import { cancelReservation, changeReservation } from '../services/reservation-change.ts';
import { getReservation, listReservations } from '../services/reservations.ts';
import { toAdminEvent } from '../events/stream.ts';
import { trackedEventStream } from '../events/tracked-stream.ts';
import { eventStreamInput, reservationStreamItem } from '../schemas/events.ts';
import { exampleAdminEvent, exampleDayAvailability, exampleIds, exampleReservation, exampleSlots } from '../examples.ts';
import { adminProcedure, countBookingOutcome } from '../trpc.ts';
import { BOOKING_REFUSALS, SLOTS_DESCRIPTION, TIMED_BOOKING } from './descriptions.ts';
import { bookingLanguage } from '../rules/guest-language.ts';
import { slotsOfDay } from '../services/slots.ts';

const tag = 'reservations';
const BOOKING_RULES = ['TABLE_ALREADY_BOOKED', 'GLOBAL_DAILY_LIMIT', 'RESTAURANT_DAILY_LIMIT'] as const;
const TIME_REFUSALS = ['TIME_NOT_OFFERED', 'CLOSED', 'OUTSIDE_BOOKING_WINDOW', 'NO_TABLE_AVAILABLE', 'PACING_LIMIT'] as const;
const reservationPath = '/admin/restaurant/{restaurantId}/reservations/{reservationId}' as const;

export const reservationRouter = {
  list: adminProcedure
    .meta({
      rest: {
        method: 'GET',
        path: '/admin/restaurant/{restaurantId}/reservations',
        tag,
        summary: "A restaurant's reservations, newest date first",
        description: 'Cancelled reservations are left out unless status=cancelled or status=all.',
        successMessage: 'Reservations retrieved',
        example: { request: { date: exampleIds.date }, response: [exampleReservation] },
      },
    })
    .input(listReservationsInput)
    .output(z.array(reservationOutput))
    .query(({ ctx, input }) => listReservations(ctx.db, input.restaurantId, { date: input.date, status: input.status })),

  create: adminProcedure
    .use(countBookingOutcome)
    .meta({
      rest: {
        method: 'POST',
        path: '/admin/restaurant/{restaurantId}/reservations',
        tag,
        summary: 'Book a table for a day, or for a time of day',
        description: `${BOOKING_REFUSALS} ${TIMED_BOOKING} An admin may send durationMinutes (15..720) instead of the turn time, and may book off the slot grid (a walk-in at 19:10), still within opening hours.`,
        successStatus: 201,
        successMessage: 'Reservation created',
        errors: ['PAST_DATE', 'UNKNOWN_TABLE', 'PARTY_TOO_LARGE', ...BOOKING_RULES, ...TIME_REFUSALS],
        headers: { 'Idempotency-Key': 'idempotencyKey' },
        example: {
          request: { date: exampleIds.date, time: '19:30', partySize: 4, guestName: 'Ana Gómez', guestPhone: '+57 300 123 4567' },
          response: exampleReservation,
        },
      },
    })
    .input(createReservationInput)
    .output(reservationOutput)
    .mutation(({ ctx, input }) =>
      createReservation(ctx.db, ctx.now(), { ...input, language: bookingLanguage(input.language, ctx.acceptLanguage) }),
    ),

  byId: adminProcedure
    .meta({
      rest: {
        method: 'GET',
        path: reservationPath,
        tag,
        summary: 'One reservation',
        successMessage: 'Reservation retrieved',
        example: { response: exampleReservation },
      },
    })
    .input(reservationRefInput)
    .output(reservationOutput)
    .query(({ ctx, input }) => getReservation(ctx.db, input.restaurantId, input.reservationId)),

  update: adminProcedure
    .meta({
      rest: {
        method: 'PATCH',
        path: reservationPath,
        tag,
        summary: 'Change a reservation: move it (date, time, table, party size, duration), edit guest details, or change its status',
        description:
          'A move is checked like a new booking, in one transaction: if refused (409 with the reason) the reservation stays as it was. A move that names no table keeps its table; the duration follows the party size only when partySize changes and no durationMinutes is sent. Status changes: confirmed -> seated -> completed, confirmed -> cancelled, confirmed -> no_show; anything else is 409 ILLEGAL_STATUS_CHANGE. A timed reservation may be seated from 60 minutes before its start; completing it or marking it a no-show ends its turn now (endsAt = max(startsAt, min(now, endsAt))), freeing the table.',
        successMessage: 'Reservation updated',
        errors: [
          'PAST_DATE',
          'UNKNOWN_TABLE',
          'PARTY_TOO_LARGE',
          ...BOOKING_RULES,
          'ALREADY_CANCELLED',
          'ILLEGAL_STATUS_CHANGE',
          'NOT_MOVABLE',
          ...TIME_REFUSALS,
        ],
        example: { request: { table: 'A1', partySize: 2 }, response: { ...exampleReservation, table: 'A1', partySize: 2 } },
      },
    })
    .input(updateReservationInput)
    .output(reservationOutput)
    .mutation(({ ctx, input: { restaurantId, reservationId, ...change } }) =>
      changeReservation(ctx.db, ctx.now(), { restaurantId, reservationId }, change),
    ),

  cancel: adminProcedure
    .meta({
      rest: {
        method: 'POST',
        path: `${reservationPath}/cancel`,
        tag,
        summary: 'Cancel a reservation (no body, or {reason}); its table and place are free at once',
        description: 'Cancelling twice is 409 ALREADY_CANCELLED; a seated, completed or no-show reservation is 409 ILLEGAL_STATUS_CHANGE.',
        successMessage: 'Reservation cancelled',
        errors: ['ALREADY_CANCELLED', 'ILLEGAL_STATUS_CHANGE'],
        example: { request: { reason: 'lluvia' }, response: { ...exampleReservation, status: 'cancelled', cancelReason: 'lluvia' } },
      },
    })
    .input(cancelReservationInput)
    .output(reservationOutput)
    .mutation(({ ctx, input: { restaurantId, reservationId, reason } }) =>
      cancelReservation(ctx.db, ctx.now(), { restaurantId, reservationId }, reason),
    ),

  onChange: adminProcedure
    .meta({
      rest: {
        method: 'GET',
        path: '/admin/restaurant/{id}/events',
        tag,
        summary: "A restaurant's reservation changes, live",
        description:
          "Each event: {id, type: created|updated|moved|cancelled, reservation, capacity, previousCapacity (moves)}. With ready=true the stream starts with {id, type: 'ready', resumed}; with systemCapacity=true and a date, another restaurant's change that moves the system's remaining capacity that day is {id, type: 'capacity', date, globalRemaining}; with limits=true, a change of the stored daily limits (PUT /api/admin/settings), a restaurant deleted (its bookings no longer count against the system's limit) or a change of this restaurant's own dailyLimit or pacing is {id, type: 'limits', restaurantId} (null: the stored limits or a deletion), after which every day's remaining capacity and bookable times are to be read afresh.",
        successMessage: 'Streaming',
        stream: { event: 'reservation', item: reservationStreamItem },
        operationId: 'reservation-events',
        pathFields: { id: 'restaurantId' },
        headers: { 'Last-Event-ID': 'lastEventId' },
        example: { request: { date: exampleIds.date }, response: exampleAdminEvent },
      },
    })
    .input(eventStreamInput)
    .subscription(({ ctx, input, signal }) => trackedEventStream(ctx, input, toAdminEvent, signal)),

  slots: adminProcedure
    .meta({
      rest: {
        method: 'GET',
        path: '/admin/restaurant/{restaurantId}/slots',
        tag,
        summary: 'The times a party can book on a day (as guests see them)',
        description: SLOTS_DESCRIPTION,
        successMessage: 'Slots retrieved',
        example: { request: { date: exampleIds.date, partySize: 4 }, response: exampleSlots },
      },
    })
    .input(slotsInput)
    .output(slotsOutput)
    .query(({ ctx, input }) => slotsOfDay(ctx.db, ctx.now(), input)),

  availability: adminProcedure
    .meta({
      rest: {
        method: 'GET',
        path: '/admin/restaurant/{restaurantId}/availability',
        tag,
        summary: 'Remaining capacity for a day (with the free tables), or for a range of at most 62 days',
        description:
          'With date: {date, restaurantRemaining, globalRemaining, freeTables}. With from and to (both included): {days: [{date, restaurantRemaining, globalRemaining}]}.',
        successMessage: 'Availability retrieved',
        example: { request: { date: exampleIds.date }, response: exampleDayAvailability },
      },
    })
    .input(availabilityInput)
    .output(availabilityOutput)
    .query(({ ctx, input }) => availability(ctx.db, input)),
};
