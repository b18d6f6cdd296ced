import { GUEST_LANGUAGES } from '@tablebook/db/statuses';
import { z } from 'zod';
import { boundedText, calendarDate, entityId, exactInt } from './common.ts';
import {
  guestEmail,
  guestLanguage,
  guestPhone,
  idempotencyKey,
  MAX_PARTY_SIZE,
  reservationStatus,
  startTime,
  tableLabel,
} from './reservation.ts';

/** A guest books for themselves: a name, and a phone or an e-mail to be reached at. */
export const guestBookingInput = z
  .object({
    restaurantId: entityId('restaurantId'),
    /** At a restaurant with hours, absent = the smallest free table that seats the party. */
    table: tableLabel.optional(),
    date: calendarDate,
    time: startTime.optional(),
    /** Guests book the turn time for their party; only the restaurant may set another. */
    durationMinutes: z.never({ error: 'durationMinutes is not for guests: the turn time for the party size applies' }).optional(),
    partySize: exactInt('partySize', 1, MAX_PARTY_SIZE).optional(),
    guestName: boundedText('guestName', 1, 120),
    guestPhone: guestPhone.optional(),
    guestEmail: guestEmail.optional(),
    notes: boundedText('notes', 0, 500).optional(),
    language: guestLanguage.optional(),
    idempotencyKey: idempotencyKey.optional(),
  })
  .superRefine((input, context) => {
    if (!input.guestPhone && !input.guestEmail) {
      context.addIssue({
        code: 'custom',
        path: ['guestPhone'],
        message: 'give a guestPhone or a guestEmail so the restaurant can reach you',
        params: { code: 'contact_required' },
      });
    }
  });
export type GuestBookingInput = z.input<typeof guestBookingInput>;

/** What a guest sees of their booking: no one else's data, and the code that lets them cancel. */
export const guestBookingOutput = z.object({
  id: z.string(),
  restaurantId: z.string(),
  table: z.string(),
  date: z.string(),
  time: z.string().nullable(),
  durationMinutes: z.number().int().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  partySize: z.number().int(),
  guestName: z.string(),
  /** The reservation's status (`confirmed` when just booked; a replay shows it as it is now). */
  status: reservationStatus,
  createdAt: z.string(),
  /** The language the guest's e-mails are written in (the booking's `language`, else Accept-Language, else es-CO). */
  language: z.enum(GUEST_LANGUAGES).nullable(),
  /** Shown once (and on an idempotent replay); the server keeps only its hash. */
  cancellationCode: z.string(),
});
export type GuestBookingOutput = z.infer<typeof guestBookingOutput>;

const cancellationCode = z
  .string({ error: 'cancellationCode must be a string' })
  .trim()
  .min(1, 'cancellationCode is required')
  .max(64, 'cancellationCode must be at most 64 characters');

export const guestCancelInput = z.object({
  restaurantId: entityId('restaurantId'),
  reservationId: entityId('reservationId'),
  cancellationCode,
});

/** The signed token of a cancel link (the guest's e-mail): bounded here, verified by the service (403 INVALID_CANCEL_TOKEN). */
const cancelToken = z
  .string({ error: 'cancelToken must be a string' })
  .trim()
  .min(1, 'cancelToken must not be empty')
  .max(256, 'cancelToken must be at most 256 characters');

/**
 * The code alone names the booking: a guest need not keep (or type) two 36-character ids. Or the
 * token of the cancel link in the guest's e-mail (issue 17): exactly one of the two.
 */
export const guestCancelByCodeInput = z
  .object({
    cancellationCode: cancellationCode.optional().describe('The code shown once at booking (give this or cancelToken).'),
    cancelToken: cancelToken
      .optional()
      .describe("The token of the cancel link in the guest's e-mail, /cancel?token=... (give this or cancellationCode)."),
  })
  .superRefine((input, context) => {
    const code = input.cancellationCode !== undefined;
    const token = input.cancelToken !== undefined;
    if (code && token) {
      context.addIssue({
        code: 'custom',
        path: ['cancelToken'],
        message: 'give cancellationCode or cancelToken, not both',
        params: { code: 'code_or_token' },
      });
    } else if (!code && !token) {
      context.addIssue({
        code: 'custom',
        path: ['cancellationCode'],
        message: 'cancellationCode (or cancelToken) is required',
        params: { code: 'code_or_token' },
      });
    }
  })
  // The refinement in the JSON Schema (the OpenAPI document): exactly one of the two.
  .meta({
    anyOf: [
      { required: ['cancellationCode'], not: { properties: { cancelToken: {} }, required: ['cancelToken'] } },
      { required: ['cancelToken'], not: { properties: { cancellationCode: {} }, required: ['cancellationCode'] } },
    ],
  });
export type GuestCancelByCodeInput = z.input<typeof guestCancelByCodeInput>;

export const guestCancelOutput = z.object({
  id: z.string(),
  restaurantId: z.string(),
  table: z.string(),
  date: z.string(),
  status: reservationStatus,
});

/**
 * The booking the code cancelled, as the guest needs to recognise it: the restaurant's name, and for a
 * booking by time its local start (in the restaurant's zone) and turn.
 */
export const guestCancelByCodeOutput = guestCancelOutput.extend({
  restaurantName: z.string(),
  time: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  partySize: z.number().int(),
});
export type GuestCancelByCodeOutput = z.infer<typeof guestCancelByCodeOutput>;
