/**
 * Local wall-clock times in an IANA zone and the instants they name, without a date library: Intl
 * knows every zone's offsets. A local time inside a spring-forward gap names no instant; one inside
 * an autumn repeat names two, and the first is the one meant.
 */

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export interface LocalDateTime {
  /** YYYY-MM-DD */
  date: string;
  /** Minutes since local midnight, 0..1439. */
  minutes: number;
}

/** Epoch ms of a UTC date and second of day (Date.UTC alone reads years 0..99 as 1900..1999). */
function utcOf(year: number, month: number, day: number, seconds: number): number {
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return date.getTime() + seconds * 1000;
}

/** The wall clock in `timeZone` at `instant` (epoch ms), read as a UTC instant (to the second): what the offset is measured from. */
function wallClock(instant: number, timeZone: string) {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) parts[part.type] = part.value;
  const year = Number(parts['year']);
  const month = Number(parts['month']);
  const day = Number(parts['day']);
  return {
    /** The same wall clock read as if it were UTC, in epoch ms (to the second). */
    asUtc: utcOf(year, month, day, Number(parts['hour']) * 3600 + Number(parts['minute']) * 60 + Number(parts['second'])),
  };
}

/**
 * Offsets change only on quarter-hour boundaries of UTC (every zone's offsets are whole quarter hours
 * since standard time), so one Intl call answers for the whole quarter hour: a day's slots then cost a
 * few formatToParts calls instead of several per slot (the profile's top cost).
 */
const OFFSET_BUCKET_MS = 15 * MINUTE_MS;
const offsets = new Map<string, number>();

/** The zone's offset from UTC at `instant`, in minutes (Bogota: -300). */
function offsetMinutesAt(instant: number, timeZone: string): number {
  const key = `${timeZone}|${Math.floor(instant / OFFSET_BUCKET_MS)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    offset = Math.round((wallClock(instant, timeZone).asUtc - Math.floor(instant / 1000) * 1000) / MINUTE_MS);
    if (offsets.size >= 100_000) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

/** The zone's offset from UTC at `instant`, in minutes, as this process's zone data has it. */
export const utcOffsetMinutes = (instant: number, timeZone: string): number => offsetMinutesAt(instant, timeZone);

/** The wall clock `instant` shows in `timeZone`, from its offset: UTC fields of the shifted instant. */
function shiftedClock(instant: number, timeZone: string) {
  const offset = offsetMinutesAt(instant, timeZone);
  const local = new Date(instant + offset * MINUTE_MS);
  return {
    offset,
    date: `${String(local.getUTCFullYear()).padStart(4, '0')}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`,
    hours: local.getUTCHours(),
    minutes: local.getUTCMinutes(),
    seconds: local.getUTCSeconds(),
  };
}

export function localDateTimeOf(instant: number, timeZone: string): LocalDateTime {
  const clock = shiftedClock(instant, timeZone);
  return { date: clock.date, minutes: clock.hours * 60 + clock.minutes };
}

/** `date` plus `days` calendar days (past year 9999 the result is not a YYYY-MM-DD day: callers check). */
export function addDays(date: string, days: number): string {
  const iso = new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString();
  return iso.startsWith('+') || iso.startsWith('-') ? iso.slice(0, 13) : iso.slice(0, 10);
}

/**
 * The instant (epoch ms) the wall clock in `timeZone` shows `minutes` after the local midnight of
 * `date` (minutes may pass 1440: the next day's early hours). Null inside a spring-forward gap; the
 * first of the two in an autumn repeat.
 */
export function instantOf(date: string, minutes: number, timeZone: string): number | null {
  const day = addDays(date, Math.floor(minutes / 1440));
  // Beyond year 9999 there is no YYYY-MM-DD to write, so no instant to offer.
  if (!isWritableDay(day)) return null;
  const minuteOfDay = ((minutes % 1440) + 1440) % 1440;
  const asUtc = Date.parse(`${day}T00:00:00Z`) + minuteOfDay * MINUTE_MS;
  const offsets = new Set([asUtc - DAY_MS, asUtc, asUtc + DAY_MS].map((probe) => offsetMinutesAt(probe, timeZone)));
  const matches = [...offsets]
    .map((offset) => asUtc - offset * MINUTE_MS)
    .filter((instant) => {
      const local = localDateTimeOf(instant, timeZone);
      return local.date === day && local.minutes === minuteOfDay;
    })
    .sort((a, b) => a - b);
  return matches[0] ?? null;
}

/** The first instant at or after `minutes` past `date`'s midnight (a closing time inside a spring-forward gap is the gap's end). */
export function instantAtOrAfter(date: string, minutes: number, timeZone: string): number | null {
  for (let later = minutes; later < minutes + 180; later += 1) {
    const instant = instantOf(date, later, timeZone);
    if (instant !== null) return instant;
  }
  return null;
}

const isWritableDay = (day: string) => /^\d{4}-\d{2}-\d{2}$/.test(day);

/** The start of `date`'s local day (its first instant, if midnight itself is skipped by a shift). */
export function startOfDay(date: string, timeZone: string): number {
  for (let minutes = 0; minutes < 1440; minutes += 1) {
    const instant = instantOf(date, minutes, timeZone);
    if (instant !== null) return instant;
  }
  throw new Error(`no instant of ${date} exists in ${timeZone}`);
}

const pad = (value: number) => String(value).padStart(2, '0');

/** `YYYY-MM-DDTHH:MM:SS±HH:MM` in `timeZone`: the restaurant's own clock, with its offset. */
export function formatZoned(instant: number, timeZone: string): string {
  const clock = shiftedClock(instant, timeZone);
  const { offset } = clock;
  const sign = offset < 0 ? '-' : '+';
  const absolute = Math.abs(offset);
  return `${clock.date}T${pad(clock.hours)}:${pad(clock.minutes)}:${pad(clock.seconds)}${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
}

/** "HH:MM" -> minutes since midnight; undefined for anything that is not a real time of day. */
export function parseClock(text: string): number | undefined {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

/** Minutes (any, even past 1440) -> the "HH:MM" a clock shows. */
export function formatClock(minutes: number): string {
  const minuteOfDay = ((minutes % 1440) + 1440) % 1440;
  return `${pad(Math.floor(minuteOfDay / 60))}:${pad(minuteOfDay % 60)}`;
}

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** The weekday of a calendar day (zone-free: a date is a date). */
export function weekdayOf(date: string): Weekday {
  // 1970-01-01 was a Thursday.
  const days = Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
  return WEEKDAYS[(((days + 3) % 7) + 7) % 7] as Weekday;
}
