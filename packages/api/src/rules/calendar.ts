import { localDateTimeOf } from './zoned-time.ts';

/** Today's calendar day (YYYY-MM-DD) in `timeZone`, whatever the server's own clock zone is. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return localDateTimeOf(now.getTime(), timeZone).date;
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The zone's name as IANA spells it ("america/bogota" -> "America/Bogota", "utc" -> "UTC"). Only the
 * case changes: ICU would also turn Asia/Kolkata into its legacy alias Asia/Calcutta.
 */
export function canonicalTimeZone(timeZone: string): string {
  const lower = timeZone.toLowerCase();
  const listed = knownZones().find((zone) => zone.toLowerCase() === lower);
  if (listed) return listed;
  return lower === 'utc' ? 'UTC' : timeZone;
}

let zones: string[] | undefined;
const knownZones = () => {
  zones ??= Intl.supportedValuesOf('timeZone');
  return zones;
};

/** Both are YYYY-MM-DD, so string order is calendar order. */
export const isBefore = (day: string, other: string) => day < other;

/** Days since 1970-01-01 for a YYYY-MM-DD day: a stable integer key for per-day locks. */
export function dayNumber(day: string): number {
  return Math.round(Date.parse(`${day}T00:00:00Z`) / 86_400_000);
}
