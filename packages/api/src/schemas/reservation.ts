import { z } from 'zod';
import { calendarDate, entityId, isStorableText, optionalQuery } from './common.ts';

/** A table label: trimmed and upper-cased, so " a0" and "A0" are the same table. */
export const tableLabel = z
  .string({ error: 'table must be a string' })
  .trim()
  .toUpperCase()
  .min(1, 'table must not be empty')
  .max(2, 'table must be at most 2 characters')
  .refine((value) => isStorableText(value) && !/\p{Cc}/u.test(value), 'table contains characters that are not allowed');

export const createReservationInput = z.object({
  restaurantId: entityId('restaurantId'),
  table: tableLabel,
  date: calendarDate,
});
export type CreateReservationInput = z.input<typeof createReservationInput>;

export const listReservationsInput = z.object({
  restaurantId: entityId('restaurantId'),
  date: optionalQuery(calendarDate),
});

export const reservationOutput = z.object({
  id: z.string(),
  table: z.string(),
  date: z.string(),
  restaurantId: z.string(),
  createdAt: z.string(),
});
export type ReservationOutput = z.infer<typeof reservationOutput>;
