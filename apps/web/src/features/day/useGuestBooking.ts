import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { useTRPC } from '../../api/trpc.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { bookingLanguageOf } from '../../i18n/language.ts';
import { attemptFor, type BookingAttempt } from './bookingAttempt.ts';
import type { GuestBookingRequest } from './bookingForm.ts';

/**
 * Books a table as a guest, with one idempotency key per attempt (see bookingAttempt.ts). Success or
 * refusal, the day and the search results are fetched again, so the map shows what the server holds.
 * The booking carries the page's language: the guest's e-mails (confirmation, reminders, a change)
 * are written in the language they booked in, not in whatever their browser prefers.
 */
export function useGuestBooking() {
  const trpc = useTRPC();
  const { language } = useI18n();
  const queryClient = useQueryClient();
  const attempt = useRef<BookingAttempt | undefined>(undefined);
  const mutation = useMutation(
    trpc.guest.book.mutationOptions({
      onSuccess: () => {
        // Done: the next booking is a new attempt, even with the same details.
        attempt.current = undefined;
      },
      onSettled: (_result, _error, booked) =>
        Promise.all([
          queryClient.invalidateQueries(trpc.guest.availability.queryFilter({ restaurantId: booked.restaurantId, date: booked.date })),
          // A booking by time changes the free tables of every slot its turn overlaps, for every party size.
          queryClient.invalidateQueries(trpc.guest.slots.queryFilter({ restaurantId: booked.restaurantId, date: booked.date })),
          queryClient.invalidateQueries(trpc.guest.restaurants.pathFilter()),
        ]),
    }),
  );
  const book = (request: GuestBookingRequest) => {
    const details = { ...request, language: bookingLanguageOf(language) };
    attempt.current = attemptFor(attempt.current, details);
    mutation.mutate({ ...details, idempotencyKey: attempt.current.key });
  };
  /** The same attempt again, with the same key: safe after a lost answer. */
  const retry = () => {
    if (mutation.variables) mutation.mutate(mutation.variables);
  };
  return { ...mutation, book, retry };
}
