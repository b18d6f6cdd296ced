import { z } from 'zod';
import { toPublicEvent } from '../events/stream.ts';
import { trackedEventStream } from '../events/tracked-stream.ts';
import {
  exampleCapacity,
  exampleDayAvailability,
  exampleGuestBooking,
  exampleIds,
  examplePublicEvent,
  exampleRestaurant,
  exampleRestaurantOnDay,
  exampleSlots,
} from '../examples.ts';
import { dayStreamInput, eventStreamInput, publicStreamItem } from '../schemas/events.ts';
import {
  guestBookingInput,
  guestBookingOutput,
  guestCancelByCodeInput,
  guestCancelByCodeOutput,
  guestCancelInput,
  guestCancelOutput,
} from '../schemas/guest.ts';
import { availabilityInput, availabilityOutput, slotsInput, slotsOutput } from '../schemas/reservation.ts';
import { listRestaurantsInput, restaurantIdInput, restaurantOutput } from '../schemas/restaurant.ts';
import { availability } from '../services/availability.ts';
import { bookAsGuest, cancelAsGuest, cancelAsGuestByCode } from '../services/guests.ts';
import { getRestaurant, listQueryFrom, listRestaurants } from '../services/restaurants.ts';
import { countBookingOutcome, guestBookingProcedure, publicProcedure } from '../trpc.ts';
import { BOOKING_REFUSALS, LIST_FILTERS, SLOTS_DESCRIPTION, TIMED_BOOKING } from './descriptions.ts';
import { slotsOfDay } from '../services/slots.ts';
import { bookingLanguage } from '../rules/guest-language.ts';

const tag = 'guests';
const TIME_REFUSALS = ['TIME_NOT_OFFERED', 'CLOSED', 'OFF_SLOT', 'OUTSIDE_BOOKING_WINDOW', 'NO_TABLE_AVAILABLE', 'PACING_LIMIT'] as const;

