/** Texts several operations share in the REST contract. */

export const LIST_FILTERS =
  'startWith: case-insensitive name prefix (% and _ are literal). cityId: 0 = any. date: adds restaurantRemaining and globalRemaining for that day. aviability (alias minAvailable): keeps restaurants that can still take at least N reservations that day (date, else today), both limits counted. Empty values (cityId=) count as not given.';

export const BOOKING_REFUSALS =
  'Refused with 409 when the table is taken that day (TABLE_ALREADY_BOOKED), the system has reached its daily limit (GLOBAL_DAILY_LIMIT) or the restaurant has (RESTAURANT_DAILY_LIMIT), in that order; 400 PAST_DATE for a day before today, UNKNOWN_TABLE for a label outside the layout, PARTY_TOO_LARGE when the table seats fewer. Send an Idempotency-Key header (1..255 printable ASCII) to make retries safe: the same key and request replay the first answer; the same key with another request is 422 IDEMPOTENCY_KEY_REUSED.';
