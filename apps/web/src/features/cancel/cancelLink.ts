import { paths } from '../../app/paths.ts';

/** The query-string name of a timed booking's start in its cancel link. */
const STARTS = 'starts';
/** An instant as the API writes it, in the restaurant's zone: YYYY-MM-DDTHH:MM:SS±HH:MM. */
const ZONED_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

/**
 * The cancel page for a booking by time, from its confirmation: the ids, and its start, so the
 * page can say which time was cancelled (the cancellation's answer gives the table and day only).
 */
export function cancelLinkFor(booking: { restaurantId: string; id: string; startsAt: string }): string {
  const base = paths.cancel(booking.restaurantId, booking.id);
  return `${base}${base.includes('?') ? '&' : '?'}${new URLSearchParams({ [STARTS]: booking.startsAt })}`;
}

/** The start a confirmation's link carried, when well formed. */
export function linkedStartFrom(params: URLSearchParams): string | undefined {
  const starts = params.get(STARTS) ?? '';
  return ZONED_INSTANT.test(starts) ? starts : undefined;
}
