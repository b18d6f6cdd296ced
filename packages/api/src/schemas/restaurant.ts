import { z } from 'zod';
import { cityOutput } from './city.ts';
import { bookingCalendarFields } from './hours.ts';
import { PACING_INTERVALS } from '../rules/pacing.ts';
import { DAILY_LIMIT_MAX, DAILY_LIMIT_MIN } from './settings.ts';
import { MAX_PARTY_SIZE, slotOutput, startTime, tableLabel } from './reservation.ts';
import { boundedText, calendarDate, entityId, exactInt, httpUrl, optionalQuery, PG_INT_MAX, queryInt } from './common.ts';

export const MAX_TABLES = 100;

/** A restaurant's floor: unique labels, 1..20 seats each. */
export const tableLayout = z
  .array(
    z.object({
      label: tableLabel,
      seats: exactInt('seats', 1, 20),
    }),
    { error: 'tables must be a list of {label, seats}' },
  )
  .min(1, 'tables must list at least one table')
  .max(MAX_TABLES, `tables must list at most ${MAX_TABLES} tables`)
  .superRefine((tables, context) => {
    const seen = new Set<string>();
    tables.forEach((table, index) => {
      if (seen.has(table.label)) {
        context.addIssue({
          code: 'custom',
          path: [index, 'label'],
          message: `table ${table.label} is listed twice`,
          params: { code: 'listed_twice', value: table.label },
        });
      }
      seen.add(table.label);
    });
  });

const PACING_MAX_COVERS = 10_000;

/** At most `maxCovers` guests start in each interval of `intervalMinutes` from local midnight (needs opening hours). */
const pacingSettings = z.object(
  {
    intervalMinutes: z.union(
      PACING_INTERVALS.map((value) => z.literal(value)),
      { error: `pacing.intervalMinutes must be one of ${PACING_INTERVALS.join(', ')}` },
    ),
    maxCovers: exactInt('maxCovers', 1, PACING_MAX_COVERS),
  },
  { error: 'pacing must be {intervalMinutes, maxCovers}, or null for none' },
);

/** A restaurant's own limits; both optional on input (a PUT without them keeps them), null clears. */
const restaurantLimitFields = {
  /** Most reservations a day at this restaurant; null = the stored default (settings.restaurantDailyLimit). */
  dailyLimit: exactInt('dailyLimit', DAILY_LIMIT_MIN, DAILY_LIMIT_MAX).nullable().optional(),
  pacing: pacingSettings.nullable().optional(),
};

export const REMINDER_MINUTES_MIN = 5;
export const REMINDER_MINUTES_MAX = 10_080;
export const MAX_REMINDERS = 5;
export const DEFAULT_REMINDERS = [1440, 120] as const;

/**
 * When the guest of a timed booking is reminded (issue 17): minutes before the start, each 5..10080
 * (a week), distinct, at most 5; [] for no reminders. Stored and shown latest first (descending).
 */
export const reminderMinutes = z
  .array(exactInt('reminders', REMINDER_MINUTES_MIN, REMINDER_MINUTES_MAX), {
    error: 'reminders must be a list of minutes before the start, such as [1440, 120]',
  })
  .max(MAX_REMINDERS, `reminders must list at most ${MAX_REMINDERS} times`)
  .superRefine((minutes, context) => {
    const seen = new Set<number>();
    minutes.forEach((value, index) => {
      if (seen.has(value)) {
        context.addIssue({
          code: 'custom',
          path: [index],
          message: `${value} is listed twice in reminders`,
          params: { code: 'listed_twice', value: String(value) },
        });
      }
      seen.add(value);
    });
  });

/** Reminders as stored and shown: latest first. */
export const sortedReminders = (minutes: readonly number[]) => [...minutes].sort((a, b) => b - a);

/** The body of a create, and of a full update (PUT). The web app validates its form with it. */
export const restaurantFields = z.object({
  name: boundedText('name', 2, 250),
  address: boundedText('address', 1, 250),
  description: boundedText('description', 1, 250),
  photoUrl: httpUrl('photoUrl', 250),
  cityId: exactInt('cityId', 1, PG_INT_MAX),
  /** Optional: a new restaurant gets A0–D2 with 4 seats; an update without it keeps the layout. */
  tables: tableLayout.optional(),
  /** Optional: a new restaurant gets APP_TIMEZONE and whole-day booking; an update without them keeps them. */
  ...bookingCalendarFields,
  ...restaurantLimitFields,
  /** Optional: a new restaurant reminds 1440 and 120 minutes before; an update without it keeps them. */
  reminders: reminderMinutes
    .optional()
    .describe(
      'Minutes before a timed booking starts when its guest is e-mailed a reminder (each 5..10080, distinct, at most 5; [] = none). Default [1440, 120]; a PUT without it keeps them.',
    ),
});
export type RestaurantFields = z.input<typeof restaurantFields>;

