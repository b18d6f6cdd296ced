import type { ReservationStatus } from './useReservationFilters.ts';

/** What staff can do with a reservation from the list. */
export type ReservationAction = 'seat' | 'complete' | 'noShow' | 'move' | 'cancel';

/**
 * The API's status machine (confirmed -> seated -> completed; confirmed -> cancelled or no_show;
 * only a confirmed reservation moves), as the actions offered for each status. The server checks
 * again and answers ILLEGAL_STATUS_CHANGE or NOT_MOVABLE if the list was out of date.
 */
const ACTIONS: Record<ReservationStatus, readonly ReservationAction[]> = {
  confirmed: ['seat', 'move', 'noShow', 'cancel'],
  seated: ['complete'],
  completed: [],
  cancelled: [],
  no_show: [],
};

export const actionsFor = (status: ReservationStatus): readonly ReservationAction[] => ACTIONS[status];

/** The status an action sets, for the ones that only change the status. */
export const STATUS_OF_ACTION = { seat: 'seated', complete: 'completed', noShow: 'no_show' } as const satisfies Partial<Record<ReservationAction, ReservationStatus>>;
