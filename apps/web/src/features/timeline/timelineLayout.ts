import { instantOf, openRangesOn, type ReservationOutput, type RestaurantOutput } from '@tablebook/api/shared';
import type { CalendarDay } from '../../lib/days.ts';

/**
 * The manager's day laid out as a timeline, as pure arithmetic on the restaurant's own clock: every
 * time is a number of minutes since the local midnight of the day shown, so a range that ends after
 * midnight (18:00-02:00) simply runs past 1440 and a 00:30 booking of that night sits at 1470.
 * Bars follow the wall clock: on a night the clocks change, a turn across the change looks an hour
 * longer (forward) or shorter (back) than it is, and the page says so (`clockChange`). What a move
 * offers, and which tables are free then (freeTables.ts), are judged on real instants.
 */

const MINUTES_PER_DAY = 1440;
/** `YYYY-MM-DDTHH:MM` at the start of an API instant: its local day and wall clock in the restaurant's zone. */
const ZONED = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/;

type Calendar = Pick<RestaurantOutput, 'hours' | 'specialDates'>;

/** An opening range of the day, in minutes since its local midnight; `closes` may pass 1440. */
export interface DayRange {
  opens: number;
  closes: number;
}

/** What the timeline spans: whole hours from before the first opening to after the last closing. */
export interface Axis {
  start: number;
  end: number;
  /** The hour marks, `start` included, `end` not. */
  hours: number[];
}

/** Where a stretch of time sits on the axis, in percent of its width. */
interface Span {
  left: number;
  width: number;
}

/** A reservation's bar: its span, and whether it runs on beyond either end of the axis. */
export interface BarPlace extends Span {
  start: number;
  end: number;
  cutStart: boolean;
  cutEnd: boolean;
}

const dayNumber = (year: number, month: number, date: number) => Math.round(Date.UTC(year, month - 1, date) / 86_400_000);

function dayNumberOf(day: CalendarDay): number {
  const [year, month, date] = day.split('-').map(Number);
  return dayNumber(year ?? 0, month ?? 1, date ?? 1);
}

/** The day's opening ranges (a special date's own hours, else its weekday's), in time order. None: closed, or whole-day booking. */
export function dayRanges(day: CalendarDay, calendar: Calendar): DayRange[] {
  // The API's own rule, so the timeline shows exactly the ranges bookings are judged by.
  return openRangesOn(day, calendar);
}

/** The axis for the day's ranges: from the first opening's hour to the hour at or after the last closing. */
export function axisOf(ranges: readonly DayRange[]): Axis | undefined {
  if (ranges.length === 0) return undefined;
  const start = Math.floor(Math.min(...ranges.map((range) => range.opens)) / 60) * 60;
  const end = Math.ceil(Math.max(...ranges.map((range) => range.closes)) / 60) * 60;
  const hours: number[] = [];
  for (let hour = start; hour < end; hour += 60) hours.push(hour);
  return { start, end, hours };
}

/**
 * Minutes from the local midnight of `day` to an API instant (`YYYY-MM-DDTHH:MM:SS±HH:MM`, in the
 * restaurant's zone), read on its wall clock: the next day's 01:30 is 1530.
 */
export function minutesIntoDay(day: CalendarDay, zoned: string): number {
  const match = ZONED.exec(zoned);
  if (!match) return Number.NaN;
  const [, year, month, date, hour, minute] = match.map(Number) as [number, number, number, number, number, number];
  return (dayNumber(year, month, date) - dayNumberOf(day)) * MINUTES_PER_DAY + hour * 60 + minute;
}

const percentOf = (minutes: number, axis: Axis) => ((minutes - axis.start) / (axis.end - axis.start)) * 100;

/** Where a reservation's bar goes, clipped to the axis; undefined when it falls wholly outside it. */
export function barPlace(reservation: Pick<ReservationOutput, 'startsAt' | 'endsAt'>, day: CalendarDay, axis: Axis): BarPlace | undefined {
  const start = minutesIntoDay(day, reservation.startsAt);
  const end = minutesIntoDay(day, reservation.endsAt);
  if (Number.isNaN(start) || Number.isNaN(end)) return undefined;
  // A turn ended at its start (a no-show marked at once) still shows where it was.
  if (end < axis.start || start > axis.end || (end === axis.start && start < end) || (start === axis.end && start < end)) return undefined;
  const shownStart = Math.max(start, axis.start);
  const shownEnd = Math.min(Math.max(end, start), axis.end);
  return {
    start,
    end,
    left: percentOf(shownStart, axis),
    width: percentOf(shownEnd, axis) - percentOf(shownStart, axis),
    cutStart: start < axis.start,
    cutEnd: end > axis.end,
  };
}

/** The stretches of the axis when the restaurant is closed (before, between and after its ranges), for shading. */
export function closedSpans(ranges: readonly DayRange[], axis: Axis): Span[] {
  const spans: Span[] = [];
  let from = axis.start;
  for (const range of ranges) {
    if (range.opens > from) spans.push({ left: percentOf(from, axis), width: percentOf(range.opens, axis) - percentOf(from, axis) });
    from = Math.max(from, range.closes);
  }
  if (from < axis.end) spans.push({ left: percentOf(from, axis), width: 100 - percentOf(from, axis) });
  return spans;
}

