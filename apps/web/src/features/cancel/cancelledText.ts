import type { GuestCancelByCodeOutput } from '@tablebook/api/shared';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDay } from '../../lib/days.ts';
import { formatClockTime, localClockOf, localDayOf } from '../day/slotTimes.ts';

/**
 * What the page says once a booking is cancelled, in the reader's language: which booking it was.
 * A booking by time is on the calendar day its turn starts, at its local time (in the restaurant's zone).
 */
export function useCancelledText(linkedStart: string | undefined, linkedReservationId: string | undefined) {
  const { t, locale } = useI18n();
  return {
    /** The code alone: the answer names the restaurant and, for a booking by time, its start. */
    byCode: (done: GuestCancelByCodeOutput) =>
      done.time
        ? t.cancel.doneCodeAt(
            done.restaurantName,
            done.table,
            formatDay(localDayOf(done.startsAt), locale),
            formatClockTime(localClockOf(done.startsAt), locale),
          )
        : t.cancel.doneCode(done.restaurantName, done.table, formatDay(done.date, locale)),
    /** From the confirmation's link: the link carried a timed booking's start, the answer the table and day. */
    withIds: (done: { id: string; table: string; date: string }, restaurantName: string | undefined) => {
      if (linkedStart && done.id === linkedReservationId) {
        const day = formatDay(localDayOf(linkedStart), locale);
        const time = formatClockTime(localClockOf(linkedStart), locale);
        return restaurantName ? t.cancel.doneCodeAt(restaurantName, done.table, day, time) : t.cancel.doneAt(done.table, day, time);
      }
      const day = formatDay(done.date, locale);
      return restaurantName ? t.cancel.doneCode(restaurantName, done.table, day) : t.cancel.done(done.table, day);
    },
  };
}
