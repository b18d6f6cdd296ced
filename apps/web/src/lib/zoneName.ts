/**
 * A time zone named for people in `locale`, as Intl's long generic name has it: "Colombia Standard
 * Time" / "hora estándar de Colombia" for America/Bogota, "Eastern Time" / "hora oriental" for
 * America/New_York (the same name all year, not the summer one). The IANA id is for tools, not
 * readers ("America/Bogota" has no accent, and says a continent). When Intl cannot name the zone
 * (an id this browser does not know), the id is given with spaces for its underscores.
 */
export function zoneName(timeZone: string, locale: string, at: Date = new Date()): string {
  try {
    const parts = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'longGeneric' }).formatToParts(at);
    const name = parts.find((part) => part.type === 'timeZoneName')?.value;
    if (name) return name;
  } catch {
    // An unknown zone: RangeError. Fall through to the id.
  }
  return timeZone.replaceAll('_', ' ');
}
