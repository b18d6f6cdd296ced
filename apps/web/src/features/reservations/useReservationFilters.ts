import { RESERVATION_STATUSES, type ReservationStatus } from '@tablebook/api/shared';
import { useCallback } from 'react';
import { isCalendarDay, type CalendarDay } from '../../lib/days.ts';
import { useSearchParamsState } from '../../lib/useSearchParamsState.ts';

/** The statuses a filter offers: the API's own list. */
export { RESERVATION_STATUSES };
/** 'active': every status but cancelled (the API's default); 'all': cancelled ones too. */
export type StatusFilter = 'active' | 'all' | ReservationStatus;

/** Every day at once, in the address as `?date=all`. */
export const ALL_DAYS = 'all';

export interface ReservationFilters {
  /** None in the address: the last restaurant used (useHostRestaurant). */
  restaurantId: string | undefined;
  /** One day, or every day; none in the address: the restaurant's today. */
  date: CalendarDay | typeof ALL_DAYS | undefined;
  status: StatusFilter;
}

const isStatusFilter = (value: string): value is StatusFilter =>
  value === 'active' || value === 'all' || (RESERVATION_STATUSES as readonly string[]).includes(value);

/** The `status` the API takes for a filter: none for the default. */
export const statusInput = (status: StatusFilter) => (status === 'active' ? {} : { status });

function setOrDelete(params: URLSearchParams, key: string, value: string | undefined) {
  if (value) params.set(key, value);
  else params.delete(key);
}

/** Which restaurant's reservations, which day (or all) and which status, kept in the address bar. */
export function useReservationFilters() {
  const [params, change] = useSearchParamsState();
  const date = params.get('date') ?? '';
  const status = params.get('status') ?? '';
  const filters: ReservationFilters = {
    restaurantId: params.get('restaurant') || undefined,
    date: isCalendarDay(date) || date === ALL_DAYS ? date : undefined,
    status: isStatusFilter(status) ? status : 'active',
  };
  const update = useCallback(
    (changes: Partial<ReservationFilters>) =>
      change((next) => {
        if ('restaurantId' in changes) setOrDelete(next, 'restaurant', changes.restaurantId);
        if ('date' in changes) setOrDelete(next, 'date', changes.date);
        if ('status' in changes) setOrDelete(next, 'status', changes.status === 'active' ? undefined : changes.status);
        return next;
      }),
    [change],
  );
  return { filters, update };
}
