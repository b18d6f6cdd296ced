import { sql } from 'drizzle-orm';
import { queryRows, reservations, restaurants, restaurantTables, type Database } from '@tablebook/db';
import { restaurantLimitFrom, storedGlobalLimit } from './daily-limits.ts';
import { notFound } from '../errors.ts';
import { remainingCapacity } from '../rules/booking.ts';
import { daySlots, type Slot } from '../rules/slots.ts';
import { heldFromJson, type HeldTable } from '../rules/table-choice.ts';
import type { TableLayoutEntry } from '../rules/tables.ts';
import { formatZoned } from '../rules/zoned-time.ts';
import { pacingLoadFromJson, pacingLoadSql, type PacingLoadJson } from './pacing-load.ts';
import { calendarOfSqlRow, type CalendarSqlRow } from './restaurant-rows.ts';
import { DEFAULT_PARTY_SIZE, type SlotOutput, type SlotsOutput } from '../schemas/reservation.ts';

export const toSlotOutput = (slot: Slot, timeZone: string): SlotOutput => ({
  time: slot.time,
  startsAt: formatZoned(slot.startsAt, timeZone),
  endsAt: formatZoned(slot.endsAt, timeZone),
  freeTables: slot.freeTables,
  bookable: slot.reason === null,
  ...(slot.reason ? { reason: slot.reason } : {}),
});

interface SlotsRow extends CalendarSqlRow {
  tables: TableLayoutEntry[];
  held: HeldTable[];
  global_count: number;
  restaurant_count: number;
  global_limit: number;
  restaurant_limit: number;
  pacing: PacingLoadJson | null;
}

/**
 * Every slot of a day for a party, from one statement: the restaurant's calendar, its tables, its
 * live reservations that could overlap the day's slots (from the day's local midnight to three days
 * on: a range may close past midnight and a turn lasts at most 12 hours), the day's counts, and its
 * pacing with the covers starting in that span.
 */
export async function slotsOfDay(
  db: Database,
  now: Date,
  input: { restaurantId: string; date: string; partySize?: number | undefined },
): Promise<SlotsOutput> {
  const dayStart = sql`(${input.date}::date)::timestamp at time zone r.time_zone`;
  const dayEnd = sql`(${input.date}::date + 3)::timestamp at time zone r.time_zone`;
  const pacing = pacingLoadSql(
    { id: sql`r.id`, timeZone: sql`r.time_zone`, intervalMinutes: sql`r.pacing_interval_minutes`, maxCovers: sql`r.pacing_max_covers` },
    { from: dayStart, to: dayEnd },
  );
  const [row] = await queryRows<SlotsRow>(
    db,
    sql`select r.name, r.time_zone, r.hours, r.special_dates, r.slot_minutes, r.turn_times, r.min_advance_minutes, r.max_advance_days,
               (select coalesce(json_agg(json_build_object('label', t.label, 'seats', t.seats)), '[]'::json)
                  from ${restaurantTables} t where t.restaurant_id = r.id) as tables,
               (select coalesce(json_agg(json_build_object('table', h.table_label,
                         'startsAt', extract(epoch from h.starts_at) * 1000, 'endsAt', extract(epoch from h.ends_at) * 1000)), '[]'::json)
                  from ${reservations} h
                 where h.restaurant_id = r.id and h.status <> 'cancelled'
                   and tstzrange(h.starts_at, h.ends_at) && tstzrange(${dayStart}, ${dayEnd})) as held,
               (select count(*) from ${reservations} d where d.date = ${input.date} and d.status <> 'cancelled')::int as global_count,
               (select count(*) from ${reservations} d where d.date = ${input.date} and d.status <> 'cancelled' and d.restaurant_id = r.id)::int as restaurant_count,
               ${storedGlobalLimit} as global_limit, ${restaurantLimitFrom(sql`r.daily_limit`)} as restaurant_limit,
               ${pacing} as pacing
          from ${restaurants} r
         where r.id = ${input.restaurantId}`,
  );
  if (!row) throw notFound(`Restaurant ${input.restaurantId} does not exist`, 'restaurant');
  const calendar = calendarOfSqlRow(row);
  const occupancy = {
    tables: row.tables,
    held: heldFromJson(row.held),
    capacity: remainingCapacity(
      { globalCount: row.global_count, restaurantCount: row.restaurant_count },
      { globalDailyLimit: row.global_limit, restaurantDailyLimit: row.restaurant_limit },
    ),
    pacing: pacingLoadFromJson(row.pacing),
  };
  const slots = daySlots(input.date, input.partySize ?? DEFAULT_PARTY_SIZE, calendar, occupancy, now.getTime());
  return { date: input.date, timeZone: calendar.timeZone, slots: slots.map((slot) => toSlotOutput(slot, calendar.timeZone)) };
}
