/**
 * A span of minutes as people say it, in the page's language (Intl's unit names): "24 hours",
 * "2 horas", "1 hour, 30 minutes", "3 days". Whole days only from two days up, so the usual reminder
 * reads "24 hours" as restaurants say it; what is not whole hours keeps its minutes.
 */
export function formatDuration(minutes: number, locale: string): string {
  const unit = (value: number, name: 'day' | 'hour' | 'minute') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'long' }).format(value);
  if (!Number.isFinite(minutes) || minutes < 0) return String(minutes);
  if (minutes >= 2 * 1440 && minutes % 1440 === 0) return unit(minutes / 1440, 'day');
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return unit(rest, 'minute');
  if (rest === 0) return unit(hours, 'hour');
  return new Intl.ListFormat(locale, { type: 'unit', style: 'long' }).format([unit(hours, 'hour'), unit(rest, 'minute')]);
}

/** Several spans, longest first, as one list: "24 hours and 2 hours", "24 horas y 2 horas". */
export function formatDurations(minutes: readonly number[], locale: string): string {
  const sorted = [...minutes].sort((a, b) => b - a);
  return new Intl.ListFormat(locale, { type: 'conjunction', style: 'long' }).format(sorted.map((value) => formatDuration(value, locale)));
}
