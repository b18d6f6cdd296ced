import { DEFAULT_PARTY_SIZE, type SlotOutput } from '@tablebook/api/shared';
import { addDays, isCalendarDay, type CalendarDay } from '../../lib/days.ts';
import type { TableSpot } from './dayState.ts';

/**
 * The guest's side of a restaurant that books times of day: which of the day's slots to show around
 * the time they asked for, how a local time reads in their language, and how the floor looks at a slot.
 */

/** How many of the day's start times are shown at once, around the one asked for. */
const SLOT_WINDOW = 8;
/** Asked for when the address names no time: dinner, which is what most bookings are for. */
const DEFAULT_WANTED_TIME = '19:00';

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

export const isClockTime = (text: string) => HH_MM.test(text);

/** "HH:MM" -> minutes since midnight (NaN when malformed). */
function minutesOf(clock: string): number {
  const match = HH_MM.exec(clock);
  return match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
}

/**
 * How far apart two local times are. A slot after midnight (00:30 in a range that opens at 18:00) is
 * counted as late that night, not early that morning: slots are in order, so a time earlier than the
 * one before it has crossed midnight.
 */
function slotMinutes(slots: readonly SlotOutput[]): number[] {
  let day = 0;
  let previous = -1;
  return slots.map((slot) => {
    const minutes = minutesOf(slot.time);
    if (minutes < previous) day += 1440;
    previous = minutes;
    return minutes + day;
  });
}

export interface SlotWindow {
  shown: SlotOutput[];
  /** The time to ask for to see the slots before the window; none at the start of the day. */
  earlier?: string;
  later?: string;
}

/**
 * Up to `size` consecutive slots centred on the one nearest `wanted` (the earlier on a tie), never
 * reaching back into an earlier opening range (asked for 19:00 where dinner opens at 19:00, no lunch
 * times). The first `gone` slots (their start has passed, or is inside the restaurant's notice) are
 * left out while any later one is left: asked for 19:00 at 20:10, the window starts at the first
 * start still to come. A day whose every slot is gone (a past day) is shown as it was.
 */
export function slotWindow(slots: readonly SlotOutput[], wanted: string, size = SLOT_WINDOW, gone = 0): SlotWindow {
  if (slots.length === 0) return { shown: [] };
  const minutes = slotMinutes(slots);
  const target = minutesOf(wanted);
  const first = gone < slots.length ? Math.max(0, gone) : 0;
  // The grid's step is the smallest gap between two starts; a wider one is a closed time between ranges.
  const step = Math.min(...minutes.slice(1).map((value, index) => value - minutes[index]!));
  const rangeStartOf = (index: number) => {
    let at = index;
    while (at > 0 && minutes[at]! - minutes[at - 1]! <= step) at -= 1;
    return at;
  };
  const half = Math.floor(size / 2);
  const windowStartAt = (nearest: number) =>
    Math.max(first, Math.min(Math.max(nearest - half, rangeStartOf(nearest)), slots.length - size));
  let nearest = 0;
  for (let index = 1; index < minutes.length; index += 1) {
    // A wanted time is read on the slots' own clock: 00:30 asked for also matches a 00:30 after midnight.
    const distance = (value: number) => Math.min(Math.abs(value - target), Math.abs(value - (target + 1440)));
    if (distance(minutes[index]!) < distance(minutes[nearest]!)) nearest = index;
  }
  const start = windowStartAt(nearest);
  const end = Math.min(slots.length, start + size);
  // A window back, or (when that one would start at a range held back above) the range before.
  const back = Math.max(first, start - size) + half;
  const earlier = start > first ? slots[windowStartAt(back) < start ? back : start - 1]?.time : undefined;
  const later = end < slots.length ? slots[Math.min(slots.length - 1, end + half)]?.time : undefined;
  return { shown: slots.slice(start, end), ...(earlier ? { earlier } : {}), ...(later ? { later } : {}) };
}

/** The restaurant's booking window, and the moment the slots were read: what tells "not yet" from "no longer". */
export interface BookingWindow {
  /** When the slots were fetched (ms since the epoch): their `bookable` is the server's answer as of then. */
  now: number;
  minAdvanceMinutes: number;
  maxAdvanceDays: number | null;
}

/** Whether a slot's start has passed, or falls inside the restaurant's notice (`minAdvanceMinutes`). */
const isGone = (slot: SlotOutput, window: BookingWindow) => Date.parse(slot.startsAt) < window.now + window.minAdvanceMinutes * 60_000;

/** How many of the day's first slots are gone (slots are in time order). */
export function goneCount(slots: readonly SlotOutput[], window: BookingWindow): number {
  const firstToCome = slots.findIndex((slot) => !isGone(slot, window));
  return firstToCome === -1 ? slots.length : firstToCome;
}

const UNBOOKABLE_REASONS = ['NO_TABLE_AVAILABLE', 'GLOBAL_DAILY_LIMIT', 'RESTAURANT_DAILY_LIMIT', 'PACING_LIMIT'] as const;
/**
 * OUTSIDE_BOOKING_WINDOW told apart as the catalog's `why` does: `notYetOpen` beyond the days ahead the
 * restaurant takes bookings for (tooFar), `tooSoon` still to come but inside its notice, `noLonger` started.
 */
export type SlotState = 'free' | (typeof UNBOOKABLE_REASONS)[number] | 'notYetOpen' | 'tooSoon' | 'noLonger' | 'other';

/**
 * What a slot button says: free, or why a booking then would be refused ('other' for a reason newer
 * than this build). OUTSIDE_BOOKING_WINDOW is told apart by the slot's start: passed is "no longer",
 * inside the notice "too soon", beyond it (so beyond `maxAdvanceDays`) "not yet open".
 */