export const restaurantIdInput = z.object({ id: entityId('id') });

export const updateRestaurantInput = restaurantFields.extend({ id: entityId('id') });

export const MAX_PAGE_SIZE = 500;
export const DEFAULT_SEARCH_WINDOW = 60;
const MAX_SEARCH_WINDOW = 720;

export const listRestaurantsInput = z
  .object({
    startWith: optionalQuery(boundedText('startWith', 1, 250)).describe('A name prefix, case-insensitive; % and _ are literal.'),
    cityId: optionalQuery(queryInt('cityId', 0, PG_INT_MAX)).describe('Only restaurants in this city; 0 = any city.'),
    date: optionalQuery(calendarDate).describe('Adds restaurantRemaining and globalRemaining for this day (YYYY-MM-DD).'),
    /** The seed's spelling, kept for its clients; `minAvailable` is the same filter. */
    aviability: optionalQuery(queryInt('aviability', 0, PG_INT_MAX)).describe(
      "Keeps restaurants that can still take at least this many reservations that day (date, else today); the seed's spelling.",
    ),
    minAvailable: optionalQuery(queryInt('minAvailable', 0, PG_INT_MAX)).describe('The same filter as aviability.'),
    limit: optionalQuery(queryInt('limit', 1, MAX_PAGE_SIZE)).describe(`At most this many restaurants (default ${MAX_PAGE_SIZE}).`),
    offset: optionalQuery(queryInt('offset', 0, PG_INT_MAX)).describe('Skips this many restaurants, for paging.'),
    time: optionalQuery(startTime).describe(
      'With date: keeps restaurants with a bookable slot within window minutes of this local time (HH:MM), each with its nearest slots.',
    ),
    partySize: optionalQuery(queryInt('partySize', 1, MAX_PARTY_SIZE)).describe('With time: the party the slots must seat (default 2).'),
    window: optionalQuery(queryInt('window', 0, MAX_SEARCH_WINDOW)).describe(
      `With time: how far from it a slot may start, in minutes (default ${DEFAULT_SEARCH_WINDOW}).`,
    ),
  })
  .superRefine((input, context) => {
    if (input.time !== undefined && input.date === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['date'],
        message: 'date is required with time',
        params: { code: 'required_with', with: 'time' },
      });
    }
  })
  .default({});
export type ListRestaurantsInput = z.input<typeof listRestaurantsInput>;

export const restaurantOutput = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string(),
  city: cityOutput,
  photoUrl: z.string(),
  description: z.string(),
  tables: z.array(z.object({ label: z.string(), seats: z.number().int() })),
  timeZone: z.string(),
  hours: z.array(z.object({ day: z.string(), opens: z.string(), closes: z.string() })),
  specialDates: z.array(z.object({ date: z.string(), hours: z.array(z.object({ opens: z.string(), closes: z.string() })) })),
  slotMinutes: z.number().int(),
  turnTimes: z.array(z.object({ maxPartySize: z.number().int(), minutes: z.number().int() })),
  minAdvanceMinutes: z.number().int(),
  maxAdvanceDays: z.number().int().nullable(),
  /** Its own daily limit; null = the stored default. */
  dailyLimit: z.number().int().nullable(),
  /** Its pacing, or null for none. */
  pacing: z.object({ intervalMinutes: z.number().int(), maxCovers: z.number().int() }).nullable(),
  /** Minutes before a timed booking's start when its guest is reminded, latest first; [] = none. */
  reminders: z.array(z.number().int()),
  /** Present when the list is asked for a day: bookings this restaurant can still take that day. */
  restaurantRemaining: z.number().int().optional(),
  /** Present when the list is asked for a day: bookings the whole system can still take that day. */
  globalRemaining: z.number().int().optional(),
  /** Present when the list is asked for a time: the bookable slots nearest it, nearest first (at most 5). */
  slots: z.array(slotOutput).optional(),
});
export type RestaurantOutput = z.infer<typeof restaurantOutput>;

export const deletedOutput = z.object({ id: z.string() });