/** The hour marks' places on the axis. */
export const hourMarks = (axis: Axis) => axis.hours.map((minutes) => ({ minutes, left: percentOf(minutes, axis) }));

/** A start a move may choose: its "HH:MM" for the API and its place on the day (past 1440 after midnight). */
interface TimeChoice {
  time: string;
  minutes: number;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** Minutes since the day's midnight (past 1440 after it) -> the "HH:MM" the API takes. */
export const clockOf = (minutes: number) => {
  const onClock = ((minutes % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  return `${pad(Math.floor(onClock / 60))}:${pad(onClock % 60)}`;
};

/** The day and zone a time of day is read in. */
interface ZonedDay {
  date: CalendarDay;
  timeZone: string;
}

/** Whether the wall clock of `date` in `timeZone` shows `minutes` at all (not inside a spring-forward gap). */
const exists = (minutes: number, { date, timeZone }: ZonedDay) => instantOf(date, minutes, timeZone) !== null;

/**
 * The starts a move offers: every `step` minutes from each range's opening while still inside it (an
 * admin books anywhere within the opening hours), plus `current` when it is off that grid; never a
 * time the clocks skip that night (the server would refuse it as CLOSED).
 */
export function timeChoices(ranges: readonly DayRange[], step: number, day: ZonedDay & { current?: number | undefined }): TimeChoice[] {
  const starts = new Set<number>();
  for (const range of ranges) for (let start = range.opens; start < range.closes; start += step) starts.add(start);
  if (day.current !== undefined && !Number.isNaN(day.current)) starts.add(day.current);
  return [...starts]
    .filter((minutes) => exists(minutes, day))
    .sort((a, b) => a - b)
    .map((minutes) => ({ time: clockOf(minutes), minutes }));
}

/** "HH:MM" -> its place on the day: past 1440 when only the day's range past midnight holds it (00:30 of Friday night). */
export function placeOfTime(time: string, ranges: readonly DayRange[]): number | undefined {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!match) return undefined;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  const inside = (at: number) => ranges.some((range) => range.opens <= at && at < range.closes);
  return !inside(minutes) && inside(minutes + MINUTES_PER_DAY) ? minutes + MINUTES_PER_DAY : minutes;
}

/** A change of the clocks within the axis: from which wall time to which, and whether they go forward (a gap) or back (a repeat). */
export interface ClockChange {
  from: number;
  to: number;
  forward: boolean;
}

const CLOCK_PROBE = 15;

/** The day's change of the clocks within the axis, if any (Madrid's last Sunday of March and of October, say). */
export function clockChange(axis: Axis, day: ZonedDay): ClockChange | undefined {
  const instant = (minutes: number) => instantOf(day.date, minutes, day.timeZone);
  for (let minutes = axis.start; minutes < axis.end; minutes += CLOCK_PROBE) {
    const here = instant(minutes);
    const next = instant(minutes + CLOCK_PROBE);
    if (here === null) continue;
    if (next === null) {
      let to = minutes + CLOCK_PROBE;
      while (to < minutes + MINUTES_PER_DAY && instant(to) === null) to += 1;
      // The gap's first missing minute: a whole hour on the probe's grid, but zones may skip 30 minutes.
      let from = minutes + 1;
      while (from < to && instant(from) !== null) from += 1;
      return { from, to, forward: true };
    }
    const elapsed = (next - here) / 60_000;
    if (elapsed > CLOCK_PROBE) {
      const repeated = elapsed - CLOCK_PROBE;
      return { from: minutes + CLOCK_PROBE - repeated, to: minutes + CLOCK_PROBE, forward: false };
    }
  }
  return undefined;
}

/** The turn a party holds its table for: the first entry whose maxPartySize seats it (the last one past it). */
export function turnMinutes(partySize: number, turnTimes: RestaurantOutput['turnTimes']): number {
  const sorted = [...turnTimes].sort((a, b) => a.maxPartySize - b.maxPartySize);
  return (sorted.find((entry) => entry.maxPartySize >= partySize) ?? sorted.at(-1))?.minutes ?? 120;
}

/** The wall clock of `now` in a zone, `YYYY-MM-DDTHH:MM` (what `minutesIntoDay` reads). */
export function wallClockIn(timeZone: string, now: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((entry) => entry.type === type)?.value ?? '00';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`;
}

/** Where the timeline is first scrolled to: an hour before now while the day is under way, else the first start, else its opening. */
export function firstInView(axis: Axis, starts: readonly number[], now: number | undefined): number {
  if (now !== undefined && now >= axis.start && now <= axis.end) return Math.max(axis.start, now - 60);
  const first = Math.min(...starts.filter((start) => start >= axis.start && start < axis.end));
  return Number.isFinite(first) ? Math.max(axis.start, first - 30) : axis.start;
}

/** `minutes` as a share (0..1) of the axis. */
export const fractionOf = (minutes: number, axis: Axis) => (minutes - axis.start) / (axis.end - axis.start);
