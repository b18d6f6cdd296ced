import { useCallback } from 'react';
import { isCalendarDay, type CalendarDay } from '../../lib/days.ts';
import { useSearchParamsState } from '../../lib/useSearchParamsState.ts';

export interface ReservationFilters {
  restaurantId: string | undefined;
  /** One day, or every day when undefined. */
  date: CalendarDay | undefined;
}

function setOrDelete(params: URLSearchParams, key: string, value: string | undefined) {
  if (value) params.set(key, value);
  else params.delete(key);
}

/** Which restaurant's reservations, and which day, kept in the address bar (`?restaurant=…&date=…`). */
export function useReservationFilters() {
  const [params, change] = useSearchParamsState();
  const date = params.get('date') ?? '';
  const filters: ReservationFilters = {
    restaurantId: params.get('restaurant') || undefined,
    date: isCalendarDay(date) ? date : undefined,
  };
  const update = useCallback(
    (changes: Partial<ReservationFilters>) =>
      change((next) => {
        if ('restaurantId' in changes) setOrDelete(next, 'restaurant', changes.restaurantId);
        if ('date' in changes) setOrDelete(next, 'date', changes.date);
        return next;
      }),
    [change],
  );
  return { filters, update };
}