export function slotStateOf(slot: SlotOutput, window: BookingWindow): SlotState {
  if (slot.bookable) return 'free';
  if (slot.reason === 'OUTSIDE_BOOKING_WINDOW') {
    if (Date.parse(slot.startsAt) < window.now) return 'noLonger';
    // Without a limit on the days ahead, a start still to come that is refused can only be inside the notice.
    return isGone(slot, window) || window.maxAdvanceDays === null ? 'tooSoon' : 'notYetOpen';
  }
  return UNBOOKABLE_REASONS.find((reason) => reason === slot.reason) ?? 'other';
}

/** The first day a guest may book `date` on, when the restaurant takes bookings only so many days ahead; none when it can be booked now. */
export function bookableFrom(date: CalendarDay, today: CalendarDay, maxAdvanceDays: number | null): CalendarDay | undefined {
  if (maxAdvanceDays === null || date <= addDays(today, maxAdvanceDays)) return undefined;
  return addDays(date, -maxAdvanceDays);
}

/** The calendar day an API instant falls on, on the restaurant's clock ("2026-12-05T00:30:00+01:00" -> "2026-12-05"). */
export const localDayOf = (zoned: string): CalendarDay => zoned.slice(0, 10);

/** Whether a slot of `date` starts after that night's midnight (00:30 in Friday's 19:00-02:00 is Saturday's). */
export const isAfterMidnight = (slot: Pick<SlotOutput, 'startsAt'>, date: CalendarDay) => localDayOf(slot.startsAt) > date;

/** The local wall-clock time of an API instant ("2027-03-14T21:30:00-05:00" -> "21:30"): the restaurant's own clock. */
export const localClockOf = (zoned: string) => zoned.slice(11, 16);

/** "19:30" as people read it in `locale` ("7:30 p. m." in es-CO, "7:30 PM" in en-US). */
export function formatClockTime(clock: string, locale: string): string {
  const minutes = minutesOf(clock);
  if (Number.isNaN(minutes)) return clock;
  const instant = Date.UTC(2000, 0, 1, Math.floor(minutes / 60), minutes % 60);
  return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(instant);
}

/** The party sizes a guest can pick: 1 up to the largest table. */
export function partySizes(tables: readonly TableSpot[]): number[] {
  const largest = Math.max(1, ...tables.map((table) => table.seats));
  return Array.from({ length: largest }, (_, index) => index + 1);
}

/** The floor at one slot: the tables free for the whole turn, and those too small for the party. */
export function floorAt(slot: SlotOutput, tables: readonly TableSpot[], partySize: number) {
  const free = new Set(slot.freeTables);
  const tooSmall = new Set(tables.filter((table) => table.seats < partySize).map((table) => table.label));
  const taken = new Set(tables.filter((table) => !free.has(table.label) && !tooSmall.has(table.label)).map((table) => table.label));
  return { taken, tooSmall };
}

/** Whether the device shows another zone's clock than the restaurant's (then times say whose they are). */
export function isOtherZone(restaurantZone: string, deviceZone = Intl.DateTimeFormat().resolvedOptions().timeZone): boolean {
  const now = Date.now();
  const clock = (timeZone: string) =>
    new Intl.DateTimeFormat('en-CA', { timeZone, hour: '2-digit', minute: '2-digit', day: '2-digit', hourCycle: 'h23' }).format(now);
  try {
    return clock(restaurantZone) !== clock(deviceZone);
  } catch {
    return false;
  }
}

/** What the guest is looking for at a restaurant that books times; kept in the address bar. */
export interface TimedSearch {
  date: CalendarDay;
  partySize: number;
  /** "HH:MM": the slots nearest to it are shown. */
  wanted: string;
}

/**
 * The query-string names: `date` as on every day page, then the time asked for and the party size;
 * `pick`, only in a search result's link to one of its free times, starts with that slot picked.
 */
const PARAM = { date: 'date', time: 'time', party: 'party', pick: 'pick' } as const;

/** The search from the address; anything malformed or out of range falls back to its default. */
export function timedSearchFrom(params: URLSearchParams, today: CalendarDay, largestParty: number): TimedSearch {
  const date = params.get(PARAM.date) ?? '';
  const time = params.get(PARAM.time) ?? '';
  const party = Number(params.get(PARAM.party) ?? Number.NaN);
  return {
    date: isCalendarDay(date) ? date : today,
    wanted: isClockTime(time) ? time : DEFAULT_WANTED_TIME,
    partySize: Number.isInteger(party) && party >= 1 && party <= largestParty ? party : Math.min(DEFAULT_PARTY_SIZE, largestParty),
  };
}

/** The slot a link picked (`pick=HH:MM`); a time typed in "Around" picks nothing. */
export function linkedPickFrom(params: URLSearchParams): string | undefined {
  const pick = params.get(PARAM.pick) ?? '';
  return isClockTime(pick) ? pick : undefined;
}

/** The address for a search (a pick is dropped: it was the link's, once), leaving out today, the default time and the default party size. */
export function paramsOfTimedSearch(search: TimedSearch, today: CalendarDay): URLSearchParams {
  const params = new URLSearchParams();
  if (search.date !== today) params.set(PARAM.date, search.date);
  if (search.wanted !== DEFAULT_WANTED_TIME) params.set(PARAM.time, search.wanted);
  if (search.partySize !== DEFAULT_PARTY_SIZE) params.set(PARAM.party, String(search.partySize));
  return params;
}
