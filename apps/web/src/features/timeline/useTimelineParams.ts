import { useCallback } from 'react';
import { isCalendarDay, type CalendarDay } from '../../lib/days.ts';
import { useSearchParamsState } from '../../lib/useSearchParamsState.ts';

export interface TimelineParams {
  restaurantId: string | undefined;
  /** The day shown; none: the restaurant's today. */
  date: CalendarDay | undefined;
}

/** Which restaurant and which day, kept in the address bar (`?restaurant=…&date=…`, as the list's). */
export function useTimelineParams() {
  const [params, change] = useSearchParamsState();
  const date = params.get('date') ?? '';
  const update = useCallback(
    (changes: Partial<TimelineParams>) =>
      change((next) => {
        for (const [key, value] of [
          ['restaurant', 'restaurantId' in changes ? changes.restaurantId : next.get('restaurant')],
          ['date', 'date' in changes ? changes.date : next.get('date')],
        ] as const) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      }),
    [change],
  );
  return { restaurantId: params.get('restaurant') || undefined, date: isCalendarDay(date) ? date : undefined, update };
}
