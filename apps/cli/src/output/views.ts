import type { City, Reservation, Restaurant, RouterOutputs } from '@tablebook/client';
import { formatHours } from '../args/hours.ts';
import { formatDailyLimit, formatPacing } from '../args/pacing.ts';
import { formatReminders } from '../args/reminders.ts';
import { formatSpecialDates } from '../args/special-dates.ts';
import { formatTables } from '../args/tables.ts';
import { formatTurnTimes } from '../args/turn-times.ts';
import { clockOn, timeRangeOf } from './local-times.ts';
import type { Column } from './table.ts';

/** A "label  value" block's fields: the columns' headers in lower case. */
const asFields = <T>(columns: readonly Column<T>[]): Column<T>[] =>
  columns.map((column) => ({ ...column, header: column.header.toLowerCase() }));

/** "Armenia, Quindío": a city name alone can be ambiguous. */
export const cityLabel = (city: Pick<City, 'name' | 'deptName'>) => `${city.name}, ${city.deptName}`;

export const cityColumns: readonly Column<City>[] = [
  { header: 'ID', value: (city) => city.id, align: 'right' },
  { header: 'CITY', value: (city) => city.name },
  { header: 'DEPARTMENT', value: (city) => city.deptName },
];

const restaurantIdentity: readonly Column<Restaurant>[] = [
  { header: 'ID', value: (restaurant) => restaurant.id },
  { header: 'NAME', value: (restaurant) => restaurant.name },
  { header: 'CITY', value: (restaurant) => cityLabel(restaurant.city) },
  { header: 'ADDRESS', value: (restaurant) => restaurant.address },
];

const restaurantListColumns: readonly Column<Restaurant>[] = [
  ...restaurantIdentity,
  { header: 'TABLES', value: (restaurant) => restaurant.tables.length, align: 'right' },
];

/** The list's columns; with a day asked for, what each restaurant and the whole system can still take. */
export function restaurantColumns(withCapacity: boolean): readonly Column<Restaurant>[] {
  if (!withCapacity) return restaurantListColumns;
  return [
    ...restaurantListColumns,
    { header: 'FREE', value: (restaurant) => restaurant.restaurantRemaining, align: 'right' },
    { header: 'SYSTEM FREE', value: (restaurant) => restaurant.globalRemaining, align: 'right' },
  ];
}

/** A single restaurant, as "label  value" lines. */
export const restaurantFields: readonly Column<Restaurant>[] = asFields([
  ...restaurantIdentity,
  { header: 'DESCRIPTION', value: (restaurant) => restaurant.description },
  { header: 'PHOTO URL', value: (restaurant) => restaurant.photoUrl },
  // In the notation --tables takes: "A0:4,A1:2".
  { header: 'TABLES', value: (restaurant) => formatTables(restaurant.tables) },
  // The time-of-day settings, each labelled as its flag and written as the flag takes it.
  { header: 'TIME ZONE', value: (restaurant) => restaurant.timeZone },
  { header: 'HOURS', value: (restaurant) => (restaurant.hours.length === 0 ? 'none (books whole days)' : formatHours(restaurant.hours)) },
  { header: 'SPECIAL DATES', value: (restaurant) => formatSpecialDates(restaurant.specialDates) },
  { header: 'SLOT MINUTES', value: (restaurant) => restaurant.slotMinutes },
  { header: 'TURN TIMES', value: (restaurant) => formatTurnTimes(restaurant.turnTimes) },
  { header: 'MIN ADVANCE MINUTES', value: (restaurant) => restaurant.minAdvanceMinutes },
  { header: 'MAX ADVANCE DAYS', value: (restaurant) => restaurant.maxAdvanceDays ?? 'none' },
  // Its own limits, as --daily-limit and --pacing take them.
  { header: 'DAILY LIMIT', value: (restaurant) => formatDailyLimit(restaurant.dailyLimit) },
  { header: 'PACING', value: (restaurant) => formatPacing(restaurant.pacing) },
  // As --reminders takes them: minutes before a timed booking's start.
  { header: 'REMINDERS', value: (restaurant) => formatReminders(restaurant.reminders) },
]);

