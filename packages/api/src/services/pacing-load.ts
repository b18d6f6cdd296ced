import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import { reservations } from '@tablebook/db';
import { startsFromJson, type CoversAtStart, type Pacing } from '../rules/pacing.ts';

/** A restaurant's columns as the enclosing query names them (`r.id`, or the table's own columns). */
export interface PacedRestaurantColumns {
  id: SQL | AnyColumn;
  timeZone: SQL | AnyColumn;
  intervalMinutes: SQL | AnyColumn;
  maxCovers: SQL | AnyColumn;
}

/** A restaurant's pacing and the covers its live timed reservations start with, by local minute. */
export interface PacingLoad {
  pacing: Pacing;
  starts: CoversAtStart[];
}

export type PacingLoadJson = Pacing & { starts: { start: string; covers: unknown }[] };

/**
 * The restaurant's pacing with the covers of its live timed reservations starting in [from, to), grouped
 * by local start minute (the local clock, as the trigger compares it), as one JSON value of the
 * enclosing statement; null when the restaurant has no pacing (then nothing is read). Whole-day
 * reservations do not count. `excludeId`: a reservation being moved, left out of the count.
 */
export function pacingLoadSql(
  restaurant: PacedRestaurantColumns,
  window: { from: SQL; to: SQL },
  excludeId?: string | undefined,
): SQL<PacingLoadJson | null> {
  const others = excludeId ? sql` and p.id <> ${excludeId}` : sql``;
  return sql<PacingLoadJson | null>`case when ${restaurant.intervalMinutes} is null then null else json_build_object(
      'intervalMinutes', ${restaurant.intervalMinutes}, 'maxCovers', ${restaurant.maxCovers},
      'starts', (select coalesce(json_agg(json_build_object('start', s.start, 'covers', s.covers)), '[]'::json)
                   from (select to_char(p.starts_at at time zone ${restaurant.timeZone}, 'YYYY-MM-DD HH24:MI') as start,
                                sum(p.party_size)::int as covers
                           from ${reservations} p
                          where p.restaurant_id = ${restaurant.id} and p.status <> 'cancelled' and p.start_time is not null${others}
                            and p.starts_at >= ${window.from} and p.starts_at < ${window.to}
                          group by 1) s)) end`;
}

export const pacingLoadFromJson = (json: PacingLoadJson | null): PacingLoad | null =>
  json === null
    ? null
    : { pacing: { intervalMinutes: json.intervalMinutes, maxCovers: json.maxCovers }, starts: startsFromJson(json.starts) };
