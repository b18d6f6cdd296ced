import { formatRanges, isOnSlotGrid, openRangesOn, placeTime, turnMinutesFor, type RestaurantCalendar } from './opening-hours.ts';
import type { ReasonDetails } from '../error-catalog.ts';
import { dayNumber } from './calendar.ts';
import { addDays, formatClock, instantAtOrAfter, instantOf, localDateTimeOf } from './zoned-time.ts';

const MINUTE_MS = 60_000;

/** Who books: guests are held to the slot grid, the booking window and closing time; the restaurant only to its opening ranges. */
export type Booker = 'guest' | 'admin';

export interface TimedRequest {
  date: string;
  time: string;
  partySize: number;
  /** The admin's own duration instead of the turn time for the party size. */
  durationMinutes?: number | undefined;
}

/** When a timed booking holds its table, in instants (epoch ms) and in the restaurant's local minutes. */
export interface HeldTime {
  startsAt: number;
  endsAt: number;
  durationMinutes: number;
}

/**
 * A refusal of a start time, as an AppError takes it: the English message and the catalog's details
 * (the facts a client words it from).
 */
type TimeRefusal =
  | { reason: 'CLOSED'; message: string; details: ReasonDetails<'CLOSED'> }
  | { reason: 'OFF_SLOT'; message: string; details: ReasonDetails<'OFF_SLOT'> }
  | { reason: 'OUTSIDE_BOOKING_WINDOW'; message: string; details: ReasonDetails<'OUTSIDE_BOOKING_WINDOW'> };

export type TimedPlan = { ok: true; held: HeldTime } | { ok: false; refusal: TimeRefusal };

const refuse = (refusal: TimeRefusal): TimedPlan => ({ ok: false, refusal });

/**
 * Checks a start time against the restaurant's hours, grid and booking window, in the order the
 * refusals are reported (CLOSED, OFF_SLOT, OUTSIDE_BOOKING_WINDOW), and gives the instants it holds.
 */
export function planTimedBooking(request: TimedRequest, calendar: RestaurantCalendar, booker: Booker, now: number): TimedPlan {
  const { date, time } = request;
  const at = `"${calendar.name}" on ${date} at ${time}`;
  const where = { restaurantName: calendar.name, date };
  const closed = (message: string, details: Omit<ReasonDetails<'CLOSED'>, 'restaurantName' | 'date'>) =>
    refuse({ reason: 'CLOSED', message, details: { ...where, ...details } });
  const ranges = openRangesOn(date, calendar);
  if (ranges.length === 0) return closed(`"${calendar.name}" is closed on ${date}`, { why: 'closedThatDay' });
  const placement = placeTime(date, time, calendar);
  if (placement.kind === 'closed') {
    return closed(`${at}: the restaurant is closed then (open ${formatRanges(ranges)})`, {
      why: 'closedThen',
      time,
      ranges: ranges.map((range) => ({ opens: formatClock(range.opens), closes: formatClock(range.closes) })),
    });
  }
  const startsAt = instantOf(date, placement.start, calendar.timeZone);
  if (startsAt === null) {
    return closed(`${at}: that time does not exist in ${calendar.timeZone} (the clocks go forward)`, { why: 'noSuchTime', time });
  }
  const durationMinutes = request.durationMinutes ?? turnMinutesFor(request.partySize, calendar.turnTimes);
  const { range } = placement;
  // Closing is an instant: across a daylight-saving shift a turn's wall-clock end is not its real one.
  const closesAt = instantAtOrAfter(date, range.closes, calendar.timeZone) ?? Number.POSITIVE_INFINITY;
  if (booker === 'guest' && startsAt + durationMinutes * MINUTE_MS > closesAt) {
    return closed(`${at}: a turn of ${durationMinutes} minutes would run past closing at ${formatClock(range.closes)}`, {
      why: 'pastClosing',
      time,
      closes: formatClock(range.closes),
      durationMinutes,
    });
  }
  if (booker === 'guest' && !isOnSlotGrid(placement.start, range, calendar.slotMinutes)) {
    return refuse({
      reason: 'OFF_SLOT',
      message: `${at}: bookings start every ${calendar.slotMinutes} minutes from ${formatClock(range.opens)} (${formatClock(range.opens)}, ${formatClock(range.opens + calendar.slotMinutes)}, ...)`,
      details: { ...where, time, slotMinutes: calendar.slotMinutes, opens: formatClock(range.opens) },
    });
  }
  const held = turnFrom(startsAt, durationMinutes);
  if (!held) return closed(`${at}: the turn would end after the year 9999`, { why: 'endsTooLate', time, durationMinutes });
  const window = bookingWindowRefusal(date, startsAt, calendar, booker, now);
  if (window) {
    return refuse({
      reason: 'OUTSIDE_BOOKING_WINDOW',
      message: `${at}: ${window.message}`,
      details: { ...where, time, ...window.details },
    });
  }
  return { ok: true, held };
}

/** A turn of `durationMinutes` from `startsAt`; null when it would end past year 9999 (no instant to write there). */
export function turnFrom(startsAt: number, durationMinutes: number): HeldTime | null {
  const endsAt = startsAt + durationMinutes * MINUTE_MS;
  return new Date(endsAt).getUTCFullYear() > 9999 ? null : { startsAt, endsAt, durationMinutes };
}

type WindowDetails = Omit<ReasonDetails<'OUTSIDE_BOOKING_WINDOW'>, 'restaurantName' | 'date' | 'time'>;

/** Why a start cannot be booked now (already past; for guests, too soon or too far ahead), or null. */
export function bookingWindowRefusal(
  date: string,
  startsAt: number,
  calendar: RestaurantCalendar,
  booker: Booker,
  now: number,
): { message: string; details: WindowDetails } | null {
  if (startsAt < now) return { message: 'that start has already passed', details: { why: 'started' } };
  if (booker === 'admin') return null;
  if (startsAt < now + calendar.minAdvanceMinutes * MINUTE_MS) {
    return {
      message: `bookings close ${calendar.minAdvanceMinutes} minutes before the start`,
      details: { why: 'tooSoon', minAdvanceMinutes: calendar.minAdvanceMinutes },
    };
  }
  if (calendar.maxAdvanceDays !== null) {
    const lastDay = addDays(localDateTimeOf(now, calendar.timeZone).date, calendar.maxAdvanceDays);
    if (date > lastDay) {
      return {
        message: `bookings open ${calendar.maxAdvanceDays} days ahead (the last bookable day is ${lastDay})`,
        details: { why: 'tooFar', maxAdvanceDays: calendar.maxAdvanceDays, lastDay },
      };
    }
  }
  return null;
}

/**
 * The days whose lock a writer of this reservation takes: its own `date` and every local day its
 * range touches (a turn past midnight touches two), in calendar order.
 */
export function lockDaysFor(date: string, held: { startsAt: number; endsAt: number }, timeZone: string): string[] {
  const days = new Set([date]);
  const first = localDateTimeOf(held.startsAt, timeZone).date;
  const last = localDateTimeOf(Math.max(held.startsAt, held.endsAt - 1), timeZone).date;
  // A turn lasts at most 12 hours: it touches at most two local days (three across a shift, to be safe).
  for (let offset = 0, day = first; offset < 3 && dayNumber(day) <= dayNumber(last); offset += 1, day = addDays(day, 1)) days.add(day);
  return [...days].sort();
}
