import { guestBookingInput } from '@tablebook/api/shared';
import type { Messages } from '../../i18n/dictionary.ts';

/** What the booking form's inputs hold, as typed. */
export interface BookingFormValues {
  guestName: string;
  guestPhone: string;
  guestEmail: string;
  partySize: string;
  notes: string;
}

const BOOKING_FIELDS = ['guestName', 'guestPhone', 'guestEmail', 'partySize', 'notes'] as const;
type BookingField = (typeof BOOKING_FIELDS)[number];
export type BookingErrors = Partial<Record<BookingField, string>>;

export const emptyBookingForm: BookingFormValues = { guestName: '', guestPhone: '', guestEmail: '', partySize: '2', notes: '' };

/** Which table, where and when: decided by the click, not typed. */
export interface BookingTarget {
  restaurantId: string;
  /** None at a restaurant that books times: it gives the party the smallest free table that seats it. */
  table?: string | undefined;
  date: string;
  /** The slot's local start, at a restaurant that books times. */
  time?: string | undefined;
  /** The table's seats: the party may not be larger. */
  seats: number;
}

/** What `guest.book` takes (without the idempotency key, added per attempt). */
export type GuestBookingRequest = ReturnType<typeof guestBookingInput.parse>;

type BookingMessages = Messages['booking']['validation'];

export type BookingValidation = { ok: true; input: GuestBookingRequest } | { ok: false; errors: BookingErrors };

const isBookingField = (path: string): path is BookingField => (BOOKING_FIELDS as readonly string[]).includes(path);

function describe(field: BookingField, code: string, values: BookingFormValues, target: BookingTarget, messages: BookingMessages): string {
  if (field === 'guestName' && values.guestName.trim() === '') return messages.nameRequired;
  if (field === 'guestPhone' && values.guestPhone.trim() === '' && values.guestEmail.trim() === '') return messages.phoneOrEmail;
  if (field === 'guestPhone') return messages.phone;
  if (field === 'guestEmail') return messages.email;
  if (field === 'partySize') return messages.partySize(target.seats);
  return code === 'too_big' ? messages.tooLong : messages.invalid;
}

/**
 * Checks the booking with the API's own `guestBookingInput` (a name, and a phone or an e-mail),
 * then the one rule the schema cannot know: the party fits the table.
 */
export function validateBooking(values: BookingFormValues, target: BookingTarget, messages: BookingMessages): BookingValidation {
  const blankToNone = (text: string) => (text.trim() === '' ? undefined : text);
  const partySize = /^\s*\d{1,3}\s*$/.test(values.partySize) ? Number(values.partySize) : Number.NaN;
  const parsed = guestBookingInput.safeParse({
    restaurantId: target.restaurantId,
    table: target.table,
    date: target.date,
    time: target.time,
    partySize,
    guestName: values.guestName,
    guestPhone: blankToNone(values.guestPhone),
    guestEmail: blankToNone(values.guestEmail),
    notes: blankToNone(values.notes),
  });
  const errors: BookingErrors = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      if (isBookingField(field) && errors[field] === undefined) errors[field] = describe(field, issue.code, values, target, messages);
    }
  }
  if (errors.partySize === undefined && Number.isInteger(partySize) && partySize > target.seats)
    errors.partySize = messages.partySize(target.seats);
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, input: parsed.data };
}
