// The baseline's own slot arithmetic: what the product's rules (packages/api/src/rules/slots.ts) do
// with the statement's row, done the plain way. bench cannot import those rules (@tablebook/api is not
// its dependency and exports no rules), so this is a minimal copy, honest for the bench's data: the
// slot grid of the date's ranges (special dates, past-midnight ranges), the turn time by party size,
// the tables that seat the party and are free for the whole turn, the guest's booking window and the
// daily limits, in the product's order. Its shortcut is the zone: one UTC offset per local day
// (read once from Intl and kept), where the product resolves every slot's wall-clock time on its own
// (spring-forward gaps, autumn repeats). The bench's restaurants are in Bogota, which has no daylight
// saving, and bench/test/baseline-sql.test.ts checks that both answer the same slots. And the
// search's target time is read on the date's own clock, where the product reads a time inside a range
// past midnight (00:30 in 18:00-02:00) as that night's: the bench's ranges end by 23:00.

interface HoursRange {
  opens: string;
  closes: string;
}

/** A restaurant's calendar as the slots and time-search statements return it. */
export interface CalendarRow {
  time_zone: string;
  hours: (HoursRange & { day: string })[];
  special_dates: { date: string; hours: HoursRange[] }[];
  slot_minutes: number;
  turn_times: { maxPartySize: number; minutes: number }[];
  min_advance_minutes: number;
  max_advance_days: number | null;
}

interface Occupancy {
  tables: { label: string; seats: number }[];
  held: { table: string; startsAt: number | string; endsAt: number | string }[];
  restaurantRemaining: number;
  globalRemaining: number;
}

export interface BaselineSlot {
  time: string;
  startsAt: string;
  endsAt: string;
  freeTables: string[];
  bookable: boolean;
  reason?: string;
  /** Epoch ms, for the nearest-first order. */
  instant: number;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const labelOrder = new Intl.Collator('en', { numeric: true });
const pad = (value: number) => String(value).padStart(2, '0');

const minutesOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
const clockOf = (minutes: number) => `${pad(Math.floor((minutes % 1440) / 60))}:${pad(minutes % 60)}`;
const dayAfter = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
/** 1970-01-01 was a Thursday. */
const weekdayOf = (date: string) => WEEKDAYS[(Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS) + 3) % 7];

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, number>();

/** The wall clock's date and minutes in `zone` at `instant`. */
function wallClock(instant: number, zone: string) {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(zone, formatter);
  }
  const parts: Record<string, string> = {};
  for (const part of formatter.formatToParts(new Date(instant))) parts[part.type] = part.value;
  return { date: `${parts['year']}-${parts['month']}-${parts['day']}`, minutes: Number(parts['hour']) * 60 + Number(parts['minute']) };
}

/** The zone's offset from UTC (minutes) on `date`, read at its local noon and kept. */
function offsetOn(date: string, zone: string): number {
  const key = `${zone} ${date}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    const noon = Date.parse(`${date}T12:00:00Z`);
    const clock = wallClock(noon, zone);
    offset = Math.round((Date.parse(`${clock.date}T00:00:00Z`) + clock.minutes * MINUTE_MS - noon) / MINUTE_MS);
    offsets.set(key, offset);
  }
  return offset;
}

/** The instant `minutes` after the local midnight of `date` (minutes may pass 1440). */
function instantOf(date: string, minutes: number, zone: string): number {
  const day = dayAfter(date, Math.floor(minutes / 1440));
  return Date.parse(`${day}T00:00:00Z`) + ((minutes % 1440) - offsetOn(day, zone)) * MINUTE_MS;
}

/** `YYYY-MM-DDTHH:MM:SS±HH:MM` in the zone, as the product writes instants. */
function formatZoned(instant: number, zone: string): string {
  const offset = offsetOn(new Date(instant).toISOString().slice(0, 10), zone);
  const absolute = Math.abs(offset);
  return `${new Date(instant + offset * MINUTE_MS).toISOString().slice(0, 19)}${offset < 0 ? '-' : '+'}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
}

/** Every slot of `date` for the party, in order, each bookable or with the reason a guest would be refused. */
export function baselineDaySlots(
  date: string,
  partySize: number,
  calendar: CalendarRow,
  occupancy: Occupancy,
  now: number,
): BaselineSlot[] {
  const special = calendar.special_dates.find((entry) => entry.date === date);
  const weekday = weekdayOf(date);
  const ranges = (special ? special.hours : calendar.hours.filter((range) => range.day === weekday))
    .map((range) => {
      const opens = minutesOf(range.opens);
      const closes = minutesOf(range.closes);
      return { opens, closes: closes <= opens ? closes + 1440 : closes };
    })
    .sort((a, b) => a.opens - b.opens);
  const turns = [...calendar.turn_times].sort((a, b) => a.maxPartySize - b.maxPartySize);
  const duration = (turns.find((turn) => turn.maxPartySize >= partySize) ?? turns.at(-1))?.minutes ?? 120;
  const zone = calendar.time_zone;
  const held = occupancy.held.map((entry) => ({ table: entry.table, startsAt: Number(entry.startsAt), endsAt: Number(entry.endsAt) }));
  const seating = occupancy.tables.filter((table) => table.seats >= partySize).sort((a, b) => labelOrder.compare(a.label, b.label));
  const lastDay = calendar.max_advance_days === null ? null : dayAfter(wallClock(now, zone).date, calendar.max_advance_days);
  const limitReason =
    Math.min(occupancy.restaurantRemaining, occupancy.globalRemaining) > 0
      ? null
      : occupancy.globalRemaining === 0
        ? 'GLOBAL_DAILY_LIMIT'
        : 'RESTAURANT_DAILY_LIMIT';
  const slots: BaselineSlot[] = [];
  for (const range of ranges) {
    for (let start = range.opens; start + duration <= range.closes; start += calendar.slot_minutes) {
      const startsAt = instantOf(date, start, zone);
      const endsAt = startsAt + duration * MINUTE_MS;
      const taken = new Set(held.filter((entry) => entry.startsAt < endsAt && startsAt < entry.endsAt).map((entry) => entry.table));
      const freeTables = seating.filter((table) => !taken.has(table.label)).map((table) => table.label);
      const outsideWindow = startsAt < now + calendar.min_advance_minutes * MINUTE_MS || (lastDay !== null && date > lastDay);
      const reason = outsideWindow ? 'OUTSIDE_BOOKING_WINDOW' : freeTables.length === 0 ? 'NO_TABLE_AVAILABLE' : limitReason;
      slots.push({
        time: clockOf(start),
        startsAt: formatZoned(startsAt, zone),
        endsAt: formatZoned(endsAt, zone),
        freeTables,
        bookable: reason === null,
        ...(reason === null ? {} : { reason }),
        instant: startsAt,
      });
    }
  }
  return slots;
}

/** The bookable slots within `window` minutes of `time` ("HH:MM") on `date`, nearest first (the earlier on a tie), at most five. */
export function baselineNearest(slots: readonly BaselineSlot[], date: string, time: string, window: number, zone: string): BaselineSlot[] {
  const target = instantOf(date, minutesOf(time), zone);
  return slots
    .filter((slot) => slot.bookable && Math.abs(slot.instant - target) <= window * MINUTE_MS)
    .sort((a, b) => Math.abs(a.instant - target) - Math.abs(b.instant - target) || a.instant - b.instant)
    .slice(0, 5);
}
