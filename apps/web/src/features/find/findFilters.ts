import { MAX_PARTY_SIZE } from '@tablebook/api/shared';
import { paths } from '../../app/paths.ts';
import { isCalendarDay, type CalendarDay } from '../../lib/days.ts';
import { notBefore } from './findDays.ts';

/** What the guest is looking for. Kept in the address bar, so a search can be bookmarked or shared. */
export interface FindFilters {
  /** Start of the restaurant's name; empty for any. */
  name: string;
  cityId: number | undefined;
  /** The day to book; today unless chosen, and never a day that has passed. */
  date: CalendarDay;
  /** Keep restaurants that can take at least this many more bookings that day. */
  minPlaces: number | undefined;
  /** A local time: keeps the restaurants that book times and have a free table near it. */
  time?: string | undefined;
  /**
   * The party the table must seat (a pair when none): with a time the API keeps the restaurants with a
   * table for it then; without, every restaurant is listed, with the free tables that seat it.
   */
  partySize?: number | undefined;
}

/** The query-string names, short because people see and share them. */
const PARAM = { name: 'name', city: 'city', date: 'date', minPlaces: 'min', time: 'time', party: 'party' } as const;

const isClockTime = (text: string) => /^([01]\d|2[0-3]):[0-5]\d$/.test(text);

/** The API takes names up to 250 characters. */
export const MAX_NAME_LENGTH = 250;
export const MAX_MIN_PLACES = 999;

function positiveInt(raw: string | null, max: number): number | undefined {
  if (raw === null || !/^\d{1,9}$/.test(raw.trim())) return undefined;
  const value = Number(raw);
  return value >= 1 && value <= max ? value : undefined;
}

/**
 * Filters from a query string. Anything malformed is dropped rather than sent to the API to be refused,
 * and a day that has passed is today (`today` is the search's, in the app's zone: see findDays).
 */
export function filtersFromParams(params: URLSearchParams, today: CalendarDay): FindFilters {
  const date = params.get(PARAM.date) ?? '';
  return {
    name: (params.get(PARAM.name) ?? '').slice(0, MAX_NAME_LENGTH),
    cityId: positiveInt(params.get(PARAM.city), 2_147_483_647),
    date: isCalendarDay(date) ? notBefore(date, today) : today,
    minPlaces: positiveInt(params.get(PARAM.minPlaces), MAX_MIN_PLACES),
    time: isClockTime(params.get(PARAM.time) ?? '') ? (params.get(PARAM.time) ?? undefined) : undefined,
    partySize: positiveInt(params.get(PARAM.party), MAX_PARTY_SIZE),
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
  if (filters.time !== undefined) params.set(PARAM.time, filters.time);
  if (filters.partySize !== undefined) params.set(PARAM.party, String(filters.partySize));
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
    ...(filters.time !== undefined
      ? { time: filters.time, ...(filters.partySize !== undefined ? { partySize: filters.partySize } : {}) }
      : {}),
    limit,
  };
}

export const hasNarrowingFilters = (filters: FindFilters) =>
  filters.name.trim() !== '' || filters.cityId !== undefined || filters.minPlaces !== undefined || filters.time !== undefined;

/** The day page of a restaurant at one of its slots, for the party searched for: that slot starts picked (`pick`). */
export function slotLink(restaurantId: string, date: CalendarDay, time: string, partySize: number | undefined): string {
  const params = new URLSearchParams({ date, time });
  if (partySize !== undefined) params.set('party', String(partySize));
  params.set('pick', time);
  return `${paths.day(restaurantId)}?${params}`;
}

/**
 * A restaurant's day page from the search, keeping what was searched: the day (none when it is the
 * restaurant's own today: the page opens on it), and the time and party asked for, with no slot picked.
 */
export function dayLink(restaurantId: string, date: CalendarDay | undefined, time?: string, partySize?: number): string {
  const params = new URLSearchParams();
  if (date !== undefined) params.set('date', date);
  if (time !== undefined) params.set('time', time);
  if (partySize !== undefined) params.set('party', String(partySize));
  const query = params.toString();
  return query ? `${paths.day(restaurantId)}?${query}` : paths.day(restaurantId);
}
