/** Texts several operations share in the REST contract. */

export const LIST_FILTERS =
  'startWith: case-insensitive name prefix (% and _ are literal). cityId: 0 = any. date: adds restaurantRemaining and globalRemaining for that day. aviability (alias minAvailable): keeps restaurants that can still take at least N reservations that day (date, else today), both limits counted. Empty values (cityId=) count as not given.';

export const TIMED_BOOKING =
  "At a restaurant with opening hours, send time (HH:MM, local) and partySize; table is optional (the smallest free table that seats the party, ties by label) and the table is held for the turn time of the party size. Refusals then: 400 TIME_NOT_OFFERED (a time at a restaurant that books whole days), 409 CLOSED (not open then, the date is closed, or a guest turn running past closing), 400 OFF_SLOT (a guest time off the slot grid), 409 OUTSIDE_BOOKING_WINDOW (a start already past, or for guests sooner than minAdvanceMinutes or beyond maxAdvanceDays), 409 NO_TABLE_AVAILABLE (no table that seats the party is free for the whole turn); the first that applies in the order INVALID_INPUT, TIME_NOT_OFFERED, PAST_DATE, CLOSED, OFF_SLOT, OUTSIDE_BOOKING_WINDOW, UNKNOWN_TABLE/PARTY_TOO_LARGE, TABLE_ALREADY_BOOKED/NO_TABLE_AVAILABLE, GLOBAL_DAILY_LIMIT, RESTAURANT_DAILY_LIMIT, PACING_LIMIT (409: at a restaurant with pacing, the party would pass the covers that may start in its start's interval; the message names the interval and the covers left).";

export const SLOTS_DESCRIPTION =
  'Every slot of the day for the party, in order: {time, startsAt, endsAt, freeTables (the tables that seat the party and are free for the whole turn, in label order), bookable, reason (when not bookable, the first in this order: OUTSIDE_BOOKING_WINDOW, NO_TABLE_AVAILABLE, GLOBAL_DAILY_LIMIT, RESTAURANT_DAILY_LIMIT, PACING_LIMIT)}. A closed day, or a restaurant that books whole days, has no slots. A spring-forward gap has no slots; a repeated autumn hour is offered once.';

export const BOOKING_REFUSALS =
  'Refused with 409 when the table is taken that day (TABLE_ALREADY_BOOKED), the system has reached its daily limit (GLOBAL_DAILY_LIMIT) or the restaurant has (RESTAURANT_DAILY_LIMIT), in that order; 400 PAST_DATE for a day before today, UNKNOWN_TABLE for a label outside the layout, PARTY_TOO_LARGE when the table seats fewer. Send an Idempotency-Key header (1..255 printable ASCII) to make retries safe: the same key and request replay the first answer; the same key with another request is 422 IDEMPOTENCY_KEY_REUSED.';

export const SETTINGS_DESCRIPTION =
  'The daily limits every server process and the database itself judge bookings by, stored in one row: globalDailyLimit (the whole system, per day) and restaurantDailyLimit (per restaurant and day, unless the restaurant has its own dailyLimit). RESTAURANT_DAILY_LIMIT and GLOBAL_DAILY_LIMIT give the values of a new database; afterwards these rule.';

export const SETTINGS_UPDATE_DESCRIPTION =
  'Send either limit or both (integers 1..1000000; a field left out keeps its value; unknown fields are ignored); answers the stored values after the change. The next booking on any process decides by them. Lowering a limit below the bookings a day already has cancels nothing: further bookings that day are refused (GLOBAL_DAILY_LIMIT, RESTAURANT_DAILY_LIMIT).';
