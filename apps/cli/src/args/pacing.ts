import type { RouterInputs } from '@tablebook/client';
import { UsageError } from '../errors.ts';
import { meansNone } from './time-ranges.ts';

type Pacing = NonNullable<RouterInputs['restaurant']['create']['pacing']>;
type IntervalMinutes = Pacing['intervalMinutes'];

/** The API's interval lengths; its type is their union, so the number is checked here rather than cast. */
const INTERVALS = [15, 30, 60] as const satisfies readonly IntervalMinutes[];

/**
 * A restaurant's pacing, written INTERVAL_MINUTES:MAX_COVERS as --turn-times writes its pairs: "30:20"
 * lets at most 20 guests start in each half hour from midnight; "none" (or empty) clears it. The
 * interval must be 15, 30 or 60; the covers' range (1 to 10000) is the API's to check.
 */
export function parsePacing(text: string): Pacing | null {
  if (meansNone(text)) return null;
  const match = /^\s*(\d{1,4})\s*:\s*(\d{1,9})\s*$/.exec(text);
  if (!match) throw new UsageError(`--pacing takes INTERVAL_MINUTES:MAX_COVERS, like "30:20", or "none", not "${text}"`);
  const intervalMinutes = INTERVALS.find((candidate) => candidate === Number(match[1]));
  if (intervalMinutes === undefined) {
    throw new UsageError(`--pacing's interval must be one of ${INTERVALS.join(', ')} minutes, not "${match[1]}" (in "${text}")`);
  }
  return { intervalMinutes, maxCovers: Number(match[2]) };
}

/** The same notation back: what --pacing takes. */
export const formatPacing = (pacing: { intervalMinutes: number; maxCovers: number } | null) =>
  pacing === null ? 'none' : `${pacing.intervalMinutes}:${pacing.maxCovers}`;

/** A restaurant's own daily limit: a whole number, or "default" for the stored restaurant daily limit (null). */
export function parseDailyLimit(text: string): number | null {
  if (text.trim().toLowerCase() === 'default') return null;
  if (!/^\s*\d{1,9}\s*$/.test(text)) throw new UsageError(`--daily-limit must be a whole number or "default", not "${text}"`);
  return Number(text.trim());
}

/** The same notation back: what --daily-limit takes. */
export const formatDailyLimit = (dailyLimit: number | null) => (dailyLimit === null ? 'default' : String(dailyLimit));
