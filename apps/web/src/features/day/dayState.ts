import type { AvailabilityOutput, PublicEventOutput } from '@tablebook/api/shared';

export interface TableSpot {
  label: string;
  seats: number;
}

/**
 * `guest.availability` for one day: remaining capacity and the free tables. A full day lists no
 * free tables at all, so which ones are really taken is known only from a live event (`takenTables`).
 */
export type DayAvailability = Extract<AvailabilityOutput, { freeTables: unknown }> & { takenTables?: string[] };

export const isDayAvailability = (value: AvailabilityOutput | undefined): value is DayAvailability =>
  value !== undefined && 'freeTables' in value;

/**
 * The tables of the layout that are taken that day. On a full day the server lists no free tables,
 * so unless an event said which are taken, none is marked taken (the map shows them all as full).
 */
export function takenLabels(tables: readonly TableSpot[], availability: DayAvailability): Set<string> {
  if (availability.takenTables) return new Set(availability.takenTables);
  if (fullnessOf(availability) !== 'open') return new Set();
  const free = new Set(availability.freeTables.map((table) => table.label));
  return new Set(tables.map((table) => table.label).filter((label) => !free.has(label)));
}

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
