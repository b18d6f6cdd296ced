import { allowedNextStatuses, isMovable, type ReservationStatus } from '@tablebook/api/shared';

/** What staff can do with a reservation from the list. */
export type ReservationAction = 'seat' | 'complete' | 'noShow' | 'move' | 'cancel';

/** The status an action sets, for the ones that only change the status. */
export const STATUS_OF_ACTION = { seat: 'seated', complete: 'completed', noShow: 'no_show' } as const satisfies Partial<
  Record<ReservationAction, ReservationStatus>
>;

/** Every action in the order the list offers them; each is offered when the API's status machine allows it. */
const OFFERED: readonly { action: ReservationAction; allowed: (status: ReservationStatus) => boolean }[] = [
  { action: 'seat', allowed: (status) => allowedNextStatuses(status).includes(STATUS_OF_ACTION.seat) },
  { action: 'complete', allowed: (status) => allowedNextStatuses(status).includes(STATUS_OF_ACTION.complete) },
  { action: 'move', allowed: isMovable },
  { action: 'noShow', allowed: (status) => allowedNextStatuses(status).includes(STATUS_OF_ACTION.noShow) },
  { action: 'cancel', allowed: (status) => allowedNextStatuses(status).includes('cancelled') },
];

/**
 * The actions offered for a status, from the API's own status machine (confirmed -> seated -> completed;
 * confirmed -> cancelled or no_show; only a confirmed reservation moves). The server checks again and
 * answers ILLEGAL_STATUS_CHANGE or NOT_MOVABLE if the list was out of date.
 */
export const actionsFor = (status: ReservationStatus): readonly ReservationAction[] =>
  OFFERED.filter((offer) => offer.allowed(status)).map((offer) => offer.action);
