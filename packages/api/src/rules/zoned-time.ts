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

/** The wall clock in `timeZone` at `instant` (epoch ms), to the minute (and its seconds, for offsets). */
function wallClock(instant: number, timeZone: string) {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) parts[part.type] = part.value;
  return {
    date: `${parts['year']}-${parts['month']}-${parts['day']}`,
    hours: Number(parts['hour']),
    minutes: Number(parts['minute']),
    seconds: Number(parts['second']),
  };
}

export function localDateTimeOf(instant: number, timeZone: string): LocalDateTime {
  const clock = wallClock(instant, timeZone);
  return { date: clock.date, minutes: clock.hours * 60 + clock.minutes };
}

/** The zone's offset from UTC at `instant`, in minutes (Bogota: -300). */
function offsetMinutesAt(instant: number, timeZone: string): number {
  const clock = wallClock(instant, timeZone);
  const asUtc = Date.parse(`${clock.date}T00:00:00Z`) + ((clock.hours * 60 + clock.minutes) * 60 + clock.seconds) * 1000;
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / MINUTE_MS);
}

/** `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The instant (epoch ms) the wall clock in `timeZone` shows `minutes` after the local midnight of
 * `date` (minutes may pass 1440: the next day's early hours). Null inside a spring-forward gap; the
 * first of the two in an autumn repeat.
 */
export function instantOf(date: string, minutes: number, timeZone: string): number | null {
  const day = addDays(date, Math.floor(minutes / 1440));
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
  const clock = wallClock(instant, timeZone);
  const offset = offsetMinutesAt(instant, timeZone);
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
