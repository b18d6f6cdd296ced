import { bookableCount, type RemainingCapacity } from './booking.ts';
import { slotStarts, type RestaurantCalendar } from './opening-hours.ts';
import { coversByInterval, coversInInterval, pacingIntervalOf, pacingRefusal, type CoversAtStart, type Pacing } from './pacing.ts';
import { freeTablesFor, type HeldTable } from './table-choice.ts';
import type { TableLayoutEntry } from './tables.ts';
import { bookingWindowRefusal } from './timed-booking.ts';
import { formatClock, instantOf } from './zoned-time.ts';

/** Why a slot is not bookable: the booking's own refusals, in its order. */
export const SLOT_REFUSALS = [
  'OUTSIDE_BOOKING_WINDOW',
  'NO_TABLE_AVAILABLE',
  'GLOBAL_DAILY_LIMIT',
  'RESTAURANT_DAILY_LIMIT',
  'PACING_LIMIT',
] as const;
type SlotRefusal = (typeof SLOT_REFUSALS)[number];

/** One start a guest may pick, with the instants it holds (epoch ms) and whether booking it now would succeed. */
export interface Slot {
  time: string;
  startsAt: number;
  endsAt: number;
  freeTables: string[];
  reason: SlotRefusal | null;
}

export interface DayOccupancy {
  tables: readonly TableLayoutEntry[];
  held: readonly HeldTable[];
  capacity: RemainingCapacity;
  /** The restaurant's pacing and the covers starting around the day, by local minute; null without pacing. */
  pacing: { pacing: Pacing; starts: readonly CoversAtStart[] } | null;
}

/**
 * Every slot of `date` for a party, in order, each with the reason a guest's booking of it would get
 * (the booking's own order: window, tables, the daily limits, then pacing). A spring-forward gap has
 * no slots; an autumn repeat offers its hour once, at the first occurrence.
 */
export function daySlots(date: string, partySize: number, calendar: RestaurantCalendar, occupancy: DayOccupancy, now: number): Slot[] {
  const slots: Slot[] = [];
  const fitsPacing = pacingFit(occupancy, partySize, calendar.timeZone);
  for (const { start, startsAt, duration } of slotStarts(date, partySize, calendar, calendar.timeZone)) {
    const endsAt = startsAt + duration * 60_000;
    const freeTables = freeTablesFor(occupancy.tables, occupancy.held, partySize, startsAt, endsAt);
    slots.push({
      time: formatClock(start),
      startsAt,
      endsAt,
      freeTables,
      reason: slotRefusal(date, startsAt, freeTables, calendar, occupancy, now) ?? (fitsPacing(startsAt) ? null : 'PACING_LIMIT'),
    });
  }
  return slots;
}

/** Whether the party fits the pacing of a start's interval (always, without pacing). */
function pacingFit(occupancy: DayOccupancy, partySize: number, timeZone: string): (startsAt: number) => boolean {
  if (occupancy.pacing === null) return () => true;
  const { pacing, starts } = occupancy.pacing;
  const covers = coversByInterval(starts, pacing.intervalMinutes);
  return (startsAt) => {
    const interval = pacingIntervalOf(startsAt, timeZone, pacing.intervalMinutes);
    return pacingRefusal(pacing, interval, coversInInterval(covers, interval), partySize) === null;
  };
}

function slotRefusal(
  date: string,
  startsAt: number,
  freeTables: readonly string[],
  calendar: RestaurantCalendar,
  occupancy: DayOccupancy,
  now: number,
): Exclude<SlotRefusal, 'PACING_LIMIT'> | null {
  if (bookingWindowRefusal(date, startsAt, calendar, 'guest', now)) return 'OUTSIDE_BOOKING_WINDOW';
  if (freeTables.length === 0) return 'NO_TABLE_AVAILABLE';
  if (bookableCount(occupancy.capacity) > 0) return null;
  return occupancy.capacity.globalRemaining === 0 ? 'GLOBAL_DAILY_LIMIT' : 'RESTAURANT_DAILY_LIMIT';
}

/**
 * The bookable slots nearest `time` (within `window` minutes), nearest first, the earlier on a tie;
 * at most `limit`. For the restaurant search.
 */
export function nearestBookable(slots: readonly Slot[], date: string, time: number, window: number, timeZone: string, limit = 5): Slot[] {
  const target = instantOf(date, time, timeZone) ?? instantOf(date, time + 60, timeZone);
  if (target === null) return [];
  return slots
    .filter((slot) => slot.reason === null && Math.abs(slot.startsAt - target) <= window * 60_000)
    .sort((a, b) => Math.abs(a.startsAt - target) - Math.abs(b.startsAt - target) || a.startsAt - b.startsAt)
    .slice(0, limit);
}
