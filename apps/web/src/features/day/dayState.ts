import type { AvailabilityOutput, PublicEventOutput } from '@tablebook/api/shared';

export interface TableSpot {
  label: string;
  seats: number;
}

/** `guest.availability` for one day: remaining capacity, the free tables and the taken ones. */
export type DayAvailability = Extract<AvailabilityOutput, { freeTables: unknown }>;

export const isDayAvailability = (value: AvailabilityOutput | undefined): value is DayAvailability =>
  value !== undefined && 'freeTables' in value;

/** The tables that hold a reservation that day (on a full day the others are closed, not taken). */
export const takenLabels = (availability: DayAvailability): Set<string> => new Set(availability.takenTables);

/**
 * The day's availability after a live event: the event carries the day's capacity and taken tables
 * (a move also the day it left), so the map is redrawn from it without asking the server again.
 */
export function applyPublicEvent(
  current: DayAvailability | undefined,
  event: PublicEventOutput,
  tables: readonly TableSpot[],
  date: string,
): DayAvailability | undefined {
  const state =
    event.date === date
      ? { capacity: event.capacity, takenTables: event.takenTables }
      : event.previous?.capacity.date === date
        ? event.previous
        : undefined;
  if (!state) return current;
  const taken = new Set(state.takenTables);
  return {
    date,
    restaurantRemaining: state.capacity.restaurantRemaining,
    globalRemaining: state.capacity.globalRemaining,
    freeTables: tables.filter((table) => !taken.has(table.label)),
    takenTables: state.takenTables,
  };
}

export type DayFullness = 'open' | 'restaurantFull' | 'systemFull';

/** Whether the day takes any more bookings, and if not whose limit is reached (the system's first, as the server checks). */
export function fullnessOf(capacity: { restaurantRemaining: number; globalRemaining: number }): DayFullness {
  if (capacity.globalRemaining <= 0) return 'systemFull';
  if (capacity.restaurantRemaining <= 0) return 'restaurantFull';
  return 'open';
}
