import { paths } from '../../app/paths.ts';

/** The query-string name of a timed booking's start in its cancel link. */
const STARTS = 'starts';
/** An instant as the API writes it, in the restaurant's zone: YYYY-MM-DDTHH:MM:SS±HH:MM. */
const ZONED_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;
/** The ids the API hands out. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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

/**
 * The booking a confirmation's link names, when both ids are well formed: the code is then checked
 * against that booking. Anything else (no link, an id cut short when copied) leaves the code alone
 * to name the booking, rather than a refusal about ids the guest never typed.
 */
export function linkedBookingFrom(params: URLSearchParams): { restaurantId: string; reservationId: string } | undefined {
  const restaurantId = params.get('restaurant')?.trim() ?? '';
  const reservationId = params.get('reservation')?.trim() ?? '';
  return UUID.test(restaurantId) && UUID.test(reservationId) ? { restaurantId, reservationId } : undefined;
}

/** What a confirmation's link hands the cancel page in the tab's history (react-router's location state). */
interface CancelLinkState {
  cancellationCode: string;
}

export const cancelLinkState = (cancellationCode: string): CancelLinkState => ({ cancellationCode });

/** The code a confirmation's link carried, when it did (history state is whatever the tab kept: checked). */
export function linkedCodeFrom(state: unknown): string | undefined {
  const code = (state as Partial<CancelLinkState> | null)?.cancellationCode;
  return typeof code === 'string' && code.trim() !== '' ? code : undefined;
}
