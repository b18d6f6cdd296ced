import { RESERVATION_STATUSES as reservationStatuses } from '../rules/status.ts';
import { z } from 'zod';
import { boundedText, calendarDate, entityId, exactInt, isStorableText, optionalQuery, queryInt } from './common.ts';
import { clockTime } from './hours.ts';
import { SLOT_REFUSALS } from '../rules/slots.ts';
import { GUEST_LANGUAGES } from '../rules/guest-language.ts';

/** A table label: trimmed and upper-cased, so " a0" and "A0" are the same table. */
export const tableLabel = z
  .string({ error: 'table must be a string' })
  .trim()
  .toUpperCase()
  .min(1, 'table must not be empty')
  .max(2, 'table must be at most 2 characters')
  .refine((value) => isStorableText(value) && !/\p{Cc}/u.test(value), {
    error: 'table contains characters that are not allowed',
    params: { code: 'not_allowed_characters' },
  });

export const reservationStatus = z.enum(reservationStatuses, {
  error: `status must be one of ${reservationStatuses.join(', ')}`,
});

export const MAX_PARTY_SIZE = 20;
export const DEFAULT_PARTY_SIZE = 2;

/** A local start time, "HH:MM", at a restaurant with opening hours. */
export const startTime = clockTime('time');
/** How long the table is held, instead of the turn time for the party size (admin only). */
export const durationMinutes = exactInt('durationMinutes', 15, 720);

const optionalNullable = <T extends z.ZodType>(schema: T) => schema.nullable().optional();

export const guestPhone = z
  .string({ error: 'guestPhone must be a string' })
  .trim()
  .regex(/^\+?[0-9][0-9 ().-]{5,30}$/, 'guestPhone must be a phone number such as +57 300 123 4567')
  .refine((value) => value.replace(/\D/g, '').length >= 7 && value.replace(/\D/g, '').length <= 15, {
    error: 'guestPhone must have 7 to 15 digits',
    params: { code: 'phone_digits', minimum: 7, maximum: 15 },
  });

export const guestEmail = z
  .string({ error: 'guestEmail must be a string' })
  .trim()
  .max(254, 'guestEmail must be at most 254 characters')
  .pipe(z.email({ error: 'guestEmail must be an e-mail address' }));

/** The guest details a reservation may carry; all optional on the admin side. */
export const guestFields = {
  guestName: optionalNullable(boundedText('guestName', 1, 120)),
  guestPhone: optionalNullable(guestPhone),
  guestEmail: optionalNullable(guestEmail),
  notes: optionalNullable(boundedText('notes', 0, 500)),
};

/** The language of the guest's e-mail: absent, the request's Accept-Language (en* or es*), else es-CO. */
export const guestLanguage = z.enum(GUEST_LANGUAGES, { error: `language must be one of ${GUEST_LANGUAGES.join(', ')}` });

/** 1..255 printable ASCII characters; scoped to the operation and the restaurant. */
export const idempotencyKey = z
  .string({ error: 'idempotencyKey must be a string' })
  .regex(/^[\x20-\x7E]{1,255}$/, 'idempotencyKey must be 1 to 255 printable ASCII characters');

export const createReservationInput = z.object({
  restaurantId: entityId('restaurantId'),
  /** Required at a restaurant that books whole days; at one with hours, absent = the smallest free table that seats the party. */
  table: tableLabel.optional(),
  date: calendarDate,
  time: startTime.optional(),
  durationMinutes: durationMinutes.optional(),
  partySize: exactInt('partySize', 1, MAX_PARTY_SIZE).optional(),
  ...guestFields,
  language: guestLanguage.optional(),
  idempotencyKey: idempotencyKey.optional(),
});
export type CreateReservationInput = z.input<typeof createReservationInput>;

export const reservationStatusFilter = z.union([reservationStatus, z.literal('all')], {
  error: `status must be one of ${reservationStatuses.join(', ')} or all`,
});

export const listReservationsInput = z.object({
  restaurantId: entityId('restaurantId'),
  date: optionalQuery(calendarDate).describe('Only this day (YYYY-MM-DD).'),
  /** Default: every status but cancelled. */
  status: optionalQuery(reservationStatusFilter).describe('Only this status, or all; default: every status but cancelled.'),
});

export const reservationRefInput = z.object({
  restaurantId: entityId('restaurantId'),
  reservationId: entityId('reservationId'),
});

export const updateReservationInput = reservationRefInput.extend({
  date: calendarDate.optional(),
  time: startTime.optional(),
  durationMinutes: durationMinutes.optional(),
  table: tableLabel.optional(),
  partySize: exactInt('partySize', 1, MAX_PARTY_SIZE).optional(),
  status: reservationStatus.optional(),
  ...guestFields,
});
export type UpdateReservationInput = z.input<typeof updateReservationInput>;

