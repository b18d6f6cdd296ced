import { formatClock, localDateTimeOf, type LocalDateTime } from './zoned-time.ts';

/** The interval lengths pacing counts in, in minutes (each divides a day, so intervals start at local midnight). */
export const PACING_INTERVALS = [15, 30, 60] as const;

/** At most `maxCovers` guests (the sum of party sizes) start in each interval of `intervalMinutes`. */
export interface Pacing {
  intervalMinutes: number;
  maxCovers: number;
}

/** The guests of live timed reservations starting at one local minute (a local date and a minute of it). */
export interface CoversAtStart extends LocalDateTime {
  covers: number;
}

/** One pacing interval on the local clock: [start, end) in minutes since the local midnight of `date`. */
export interface PacingInterval {
  date: string;
  start: number;
  end: number;
}

/**
 * The interval a start instant falls in, on the restaurant's local clock: intervals start at local
 * midnight, as the database's trigger computes them (migration 0008). Both occurrences of a repeated
 * autumn hour fall in the same interval, since it is judged on the clock.
 */
export function pacingIntervalOf(startsAt: number, timeZone: string, intervalMinutes: number): PacingInterval {
  const local = localDateTimeOf(startsAt, timeZone);
  return intervalAt(local, intervalMinutes);
}

const intervalAt = (local: LocalDateTime, intervalMinutes: number): PacingInterval => {
  const start = Math.floor(local.minutes / intervalMinutes) * intervalMinutes;
  return { date: local.date, start, end: start + intervalMinutes };
};

const intervalKey = (interval: PacingInterval) => `${interval.date} ${interval.start}`;

/** The covers already starting in each interval, keyed by interval (read with `coversInInterval`). */
export type IntervalCovers = ReadonlyMap<string, number>;

export function coversByInterval(starts: readonly CoversAtStart[], intervalMinutes: number): IntervalCovers {
  const covers = new Map<string, number>();
  for (const start of starts) {
    const key = intervalKey(intervalAt(start, intervalMinutes));
    covers.set(key, (covers.get(key) ?? 0) + start.covers);
  }
  return covers;
}

export const coversInInterval = (covers: IntervalCovers, interval: PacingInterval) => covers.get(intervalKey(interval)) ?? 0;

/** Why a party does not fit an interval's pacing: what the refusal's message says. */
export interface PacingRefusal {
  interval: PacingInterval;
  coversLeft: number;
  maxCovers: number;
  partySize: number;
}

/** The refusal when `partySize` more guests would pass the interval's `maxCovers`, or null when they fit. */
export function pacingRefusal(pacing: Pacing, interval: PacingInterval, taken: number, partySize: number): PacingRefusal | null {
  if (taken + partySize <= pacing.maxCovers) return null;
  return { interval, coversLeft: Math.max(0, pacing.maxCovers - taken), maxCovers: pacing.maxCovers, partySize };
}

/** "19:00-19:30" (an interval ending at midnight ends at 00:00, as the trigger writes it). */
export const formatInterval = (interval: PacingInterval) => `${formatClock(interval.start)}-${formatClock(interval.end)}`;

/** The PACING_LIMIT message: the interval, its day, the covers left and the party; the same words as the trigger's. */
export function describePacingRefusal(restaurantName: string, refusal: PacingRefusal): string {
  return `Cannot book at "${restaurantName}": the ${formatInterval(refusal.interval)} interval on ${refusal.interval.date} has ${refusal.coversLeft} of ${refusal.maxCovers} covers left; a party of ${refusal.partySize} does not fit`;
}

/**
 * Covers by local start as PostgreSQL's json_agg gives them: `{start: "YYYY-MM-DD HH:MI", covers}`
 * (the local clock, to the minute), into local dates and minutes.
 */
export const startsFromJson = (rows: readonly { start: string; covers: unknown }[]): CoversAtStart[] =>
  rows.map((row) => ({
    date: row.start.slice(0, 10),
    minutes: Number(row.start.slice(11, 13)) * 60 + Number(row.start.slice(14, 16)),
    covers: Number(row.covers),
  }));
