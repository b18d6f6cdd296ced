import { exampleIds, exampleRestaurant } from '@tablebook/api';
import type { ErrorReason, ReasonDetails } from '@tablebook/api/shared';

/** A refusal as the document shows it: a message of the kind the server sends, and its details. */
interface RefusalExample<R extends ErrorReason> {
  message: string;
  /** Typed by the catalog's declaration of the reason: a field it does not declare fails typecheck. */
  details: keyof ReasonDetails<R> extends never ? undefined : ReasonDetails<R>;
}

const restaurantName = exampleRestaurant.name;
const { date, restaurantId, reservationId } = exampleIds;

/**
 * One example of every reason of the catalog, for the OpenAPI document's error responses (the lint
 * checks each against its response's schema, and openapi-document.test.ts against the declaration).
 * The shape is the catalog's; only the values are chosen here, around the document's one restaurant
 * and day (Sunday 2027-03-14).
 */
export const REFUSAL_EXAMPLES: { [R in ErrorReason]: RefusalExample<R> } = {
  INVALID_INPUT: { message: 'Invalid input: date: date must be a calendar day written YYYY-MM-DD', details: undefined },
  PAST_DATE: {
    message: `Cannot book at "${restaurantName}" on 2027-03-13: that day has passed (today is ${date} there)`,
    details: { restaurantName, date: '2027-03-13', today: date },
  },
  UNKNOWN_TABLE: { message: `"${restaurantName}" has no table Z9`, details: { restaurantName, table: 'Z9' } },
  PARTY_TOO_LARGE: {
    message: `Table A1 at "${restaurantName}" seats 2; the party is 4`,
    details: { restaurantName, partySize: 4, seats: 2, table: 'A1' },
  },
  OFF_SLOT: {
    message: `${restaurantName} on ${date} at 19:10: bookings start every 30 minutes from 19:00 (19:00, 19:30, ...)`,
    details: { restaurantName, date, time: '19:10', slotMinutes: 30, opens: '19:00' },
  },
  TIME_NOT_OFFERED: {
    message: `"${restaurantName}" books whole days: time is not accepted`,
    details: { restaurantName },
  },
  UNAUTHORIZED: {
    message: 'This is an administration call: send Authorization: Bearer <admin token>',
    details: { token: 'missing' },
  },
  INVALID_CANCELLATION_CODE: { message: 'The cancellation code does not match this reservation', details: undefined },
  INVALID_CANCEL_TOKEN: { message: 'This cancel link is not valid: check that it was copied whole from the e-mail', details: undefined },
  MESSAGE_NOT_DEAD: {
    message: 'Message 1f0c2e4a-7b1d-4c8e-9a55-3d2f6b8e0c11 is sent: only a dead message can be retried',
    details: { status: 'sent' },
  },
  FORBIDDEN_HOST: {
    message: 'The administration is open (no ADMIN_TOKEN): only requests to a loopback host are answered',
    details: undefined,
  },
  NOT_FOUND: { message: `Restaurant ${restaurantId} does not exist`, details: { entity: 'restaurant' } },
  METHOD_NOT_ALLOWED: { message: 'Method DELETE not allowed on /api/restaurants', details: undefined },
  TABLE_ALREADY_BOOKED: {
    message: `Table A0 at "${restaurantName}" is already booked ${date} 19:00-21:00`,
    details: { restaurantName, table: 'A0', date, from: '19:00', to: '21:00' },
  },
  NO_TABLE_AVAILABLE: {
    message: `No table at "${restaurantName}" that seats a party of 4 is free ${date} 19:30-21:30`,
    details: { restaurantName, partySize: 4, date, from: '19:30', to: '21:30' },
  },
  CLOSED: {
    message: `${restaurantName} on ${date} at 16:00: closed then (open 12:00-22:00)`,
    details: { restaurantName, date, why: 'closedThen', time: '16:00', ranges: [{ opens: '12:00', closes: '22:00' }] },
  },
  OUTSIDE_BOOKING_WINDOW: {
    message: `${restaurantName} on ${date} at 12:30: bookings close 60 minutes before the start`,
    details: { restaurantName, date, time: '12:30', why: 'tooSoon', minAdvanceMinutes: 60 },
  },
  HAS_FUTURE_RESERVATIONS: {
    message: `Cannot change the hours of "${restaurantName}": future reservations would fall outside its hours`,
    details: { restaurantName, change: 'hours', why: 'outsideHours', reservations: [{ date, time: '21:30', table: 'A0' }] },
  },
  GLOBAL_DAILY_LIMIT: {
    message: `Cannot book table A1 at "${restaurantName}" on ${date}: the system already has 20 reservations that day (its daily limit)`,
    details: { restaurantName, date, table: 'A1', limit: 20 },
  },
  RESTAURANT_DAILY_LIMIT: {
    message: `Cannot book table A1 at "${restaurantName}" on ${date}: the restaurant already has 15 reservations that day (its daily limit)`,
    details: { restaurantName, date, table: 'A1', limit: 15 },
  },
  PACING_LIMIT: {
    message: `Cannot book at "${restaurantName}": the 19:00-19:30 interval on ${date} has 2 of 10 covers left; the party is 4`,
    details: { restaurantName, date, from: '19:00', to: '19:30', coversLeft: 2, maxCovers: 10, partySize: 4 },
  },
  TABLE_HAS_RESERVATIONS: {
    message: `Cannot change the tables of "${restaurantName}": future reservations need them: A0 on ${date}`,
    details: { restaurantName, reservations: [{ table: 'A0', date, time: '19:00', partySize: 4 }] },
  },
  ALREADY_CANCELLED: {
    message: `Reservation ${reservationId} is already cancelled`,
    details: { restaurantName, table: 'A0', date, time: '19:30' },
  },
  ALREADY_OVER: {
    message: `Reservation ${reservationId} at "${restaurantName}" (table A0, ${date} 19:30) is already over; it can no longer be cancelled`,
    details: { restaurantName, table: 'A0', date, time: '19:30' },
  },
  ILLEGAL_STATUS_CHANGE: {
    message: `Reservation ${reservationId} cannot go from seated to cancelled (allowed: completed)`,
    details: { from: 'seated', to: 'cancelled', allowed: ['completed'], restaurantName, table: 'A0', date, time: '19:30' },
  },
  NOT_MOVABLE: {
    message: `Reservation ${reservationId} is seated; only a confirmed reservation can change its day, time, table or party size`,
    details: { status: 'seated' },
  },
  PAYLOAD_TOO_LARGE: { message: 'Request body too large', details: undefined },
  UNSUPPORTED_MEDIA_TYPE: { message: 'Unsupported Media Type: text/plain', details: undefined },
  IDEMPOTENCY_KEY_REUSED: {
    message: 'Idempotency key "my-checkout-1" was already used for a different request',
    details: undefined,
  },
  RATE_LIMITED: { message: 'Too many requests; try again in 42 s', details: { what: 'requests', retryAfterSeconds: 42 } },
  INTERNAL_ERROR: { message: 'Internal server error (request id 9f1c2b7e-5d4a-4e3b-8c2d-1a0b9c8d7e6f)', details: undefined },
  SERVICE_UNAVAILABLE: { message: 'The database is not reachable; try again shortly', details: undefined },
};
