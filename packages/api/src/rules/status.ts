import type { ReservationStatus } from '@tablebook/db/statuses';

/** Every status but `cancelled` holds its table and counts against the day's limits; defined once, in packages/db. */
export { RESERVATION_STATUSES, type ReservationStatus } from '@tablebook/db/statuses';

/**
 * The status machine: confirmed -> seated -> completed; confirmed -> cancelled; confirmed -> no_show.
 * Everything else is final.
 */
const NEXT_STATUSES: Record<ReservationStatus, readonly ReservationStatus[]> = {
  confirmed: ['seated', 'cancelled', 'no_show'],
  seated: ['completed'],
  completed: [],
  cancelled: [],
  no_show: [],
};

export function canChangeStatus(from: ReservationStatus, to: ReservationStatus): boolean {
  return NEXT_STATUSES[from].includes(to);
}

export const allowedNextStatuses = (from: ReservationStatus): readonly ReservationStatus[] => NEXT_STATUSES[from];

/** Only a confirmed reservation can change its day, table or party size. */
export const isMovable = (status: ReservationStatus) => status === 'confirmed';
