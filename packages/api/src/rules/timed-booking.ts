import { formatRanges, isOnSlotGrid, openRangesOn, placeTime, turnMinutesFor, type RestaurantCalendar } from './opening-hours.ts';
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

type TimeRefusalReason = 'CLOSED' | 'OFF_SLOT' | 'OUTSIDE_BOOKING_WINDOW';

export type TimedPlan = { ok: true; held: HeldTime } | { ok: false; reason: TimeRefusalReason; message: string };

const refuse = (reason: TimeRefusalReason, message: string): TimedPlan => ({ ok: false, reason, message });

/**
 * Checks a start time against the restaurant's hours, grid and booking window, in the order the
 * refusals are reported (CLOSED, OFF_SLOT, OUTSIDE_BOOKING_WINDOW), and gives the instants it holds.
 */
export function planTimedBooking(request: TimedRequest, calendar: RestaurantCalendar, booker: Booker, now: number): TimedPlan {
  const { date, time } = request;
  const at = `"${calendar.name}" on ${date} at ${time}`;
  const ranges = openRangesOn(date, calendar);
  if (ranges.length === 0) return refuse('CLOSED', `"${calendar.name}" is closed on ${date}`);
  const placement = placeTime(date, time, calendar);
  if (placement.kind === 'closed') return refuse('CLOSED', `${at}: the restaurant is closed then (open ${formatRanges(ranges)})`);
  const startsAt = instantOf(date, placement.start, calendar.timeZone);
  if (startsAt === null) {
    return refuse('CLOSED', `${at}: that time does not exist in ${calendar.timeZone} (the clocks go forward)`);
  }
  const durationMinutes = request.durationMinutes ?? turnMinutesFor(request.partySize, calendar.turnTimes);
  const { range } = placement;
  // Closing is an instant: across a daylight-saving shift a turn's wall-clock end is not its real one.
  const closesAt = instantAtOrAfter(date, range.closes, calendar.timeZone) ?? Number.POSITIVE_INFINITY;
  if (booker === 'guest' && startsAt + durationMinutes * MINUTE_MS > closesAt) {
    return refuse('CLOSED', `${at}: a turn of ${durationMinutes} minutes would run past closing at ${formatClock(range.closes)}`);
  }
  if (booker === 'guest' && !isOnSlotGrid(placement.start, range, calendar.slotMinutes)) {
    return refuse(
      'OFF_SLOT',
      `${at}: bookings start every ${calendar.slotMinutes} minutes from ${formatClock(range.opens)} (${formatClock(range.opens)}, ${formatClock(range.opens + calendar.slotMinutes)}, ...)`,
    );
  }
  const held = turnFrom(startsAt, durationMinutes);
  if (!held) return refuse('CLOSED', `${at}: the turn would end after the year 9999`);
  const window = bookingWindowRefusal(date, startsAt, calendar, booker, now);
  if (window) return refuse('OUTSIDE_BOOKING_WINDOW', `${at}: ${window}`);
  return { ok: true, held };
}

/** A turn of `durationMinutes` from `startsAt`; null when it would end past year 9999 (no instant to write there). */
export function turnFrom(startsAt: number, durationMinutes: number): HeldTime | null {
  const endsAt = startsAt + durationMinutes * MINUTE_MS;
  return new Date(endsAt).getUTCFullYear() > 9999 ? null : { startsAt, endsAt, durationMinutes };
}

/** Why a start cannot be booked now (already past; for guests, too soon or too far ahead), or null. */
export function bookingWindowRefusal(
  date: string,
  startsAt: number,
  calendar: RestaurantCalendar,
  booker: Booker,
  now: number,
): string | null {
  if (startsAt < now) return 'that start has already passed';
  if (booker === 'admin') return null;
  if (startsAt < now + calendar.minAdvanceMinutes * MINUTE_MS) {
    return `bookings close ${calendar.minAdvanceMinutes} minutes before the start`;
  }
  if (calendar.maxAdvanceDays !== null) {
    const lastDay = addDays(localDateTimeOf(now, calendar.timeZone).date, calendar.maxAdvanceDays);
    if (date > lastDay) return `bookings open ${calendar.maxAdvanceDays} days ahead (the last bookable day is ${lastDay})`;
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
