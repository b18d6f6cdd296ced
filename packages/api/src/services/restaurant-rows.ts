import { sql } from 'drizzle-orm';
import { cities, departments, restaurants, restaurantTables } from '@tablebook/db';
import type { RestaurantCalendar } from '../rules/opening-hours.ts';
import { compareLabels, type TableLayoutEntry } from '../rules/tables.ts';
import { sortedReminders, type RestaurantOutput } from '../schemas/restaurant.ts';

/** A restaurant's booking calendar (zone, hours, grid, turns, window): what every reservation writer reads first. */
const bookingCalendarColumns = {
  timeZone: restaurants.timeZone,
  hours: restaurants.hours,
  specialDates: restaurants.specialDates,
  slotMinutes: restaurants.slotMinutes,
  turnTimes: restaurants.turnTimes,
  minAdvanceMinutes: restaurants.minAdvanceMinutes,
  maxAdvanceDays: restaurants.maxAdvanceDays,
};

export const restaurantColumns = {
  id: restaurants.id,
  name: restaurants.name,
  address: restaurants.address,
  description: restaurants.description,
  photoUrl: restaurants.photoUrl,
  cityId: cities.id,
  cityName: cities.name,
  deptName: departments.name,
  ...bookingCalendarColumns,
  dailyLimit: restaurants.dailyLimit,
  pacingIntervalMinutes: restaurants.pacingIntervalMinutes,
  pacingMaxCovers: restaurants.pacingMaxCovers,
  reminders: restaurants.reminders,
};

export const calendarColumns = { name: restaurants.name, ...bookingCalendarColumns };

/** A restaurant's name and booking calendar as raw SQL returns its columns (a statement that reads more than Drizzle builds). */
export interface CalendarSqlRow {
  name: string;
  time_zone: string;
  hours: RestaurantCalendar['hours'];
  special_dates: RestaurantCalendar['specialDates'];
  slot_minutes: number;
  turn_times: RestaurantCalendar['turnTimes'];
  min_advance_minutes: number;
  max_advance_days: number | null;
}

export const calendarOfSqlRow = (row: CalendarSqlRow): RestaurantCalendar => ({
  name: row.name,
  timeZone: row.time_zone,
  hours: row.hours,
  specialDates: row.special_dates,
  slotMinutes: row.slot_minutes,
  turnTimes: row.turn_times,
  minAdvanceMinutes: row.min_advance_minutes,
  maxAdvanceDays: row.max_advance_days,
});

type RestaurantRow = Pick<
  typeof restaurants.$inferSelect,
  | 'id'
  | 'name'
  | 'address'
  | 'description'
  | 'photoUrl'
  | 'timeZone'
  | 'hours'
  | 'specialDates'
  | 'slotMinutes'
  | 'turnTimes'
  | 'minAdvanceMinutes'
  | 'maxAdvanceDays'
  | 'dailyLimit'
  | 'pacingIntervalMinutes'
  | 'pacingMaxCovers'
  | 'reminders'
> & { cityId: number; cityName: string; deptName: string };

export function toOutput(row: RestaurantRow, tables: TableLayoutEntry[]): RestaurantOutput {
  return {
    id: row.id,
    name: row.name,
    address: row.address,
    city: { id: row.cityId, name: row.cityName, deptName: row.deptName },
    photoUrl: row.photoUrl,
    description: row.description,
    tables,
    timeZone: row.timeZone,
    hours: row.hours,
    specialDates: row.specialDates,
    slotMinutes: row.slotMinutes,
    turnTimes: row.turnTimes,
    minAdvanceMinutes: row.minAdvanceMinutes,
    maxAdvanceDays: row.maxAdvanceDays,
    dailyLimit: row.dailyLimit,
    // The database keeps both pacing columns set or both null (restaurants_pacing_valid).
    pacing:
      row.pacingIntervalMinutes === null || row.pacingMaxCovers === null
        ? null
        : { intervalMinutes: row.pacingIntervalMinutes, maxCovers: row.pacingMaxCovers },
    reminders: sortedReminders(row.reminders),
  };
}

/** The pacing columns a write sets: none when `pacing` is not given (kept), both null when it is null (cleared). */
export function pacingColumns(pacing: { intervalMinutes: number; maxCovers: number } | null | undefined) {
  if (pacing === undefined) return {};
  return { pacingIntervalMinutes: pacing?.intervalMinutes ?? null, pacingMaxCovers: pacing?.maxCovers ?? null };
}

/** The reminders column a write sets: none when `reminders` is not given (kept), else the list latest first. */
export function remindersColumn(reminders: readonly number[] | undefined) {
  return reminders === undefined ? {} : { reminders: sortedReminders(reminders) };
}

/** The restaurant's tables as JSON, in the same row: one round trip for a whole page of restaurants. */
export const tablesJson = sql<
  TableLayoutEntry[]
>`(select coalesce(json_agg(json_build_object('label', ${restaurantTables.label}, 'seats', ${restaurantTables.seats})), '[]'::json) from ${restaurantTables} where ${restaurantTables.restaurantId} = ${restaurants.id})`;

export const byLabel = (a: TableLayoutEntry, b: TableLayoutEntry) => compareLabels(a.label, b.label);