export const cancelReservationInput = reservationRefInput.extend({
  reason: optionalNullable(boundedText('reason', 0, 500)),
});

export const reservationOutput = z.object({
  id: z.string(),
  table: z.string(),
  date: z.string(),
  restaurantId: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  status: reservationStatus,
  partySize: z.number().int(),
  guestName: z.string().nullable(),
  guestPhone: z.string().nullable(),
  guestEmail: z.string().nullable(),
  notes: z.string().nullable(),
  cancelReason: z.string().nullable(),
  /** The local start, "HH:MM"; null for a whole-day reservation. */
  time: z.string().nullable(),
  /** The turn; null for a whole-day reservation. */
  durationMinutes: z.number().int().nullable(),
  /** When the table is held, in the restaurant's zone (YYYY-MM-DDTHH:MM:SS±HH:MM): a whole-day reservation from its local midnight to the next. */
  startsAt: z.string(),
  endsAt: z.string(),
  /** The guest's language for e-mail (es-CO or en); null for a booking made before it was recorded (its e-mail is es-CO). */
  language: guestLanguage.nullable(),
});
export type ReservationOutput = z.infer<typeof reservationOutput>;

export const MAX_CALENDAR_DAYS = 62;

export const availabilityInput = z
  .object({
    restaurantId: entityId('restaurantId'),
    date: optionalQuery(calendarDate).describe('One day (YYYY-MM-DD): its capacity and its free and taken tables.'),
    from: optionalQuery(calendarDate).describe('With to: the first day of a range of at most 62 days.'),
    to: optionalQuery(calendarDate).describe('With from: the last day of the range (included).'),
  })
  .superRefine((input, context) => {
    const range = input.from !== undefined || input.to !== undefined;
    if (input.date !== undefined && range) {
      context.addIssue({
        code: 'custom',
        path: ['date'],
        message: 'give either date, or from and to, not both',
        params: { code: 'date_or_range' },
      });
    } else if (!range && input.date === undefined) {
      context.addIssue({ code: 'custom', path: ['date'], message: 'date (or from and to) is required', params: { code: 'date_or_range' } });
    } else if (range) {
      const requiredWith = (path: 'from' | 'to', other: 'from' | 'to') =>
        context.addIssue({
          code: 'custom',
          path: [path],
          message: `${path} is required with ${other}`,
          params: { code: 'required_with', with: other },
        });
      if (input.from === undefined) requiredWith('from', 'to');
      else if (input.to === undefined) requiredWith('to', 'from');
      else if (input.from > input.to) {
        context.addIssue({ code: 'custom', path: ['to'], message: 'to must not be before from', params: { code: 'ends_before_start' } });
      } else if (daysBetween(input.from, input.to) + 1 > MAX_CALENDAR_DAYS) {
        context.addIssue({
          code: 'custom',
          path: ['to'],
          message: `the range covers at most ${MAX_CALENDAR_DAYS} days`,
          params: { code: 'range_too_long', maximum: MAX_CALENDAR_DAYS },
        });
      }
    }
  });

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export const tableOutput = z.object({ label: z.string(), seats: z.number().int() });

export const dayCapacityOutput = z.object({
  date: z.string(),
  restaurantRemaining: z.number().int(),
  globalRemaining: z.number().int(),
});

export const availabilityOutput = z.union([
  dayCapacityOutput.extend({ freeTables: z.array(tableOutput), takenTables: z.array(z.string()) }),
  z.object({ days: z.array(dayCapacityOutput) }),
]);
export type AvailabilityOutput = z.infer<typeof availabilityOutput>;

export const slotsInput = z.object({
  restaurantId: entityId('restaurantId'),
  date: calendarDate,
  partySize: optionalQuery(queryInt('partySize', 1, MAX_PARTY_SIZE)).describe(`How many people (default ${DEFAULT_PARTY_SIZE}).`),
});

export const slotOutput = z.object({
  time: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  /** Tables that seat the party and are free for the whole turn, in label order. */
  freeTables: z.array(z.string()),
  bookable: z.boolean(),
  /** Why a booking of this slot would be refused (absent when bookable). */
  reason: z.enum(SLOT_REFUSALS).optional(),
});
export type SlotOutput = z.infer<typeof slotOutput>;

export const slotsOutput = z.object({ date: z.string(), timeZone: z.string(), slots: z.array(slotOutput) });
export type SlotsOutput = z.infer<typeof slotsOutput>;
