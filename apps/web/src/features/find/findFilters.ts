import { isCalendarDay, type CalendarDay } from '../../lib/days.ts';

/** What the guest is looking for. Kept in the address bar, so a search can be bookmarked or shared. */
export interface FindFilters {
  /** Start of the restaurant's name; empty for any. */
  name: string;
  cityId: number | undefined;
  /** The day to book; today unless chosen. */
  date: CalendarDay;
  /** Keep restaurants that can take at least this many more bookings that day. */
  minPlaces: number | undefined;
}

/** The query-string names, short because people see and share them. */
const PARAM = { name: 'name', city: 'city', date: 'date', minPlaces: 'min' } as const;

/** The API takes names up to 250 characters. */
export const MAX_NAME_LENGTH = 250;
export const MAX_MIN_PLACES = 999;

function positiveInt(raw: string | null, max: number): number | undefined {
  if (raw === null || !/^\d{1,9}$/.test(raw.trim())) return undefined;
  const value = Number(raw);
  return value >= 1 && value <= max ? value : undefined;
}

/** Filters from a query string. Anything malformed is dropped rather than sent to the API to be refused. */
export function filtersFromParams(params: URLSearchParams, today: CalendarDay): FindFilters {
  const date = params.get(PARAM.date) ?? '';
  return {
    name: (params.get(PARAM.name) ?? '').slice(0, MAX_NAME_LENGTH),
    cityId: positiveInt(params.get(PARAM.city), 2_147_483_647),
    date: isCalendarDay(date) ? date : today,
    minPlaces: positiveInt(params.get(PARAM.minPlaces), MAX_MIN_PLACES),
  };
}

/**
 * The query string for filters, leaving out defaults. Today's date is left out too: a link saved
 * today and opened next week means "today" then.
 */
export function paramsFromFilters(filters: FindFilters, today: CalendarDay): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.name) params.set(PARAM.name, filters.name);
  if (filters.cityId !== undefined) params.set(PARAM.city, String(filters.cityId));
  if (filters.date !== today) params.set(PARAM.date, filters.date);
  if (filters.minPlaces !== undefined) params.set(PARAM.minPlaces, String(filters.minPlaces));
  return params;
}

/** The `restaurant.list` input for filters: a blank name means no name filter. */
export function listInputFor(filters: FindFilters, limit: number) {
  const startWith = filters.name.trim();
  return {
    ...(startWith ? { startWith } : {}),
    ...(filters.cityId !== undefined ? { cityId: filters.cityId } : {}),
    date: filters.date,
    ...(filters.minPlaces !== undefined ? { minAvailable: filters.minPlaces } : {}),
    limit,
  };
}

export const hasNarrowingFilters = (filters: FindFilters) =>
  filters.name.trim() !== '' || filters.cityId !== undefined || filters.minPlaces !== undefined;
