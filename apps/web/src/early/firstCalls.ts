import type { EarlyCall } from '../api/earlyCalls.ts';
import { routePatterns } from '../app/paths.ts';
import { searchToday } from '../features/find/findDays.ts';
import { filtersFromParams, listInputFor } from '../features/find/findFilters.ts';
import { PAGE_SIZE } from '../features/find/FindPage.tsx';

/**
 * The queries the page at an address makes on its first render, for index.html's inline script to
 * start before the app's code arrives (earlyCalls.ts). Built with the page's own functions, so the
 * inputs are the ones it will ask with; a call that still differs is simply not answered early.
 * Only the Find page, the guest's landing page, for now; other pages ask for themselves.
 */
export function firstCallsAt(location: { pathname: string; search: string }, now: Date = new Date()): EarlyCall[] {
  if (location.pathname !== routePatterns.find) return [];
  const filters = filtersFromParams(new URLSearchParams(location.search), searchToday(now));
  return [
    // The city field's list (features/cities/CityPicker.tsx: every city, kept for the visit).
    { path: 'city.list', input: {} },
    // The results' first page (FindPage.tsx).
    { path: 'guest.restaurants', input: listInputFor(filters, PAGE_SIZE) },
  ];
}
