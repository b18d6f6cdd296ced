/** Times of the restaurant's clock written for people, from minutes since the day's midnight (past 1440 after it). */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(locale: string, style: 'time' | 'hour'): Intl.DateTimeFormat {
  const key = `${locale}/${style}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    const options: Intl.DateTimeFormatOptions = style === 'hour' ? { hour: 'numeric' } : { hour: 'numeric', minute: '2-digit' };
    // In UTC, on a fixed day: the printed clock is exactly the one given, whatever the device's zone.
    formatter = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** "7:30 p. m." in es-CO, "7:30 PM" in en-US; `hour` gives the hour alone ("7 p. m."), for the axis. */
export function formatMinutes(minutes: number, locale: string, style: 'time' | 'hour' = 'time'): string {
  const onClock = ((minutes % 1440) + 1440) % 1440;
  // No-break spaces: "8:30 p. m." never breaks across lines.
  return formatterFor(locale, style)
    .format(Date.UTC(2000, 0, 1, Math.floor(onClock / 60), onClock % 60))
    .replace(/\s/g, '\u00a0');
}
