/**
 * The local clock time of an API instant ("2027-03-14T19:30:00-05:00", always in the restaurant's own
 * zone, so its text is already local), marked "(+1)" when it falls after `day`: a turn that ends after
 * midnight, or a 00:30 slot of a range that opened the evening before.
 */
export function clockOn(instant: string, day: string): string {
  const clock = instant.slice(11, 16);
  return instant.slice(0, 10) > day ? `${clock} (+1)` : clock;
}

/** "19:30-21:30" for a reservation at a time; undefined for a whole-day one. */
export function timeRangeOf(reservation: { date: string; time: string | null; endsAt: string }): string | undefined {
  return reservation.time === null ? undefined : `${reservation.time}-${clockOn(reservation.endsAt, reservation.date)}`;
}
