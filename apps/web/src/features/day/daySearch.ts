import { DEFAULT_PARTY_SIZE } from '@tablebook/api/shared';
import { isCalendarDay, type CalendarDay } from '../../lib/days.ts';
import type { TableSpot } from './dayState.ts';

/** What the guest looks for at a restaurant that books whole days: a day, and a party the table must seat. */
export interface DaySearch {
  date: CalendarDay;
  partySize: number;
}

/** The query-string names, the same as a day page by time uses (and a search result's link sends). */
const PARAM = { date: 'date', party: 'party' } as const;

/** The search from the address; anything malformed or out of range falls back to today and a pair (or the largest table). */
export function daySearchFrom(params: URLSearchParams, today: CalendarDay, largestParty: number): DaySearch {
  const date = params.get(PARAM.date) ?? '';
  const party = Number(params.get(PARAM.party) ?? Number.NaN);
  return {
    date: isCalendarDay(date) ? date : today,
    partySize: Number.isInteger(party) && party >= 1 && party <= largestParty ? party : Math.min(DEFAULT_PARTY_SIZE, largestParty),
  };
}

/** The address for a search, leaving out today and a pair: a link saved today and opened next week means "today" then. */
export function paramsOfDaySearch(search: DaySearch, today: CalendarDay): URLSearchParams {
  const params = new URLSearchParams();
  if (search.date !== today) params.set(PARAM.date, search.date);
  if (search.partySize !== DEFAULT_PARTY_SIZE) params.set(PARAM.party, String(search.partySize));
  return params;
}

/** The free tables that seat the party, and how many seats they have between them. */
export function freeForParty(freeTables: readonly TableSpot[], partySize: number): { tables: number; seats: number } {
  const fitting = freeTables.filter((table) => table.seats >= partySize);
  return { tables: fitting.length, seats: fitting.reduce((sum, table) => sum + table.seats, 0) };
}

/** The tables that seat fewer than the party: not bookable for it, and the map says why. */
export const tooSmallFor = (tables: readonly TableSpot[], partySize: number): Set<string> =>
  new Set(tables.filter((table) => table.seats < partySize).map((table) => table.label));
