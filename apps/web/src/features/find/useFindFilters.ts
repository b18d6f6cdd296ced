import { useCallback, useMemo } from 'react';
import type { CalendarDay } from '../../lib/days.ts';
import { useSearchParamsState } from '../../lib/useSearchParamsState.ts';
import { filtersFromParams, paramsFromFilters, type FindFilters } from './findFilters.ts';

/** The find filters, read from and written to the address bar. */
export function useFindFilters(today: CalendarDay) {
  const [params, change] = useSearchParamsState();
  const filters = useMemo(() => filtersFromParams(params, today), [params, today]);

  const update = useCallback(
    (changes: Partial<FindFilters>) => change((current) => paramsFromFilters({ ...filtersFromParams(current, today), ...changes }, today)),
    [change, today],
  );
  const reset = useCallback(() => change(() => new URLSearchParams()), [change]);

  return { filters, update, reset };
}
