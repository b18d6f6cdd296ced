import type { CalendarDay } from '../lib/days.ts';

/** Every address in the app, built in one place so links and routes cannot drift apart. */
export const routePatterns = {
  find: '/',
  day: '/restaurants/:restaurantId/day',
  reservations: '/reservations',
  timeline: '/reservations/timeline',
  manage: '/manage',
  settings: '/settings',
  cancel: '/cancel',
  messages: '/messages',
} as const;

const withQuery = (path: string, query: Record<string, string | undefined>) => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const search = params.toString();
  return search ? `${path}?${search}` : path;
};

export const paths = {
  find: () => routePatterns.find,
  day: (restaurantId: string, date?: CalendarDay) => withQuery(`/restaurants/${encodeURIComponent(restaurantId)}/day`, { date }),
  reservations: (restaurantId?: string, date?: CalendarDay) => withQuery(routePatterns.reservations, { restaurant: restaurantId, date }),
  /** A restaurant's day as a timeline (the restaurant's today when no date is given). */
  timeline: (restaurantId?: string, date?: CalendarDay) => withQuery(routePatterns.timeline, { restaurant: restaurantId, date }),
  manage: () => routePatterns.manage,
  /** The stored daily limits (administration). */
  settings: () => routePatterns.settings,
  /** Outgoing e-mails and webhook deliveries, and the webhook endpoints (administration). */
  messages: (filters: { status?: string; channel?: string } = {}) => withQuery(routePatterns.messages, filters),
  /** Cancel a booking: the ids in the address (from the confirmation), the code typed by the guest. */
  cancel: (restaurantId?: string, reservationId?: string) =>
    withQuery(routePatterns.cancel, { restaurant: restaurantId, reservation: reservationId }),
};
