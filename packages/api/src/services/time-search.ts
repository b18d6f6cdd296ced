import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { cities, departments, reservations, restaurants, type Database } from '@tablebook/db';
import { remainingCapacity, type DailyLimits } from '../rules/booking.ts';
import { restaurantLimitFrom, storedGlobalLimit } from './daily-limits.ts';
import { daySlots, nearestBookable } from '../rules/slots.ts';
import { heldFromJson, type HeldTable } from '../rules/table-choice.ts';
import { parseClock } from '../rules/zoned-time.ts';
import { placeTime } from '../rules/opening-hours.ts';
import { DEFAULT_PARTY_SIZE } from '../schemas/reservation.ts';
import { DEFAULT_SEARCH_WINDOW, MAX_PAGE_SIZE, type RestaurantOutput } from '../schemas/restaurant.ts';
import { byLabel, restaurantColumns, tablesJson, toOutput } from './restaurant-rows.ts';
import { toSlotOutput } from './slots.ts';
import { escapeLike } from './sql.ts';
import { pacingLoadFromJson, pacingLoadSql } from './pacing-load.ts';

export interface TimeSearch {
  date: string;
  time: string;
  partySize?: number | undefined;
  window?: number | undefined;
  startWith?: string | undefined;
  cityId?: number | undefined;
  minAvailable?: number | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

/**
 * Restaurants with a bookable slot within `window` minutes of `time` on `date`, each with its nearest
 * slots, from one statement: every restaurant with hours that matches the filters, its tables, its
 * live reservations around that day, the day's counts and its pacing with the covers starting around
 * that day. The slots are computed by the same rules as /slots; paging applies to the restaurants kept.
 */
export async function searchByTime(db: Database, now: Date, query: TimeSearch): Promise<RestaurantOutput[]> {
  const { date } = query;
  const filters: SQL[] = [sql`jsonb_array_length(${restaurants.hours}) > 0`];
  if (query.startWith) filters.push(sql`lower(${restaurants.name}) like lower(${`${escapeLike(query.startWith)}%`})`);
  if (query.cityId) filters.push(eq(restaurants.cityId, query.cityId));
  const dayStart = sql`(${date}::date)::timestamp at time zone ${restaurants.timeZone}`;
  const dayEnd = sql`(${date}::date + 3)::timestamp at time zone ${restaurants.timeZone}`;
  const held = sql<HeldTable[]>`(select coalesce(json_agg(json_build_object('table', h.table_label,
      'startsAt', extract(epoch from h.starts_at) * 1000, 'endsAt', extract(epoch from h.ends_at) * 1000)), '[]'::json)
    from ${reservations} h
    where h.restaurant_id = ${restaurants.id} and h.status <> 'cancelled' and tstzrange(h.starts_at, h.ends_at) && tstzrange(${dayStart}, ${dayEnd}))`;
  const pacing = pacingLoadSql(
    {
      id: restaurants.id,
      timeZone: restaurants.timeZone,
      intervalMinutes: restaurants.pacingIntervalMinutes,
      maxCovers: restaurants.pacingMaxCovers,
    },
    { from: dayStart, to: dayEnd },
  );
  const booked = sql<number>`(select count(*) from ${reservations} d where d.restaurant_id = ${restaurants.id} and d.date = ${date} and d.status <> 'cancelled')::int`;
  const globalCount = sql<number>`(select count(*) from ${reservations} g where g.date = ${date} and g.status <> 'cancelled')::int`;
  const rows = await db
    .select({
      ...restaurantColumns,
      tables: tablesJson,
      held,
      pacing,
      booked,
      globalCount,
      limits: sql<DailyLimits>`json_build_object('globalDailyLimit', ${storedGlobalLimit}, 'restaurantDailyLimit', ${restaurantLimitFrom(restaurants.dailyLimit)})`,
    })
    .from(restaurants)
    .innerJoin(cities, eq(cities.id, restaurants.cityId))
    .innerJoin(departments, eq(departments.id, cities.departmentId))
    .where(and(...filters))
    .orderBy(asc(restaurants.name), asc(restaurants.id));

  const partySize = query.partySize ?? DEFAULT_PARTY_SIZE;
  const clock = parseClock(query.time) ?? 0;
  const window = query.window ?? DEFAULT_SEARCH_WINDOW;
  const found: RestaurantOutput[] = [];
  for (const row of rows) {
    const capacity = remainingCapacity({ restaurantCount: row.booked, globalCount: row.globalCount }, row.limits);
    if (query.minAvailable !== undefined && Math.min(capacity.restaurantRemaining, capacity.globalRemaining) < query.minAvailable) continue;
    const occupancy = {
      tables: row.tables,
      held: heldFromJson(row.held),
      capacity,
      pacing: pacingLoadFromJson(row.pacing),
    };
    const slots = daySlots(date, partySize, { ...row, name: row.name }, occupancy, now.getTime());
    // A time inside the date's range past midnight (00:30 in Friday's 18:00-02:00) is that night's, as a booking reads it.
    const placement = placeTime(date, query.time, row);
    const nearest = nearestBookable(slots, date, placement.kind === 'open' ? placement.start : clock, window, row.timeZone);
    if (nearest.length === 0) continue;
    found.push({
      ...toOutput(row, row.tables.sort(byLabel)),
      ...capacity,
      slots: nearest.map((slot) => toSlotOutput(slot, row.timeZone)),
    });
  }
  const offset = query.offset ?? 0;
  return found.slice(offset, offset + (query.limit ?? MAX_PAGE_SIZE));
}