const reservationDate: Column<Reservation> = { header: 'DATE', value: (reservation) => reservation.date };
const reservationDetails: readonly Column<Reservation>[] = [
  { header: 'TABLE', value: (reservation) => reservation.table },
  { header: 'PARTY', value: (reservation) => reservation.partySize, align: 'right' },
  { header: 'STATUS', value: (reservation) => reservation.status },
  { header: 'GUEST', value: (reservation) => reservation.guestName ?? '' },
  { header: 'ID', value: (reservation) => reservation.id },
  { header: 'BOOKED AT', value: (reservation) => reservation.createdAt },
];

/**
 * The list's columns; with a TIME after the date ("19:30-21:30", empty for a whole day) when any of the
 * reservations is at a time, so a restaurant that books whole days lists them exactly as before.
 */
export function reservationColumns(reservations: readonly Reservation[]): readonly Column<Reservation>[] {
  if (reservations.every((reservation) => reservation.time === null)) return [reservationDate, ...reservationDetails];
  return [reservationDate, { header: 'TIME', value: timeRangeOf }, ...reservationDetails];
}

/** One reservation, every field. */
export const reservationFields: readonly Column<Reservation>[] = asFields([
  { header: 'ID', value: (reservation) => reservation.id },
  { header: 'DATE', value: (reservation) => reservation.date },
  { header: 'TIME', value: (reservation) => timeRangeOf(reservation) ?? 'the whole day' },
  { header: 'TABLE', value: (reservation) => reservation.table },
  { header: 'PARTY SIZE', value: (reservation) => reservation.partySize },
  { header: 'STATUS', value: (reservation) => reservation.status },
  { header: 'GUEST', value: (reservation) => reservation.guestName ?? '' },
  { header: 'PHONE', value: (reservation) => reservation.guestPhone ?? '' },
  { header: 'EMAIL', value: (reservation) => reservation.guestEmail ?? '' },
  { header: 'NOTES', value: (reservation) => reservation.notes ?? '' },
  { header: 'CANCEL REASON', value: (reservation) => reservation.cancelReason ?? '' },
  { header: 'BOOKED AT', value: (reservation) => reservation.createdAt },
  { header: 'UPDATED AT', value: (reservation) => reservation.updatedAt },
  // The instants the table is held, with the restaurant's offset: a whole day is midnight to midnight.
  { header: 'STARTS AT', value: (reservation) => reservation.startsAt },
  { header: 'ENDS AT', value: (reservation) => reservation.endsAt },
]);

type Availability = RouterOutputs['reservation']['availability'];
export type DayAvailability = Extract<Availability, { freeTables: unknown }>;
export type DayCapacity = Extract<Availability, { days: unknown }>['days'][number];

/** One day: what the restaurant and the system can still take, and the tables still free. */
export const dayAvailabilityFields: readonly Column<DayAvailability>[] = asFields([
  { header: 'FREE', value: (day) => day.restaurantRemaining },
  { header: 'SYSTEM FREE', value: (day) => day.globalRemaining },
  { header: 'FREE TABLES', value: (day) => (day.freeTables.length === 0 ? 'none' : formatTables(day.freeTables)) },
]);

/** A range of days, a line each. */
export const dayCapacityColumns: readonly Column<DayCapacity>[] = [
  { header: 'DATE', value: (day) => day.date },
  { header: 'FREE', value: (day) => day.restaurantRemaining, align: 'right' },
  { header: 'SYSTEM FREE', value: (day) => day.globalRemaining, align: 'right' },
];

type Slot = RouterOutputs['reservation']['slots']['slots'][number];

/** A day's slots, a line each: when the turn would start and end, the tables free for all of it, and whether it can be booked. */
export function slotColumns(day: string): readonly Column<Slot>[] {
  return [
    { header: 'TIME', value: (slot) => clockOn(slot.startsAt, day) },
    { header: 'UNTIL', value: (slot) => clockOn(slot.endsAt, day) },
    { header: 'FREE', value: (slot) => slot.freeTables.length, align: 'right' },
    { header: 'FREE TABLES', value: (slot) => (slot.freeTables.length === 0 ? 'none' : slot.freeTables.join(',')) },
    { header: 'BOOKABLE', value: (slot) => (slot.bookable ? 'yes' : `no: ${slot.reason ?? 'refused'}`) },
  ];
}

export const restaurantSummary = (restaurant: Pick<Restaurant, 'id' | 'name'>) => `"${restaurant.name}" (${restaurant.id})`;
