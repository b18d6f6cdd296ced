const DAY_MS = 86_400_000;

/** Days from `day` to `other`, both YYYY-MM-DD. */
const daysBetween = (day: string, other: string) =>
  Math.round((Date.parse(`${other}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / DAY_MS);

/**
 * The local clock time of an API instant ("2027-03-14T19:30:00-05:00", always in the restaurant's own
 * zone, so its text is already local), marked "(+1)" when it falls on the day after `day` (the
 * reservation's or slot's date): a turn that ends after midnight, or a 01:00 start in a range that
 * opened the evening before. Every clock carries its own mark, so a range reads "23:00-01:00 (+1)" or
 * "01:00 (+1)-02:30 (+1)".
 */
export function clockOn(instant: string, day: string): string {
  const clock = instant.slice(11, 16);
  const later = daysBetween(day, instant.slice(0, 10));
  return later > 0 ? `${clock} (+${later})` : clock;
}

/** "19:30-21:30" for a reservation at a time, each end marked when it falls after its date; undefined for a whole-day one. */
export function timeRangeOf(reservation: { date: string; time: string | null; startsAt: string; endsAt: string }): string | undefined {
  if (reservation.time === null) return undefined;
  return `${clockOn(reservation.startsAt, reservation.date)}-${clockOn(reservation.endsAt, reservation.date)}`;
}