/** What anyone may do without a token: find a restaurant, see its free tables, book, cancel with the code. */
export const guestRouter = {
  restaurants: publicProcedure
    .meta({
      rest: {
        method: 'GET',
        path: '/restaurants',
        tag,
        summary: 'Find restaurants (the same filters as the admin list)',
        description: LIST_FILTERS,
        successMessage: 'Restaurants retrieved',
        example: { request: { startWith: 'La', cityId: 1, date: exampleIds.date }, response: [exampleRestaurantOnDay] },
      },
    })
    .input(listRestaurantsInput)
    .output(z.array(restaurantOutput))
    .query(({ ctx, input }) => listRestaurants(ctx.db, ctx.settings, ctx.now(), listQueryFrom(input))),

  restaurant: publicProcedure
    .meta({
      rest: {
        method: 'GET',
        path: '/restaurants/{id}',
        tag,
        summary: 'One restaurant, with its tables',
        successMessage: 'Restaurant retrieved',
        example: { response: exampleRestaurant },
      },
    })
    .input(restaurantIdInput)
    .output(restaurantOutput)
    .query(({ ctx, input }) => getRestaurant(ctx.db, input.id)),

  availability: publicProcedure
    .meta({
      rest: {
        method: 'GET',
        path: '/restaurants/{restaurantId}/availability',
        tag,
        summary: 'Remaining capacity and free tables for a day (or a range of at most 62 days)',
        description:
          'With date: {date, restaurantRemaining, globalRemaining, freeTables, takenTables}. With from and to (both included): {days: [{date, restaurantRemaining, globalRemaining}]}.',
        successMessage: 'Availability retrieved',
        example: { request: { date: exampleIds.date }, response: exampleDayAvailability },
      },
    })
    .input(availabilityInput)
    .output(availabilityOutput)
    .query(({ ctx, input }) => availability(ctx.db, input)),

  slots: publicProcedure
    .meta({
      rest: {
        method: 'GET',
        path: '/restaurants/{restaurantId}/slots',
        tag,
        summary: 'The times a party can book on a day',
        description: SLOTS_DESCRIPTION,
        successMessage: 'Slots retrieved',
        example: { request: { date: exampleIds.date, partySize: 4 }, response: exampleSlots },
      },
    })
    .input(slotsInput)
    .output(slotsOutput)
    .query(({ ctx, input }) => slotsOfDay(ctx.db, ctx.now(), input)),

  /** A restaurant's day as it changes: remaining capacity and taken tables, no personal data. */
  onChange: publicProcedure
    .meta({
      rest: {
        method: 'GET',
        path: '/restaurants/{id}/events',
        tag,
        summary: "A restaurant's day as it changes, for guests",
        description:
          "No personal data: each event is {id, type, restaurantId, date, table, startsAt, endsAt, capacity, takenTables, previous: {table, startsAt, endsAt, capacity, takenTables} (moves)}; the slots overlapping startsAt..endsAt (and previous) are the ones that changed. With ready=true the stream starts with {id, type: 'ready', resumed}; with systemCapacity=true and a date, another restaurant's change that moves the system's remaining capacity that day is {id, type: 'capacity', date, globalRemaining}; with limits=true, a change of the stored daily limits (PUT /api/admin/settings), a restaurant deleted (its bookings no longer count against the system's limit) or a change of this restaurant's own dailyLimit or pacing is {id, type: 'limits', restaurantId} (null: the stored limits or a deletion), after which every day's remaining capacity and bookable times are to be read afresh.",
        successMessage: 'Streaming',
        stream: { event: 'reservation', item: publicStreamItem },
        operationId: 'guest-events',
        pathFields: { id: 'restaurantId' },
        headers: { 'Last-Event-ID': 'lastEventId' },
        example: { request: { date: exampleIds.date }, response: examplePublicEvent },
      },
    })
    .input(eventStreamInput)
    .subscription(({ ctx, input, signal }) => trackedEventStream(ctx, input, toPublicEvent, signal)),

  /** Every restaurant's changes for one day (search results), no personal data; `ready` as guest.onChange's, `limits` any restaurant's. */
  onDayChange: publicProcedure
    .input(dayStreamInput)
    .subscription(({ ctx, input, signal }) => trackedEventStream(ctx, input, toPublicEvent, signal)),

  book: guestBookingProcedure
    .use(countBookingOutcome)
    .meta({
      rest: {
        method: 'POST',
        path: '/restaurants/{restaurantId}/reservations',
        tag,
        summary: 'Book a table as a guest (a name, and a phone or an e-mail)',
        description: `The answer carries cancellationCode, shown once: keep it to cancel. ${BOOKING_REFUSALS} ${TIMED_BOOKING} durationMinutes is not for guests (400). At most 10 guest bookings per address and minute (429 with Retry-After).`,
        successStatus: 201,
        successMessage: 'Reservation created',
        errors: [
          'PAST_DATE',
          'UNKNOWN_TABLE',
          'PARTY_TOO_LARGE',
          'TABLE_ALREADY_BOOKED',
          'GLOBAL_DAILY_LIMIT',
          'RESTAURANT_DAILY_LIMIT',
          ...TIME_REFUSALS,
        ],
        headers: { 'Idempotency-Key': 'idempotencyKey' },
        example: {
          request: { date: exampleIds.date, time: '19:30', partySize: 4, guestName: 'Ana Gómez', guestPhone: '+57 300 123 4567' },
          response: exampleGuestBooking,
        },
      },
    })
    .input(guestBookingInput)
    .output(guestBookingOutput)
    .mutation(({ ctx, input }) =>
      bookAsGuest(ctx.db, ctx.now(), { ...input, language: bookingLanguage(input.language, ctx.acceptLanguage) }),
    ),

  cancel: publicProcedure
    .meta({
      rest: {
        method: 'POST',
        path: '/restaurants/{restaurantId}/reservations/{reservationId}/cancel',
        tag,
        summary: 'Cancel your booking with its cancellation code',
        description:
          "A wrong code is 403 INVALID_CANCELLATION_CODE; a booking already cancelled is 409 ALREADY_CANCELLED; one already seated, completed or marked no-show is 409 ILLEGAL_STATUS_CHANGE; one already over (a turn that has ended, a whole day before today, in the restaurant's zone) is 409 ALREADY_OVER.",
        successMessage: 'Reservation cancelled',
        errors: ['INVALID_CANCELLATION_CODE', 'ALREADY_CANCELLED', 'ILLEGAL_STATUS_CHANGE', 'ALREADY_OVER'],
        example: {
          request: { cancellationCode: exampleGuestBooking.cancellationCode },
          response: {
            id: exampleIds.reservationId,
            restaurantId: exampleIds.restaurantId,
            table: 'A0',
            date: exampleCapacity.date,
            status: 'cancelled',
          },
        },
      },
    })
    .input(guestCancelInput)
    .output(guestCancelOutput)
    .mutation(({ ctx, input }) => cancelAsGuest(ctx.db, ctx.now(), input)),

  /**
   * The code alone names the booking, or the signed token of the e-mail's cancel link. In the
   * guest-booking rate limit: each call is a guess at a code.
   */
  cancelByCode: guestBookingProcedure
    .meta({
      rest: {
        method: 'POST',
        path: '/reservations/cancel',
        tag,
        summary: "Cancel your booking with its cancellation code alone, or with the token of its e-mail's cancel link",
        description:
          "Send exactly one of {cancellationCode} (the code shown once at booking) or {cancelToken} (the token of the cancel link in the guest's e-mail, /cancel?token=...): no ids needed. Both or neither is 400 INVALID_INPUT. An unknown code is 404 NOT_FOUND; a token that does not verify (altered, cut short, from another installation) is 403 INVALID_CANCEL_TOKEN; a booking already cancelled is 409 ALREADY_CANCELLED; one already seated, completed or marked no-show is 409 ILLEGAL_STATUS_CHANGE; one already over (a turn that has ended, a whole day before today, in the restaurant's zone) is 409 ALREADY_OVER. Counted with guest bookings: at most 10 per address and minute (429 with Retry-After).",
        successMessage: 'Reservation cancelled',
        // No id in the path: the unknown code's 404 is listed here.
        errors: ['NOT_FOUND', 'INVALID_CANCEL_TOKEN', 'ALREADY_CANCELLED', 'ILLEGAL_STATUS_CHANGE', 'ALREADY_OVER'],
        example: {
          request: { cancellationCode: exampleGuestBooking.cancellationCode },
          response: {
            id: exampleIds.reservationId,
            restaurantId: exampleIds.restaurantId,
            restaurantName: exampleRestaurant.name,
            table: exampleGuestBooking.table,
            date: exampleGuestBooking.date,
            time: exampleGuestBooking.time,
            startsAt: exampleGuestBooking.startsAt,
            endsAt: exampleGuestBooking.endsAt,
            partySize: exampleGuestBooking.partySize,
            status: 'cancelled',
          },
        },
      },
    })
    .input(guestCancelByCodeInput)
    .output(guestCancelByCodeOutput)
    .mutation(({ ctx, input }) => cancelAsGuestByCode(ctx.db, ctx.now(), input)),
};
