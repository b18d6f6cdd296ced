import { formatClock, instantAtOrAfter, instantOf, parseClock, weekdayOf } from './zoned-time.ts';

/** One opening range of a weekday (mon..sun): `closes` at or before `opens` ends after midnight (18:00-02:00). */
interface WeeklyHours {
  day: string;
  opens: string;
  closes: string;
}

export interface DailyHours {
  opens: string;
  closes: string;
}

/** A date's own hours instead of its weekday's; no hours = closed that date. */
interface SpecialDate {
  date: string;
  hours: DailyHours[];
}

export interface TurnTime {
  maxPartySize: number;
  minutes: number;
}

export const DEFAULT_TURN_TIMES: readonly TurnTime[] = [
  { maxPartySize: 2, minutes: 90 },
  { maxPartySize: 4, minutes: 120 },
  { maxPartySize: 20, minutes: 150 },
];

export const SLOT_MINUTES = [15, 30, 60] as const;

/** How a restaurant books times; `hours` empty = the seed's whole-day booking. */
export interface BookingCalendar {
  hours: readonly WeeklyHours[];
  specialDates: readonly SpecialDate[];
  slotMinutes: number;
  turnTimes: readonly TurnTime[];
}

/** Everything the time rules need to know about one restaurant. */
export interface RestaurantCalendar extends BookingCalendar {
  name: string;
  timeZone: string;
  /** Guests book at least this long before the start. */
  minAdvanceMinutes: number;
  /** Guests book at most this many days ahead of today; null = no limit. */
  maxAdvanceDays: number | null;
}

/** A restaurant with no opening hours books whole days, as the seed does. */
export const booksWholeDays = (calendar: Pick<BookingCalendar, 'hours'>) => calendar.hours.length === 0;

/** An opening range of one date, in minutes since that date's local midnight; `closes` may pass 1440. */
export interface OpenRange {
  opens: number;
  closes: number;
}

function toRange(hours: DailyHours): OpenRange {
  const opens = parseClock(hours.opens) ?? 0;
  const closes = parseClock(hours.closes) ?? 0;
  return { opens, closes: closes <= opens ? closes + 1440 : closes };
}

/** The opening ranges of `date` (a special date's own, else its weekday's), in time order. */
export function openRangesOn(date: string, calendar: Pick<BookingCalendar, 'hours' | 'specialDates'>): OpenRange[] {
  const special = calendar.specialDates.find((entry) => entry.date === date);
  const hours = special ? special.hours : calendar.hours.filter((range) => range.day === weekdayOf(date));
  return hours.map(toRange).sort((a, b) => a.opens - b.opens);
}

/** Pairs of ranges of one day (or one special date) that overlap, for validation messages. */
export function overlappingRanges(ranges: readonly DailyHours[]): [number, number][] {
  const asRanges = ranges.map(toRange);
  const pairs: [number, number][] = [];
  for (let first = 0; first < asRanges.length; first += 1) {
    for (let second = first + 1; second < asRanges.length; second += 1) {
      const a = asRanges[first] as OpenRange;
      const b = asRanges[second] as OpenRange;
      if (a.opens < b.closes && b.opens < a.closes) pairs.push([first, second]);
    }
  }
  return pairs;
}

/** How long a party holds its table: the first turn time whose maxPartySize seats it (the last one past it). */
export function turnMinutesFor(partySize: number, turnTimes: readonly TurnTime[]): number {
  const sorted = [...turnTimes].sort((a, b) => a.maxPartySize - b.maxPartySize);
  const fitting = sorted.find((entry) => entry.maxPartySize >= partySize) ?? sorted.at(-1);
  return fitting?.minutes ?? 120;
}

/** Where a local start time falls among `date`'s opening ranges. */
export type Placement = { kind: 'open'; range: OpenRange; start: number } | { kind: 'closed' };

/**
 * Places `time` ("HH:MM") on `date`: inside one of the date's ranges, read as the range's own hours
 * (a 00:30 in Friday's 18:00-02:00 is Saturday's 00:30, minute 1470 of Friday).
 */
export function placeTime(date: string, time: string, calendar: Pick<BookingCalendar, 'hours' | 'specialDates'>): Placement {
  const minutes = parseClock(time);
  if (minutes === undefined) return { kind: 'closed' };
  for (const range of openRangesOn(date, calendar)) {
    for (const start of [minutes, minutes + 1440]) {
      if (start >= range.opens && start < range.closes) return { kind: 'open', range, start };
    }
  }
  return { kind: 'closed' };
}

/** True when `start` is `opens` + k x slotMinutes of its range. */
export const isOnSlotGrid = (start: number, range: OpenRange, slotMinutes: number) => (start - range.opens) % slotMinutes === 0;

/**
 * The grid guests book on: every start of every range (in local minutes, with its instant) whose turn
 * still ends by the range's closing instant, in order. A start a spring-forward gap skips is left out;
 * a repeated autumn hour is offered once, at its first occurrence.
 */
export function slotStarts(
  date: string,
  partySize: number,
  calendar: BookingCalendar,
  timeZone: string,
): { start: number; startsAt: number; duration: number }[] {
  const duration = turnMinutesFor(partySize, calendar.turnTimes);
  const starts: { start: number; startsAt: number; duration: number }[] = [];
  for (const range of openRangesOn(date, calendar)) {
    const closesAt = instantAtOrAfter(date, range.closes, timeZone);
    if (closesAt === null) continue;
    for (let start = range.opens; start < range.closes; start += calendar.slotMinutes) {
      const startsAt = instantOf(date, start, timeZone);
      if (startsAt !== null && startsAt + duration * 60_000 <= closesAt) starts.push({ start, startsAt, duration });
    }
  }
  return starts;
}

/** "12:00-15:00, 19:00-23:00": a day's ranges as people write them, for messages. */
export const formatRanges = (ranges: readonly OpenRange[]) =>
  ranges.map((range) => `${formatClock(range.opens)}-${formatClock(range.closes)}`).join(', ');
