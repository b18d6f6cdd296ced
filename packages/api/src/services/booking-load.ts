import { type SQL, sql } from 'drizzle-orm';
import { queryRows, reservations, restaurants } from '@tablebook/db';
import type { DailyLimits } from '../rules/booking.ts';
import { heldFromJson, type HeldTable } from '../rules/table-choice.ts';
import { restaurantLimitOf, storedGlobalLimit } from './daily-limits.ts';
import { pacingLoadFromJson, pacingLoadSql, type PacingLoad, type PacingLoadJson } from './pacing-load.ts';
import type { Queryable } from './transactions.ts';

/** The instants a reservation would hold, as SQL: bound values, or an expression such as a whole local day. */
export interface HeldRange {
  startsAt: SQL;
  endsAt: SQL;
}

export const instantRange = (startsAt: number, endsAt: number): HeldRange => ({
  startsAt: sql`${new Date(startsAt).toISOString()}::timestamptz`,
  endsAt: sql`${new Date(endsAt).toISOString()}::timestamptz`,
});

/** What a booking is decided on, read in one statement under the day locks. */
export interface BookingLoad {
  /** Live reservations of the day, system-wide and at the restaurant (the daily limits). */
  globalCount: number;
  restaurantCount: number;
  /** The limits stored now: the system's, and the restaurant's own or the default. */
  limits: DailyLimits;
  /** The restaurant's live reservations whose range overlaps the one asked for (the table rule). */
  overlapping: HeldTable[];
  /**
   * For a timed booking at a restaurant with pacing: its pacing and the covers starting within three
   * hours either side of the start (the interval's, whatever the clock does around it); else null.
   */
  pacing: PacingLoad | null;
  /** The range asked for, as the database computes it (a whole local day's midnights, say), epoch ms. */
  range: { startsAt: number; endsAt: number };
}

/** Reservations starting this far either side of a start can share its interval, daylight-saving shifts included (the trigger's window). */
const PACING_WINDOW = sql`interval '3 hours'`;

/**
 * Reads the day's counts and the reservations that overlap `range`, leaving out `excludeId` (a
 * reservation being moved). Overlap is the exclusion constraint's own test (`&&` on tstzrange), so
 * what this finds free the constraint accepts. With `pacingStart` (a timed start, epoch ms) it also
 * reads the restaurant's pacing and the covers around that start, in the same statement.
 */
export async function readBookingLoad(
  tx: Queryable,
  target: { restaurantId: string; date: string; range: HeldRange; excludeId?: string | undefined; pacingStart?: number | undefined },
): Promise<BookingLoad> {
  const others = target.excludeId ? sql` and ${reservations.id} <> ${target.excludeId}` : sql``;
  const live = sql`${reservations.status} <> 'cancelled'${others}`;
  const [row] = await queryRows<{
    global_count: number;
    restaurant_count: number;
    global_limit: number;
    restaurant_limit: number;
    overlapping: HeldTable[];
    pacing: PacingLoadJson | null;
    range_starts: number;
    range_ends: number;
  }>(
    tx,
    sql`select (count(*) filter (where ${live}))::int as global_count,
               (count(*) filter (where ${live} and ${reservations.restaurantId} = ${target.restaurantId}))::int as restaurant_count,
               ${storedGlobalLimit} as global_limit,
               ${restaurantLimitOf(target.restaurantId)} as restaurant_limit,
               (select coalesce(json_agg(json_build_object(
                         'table', h.table_label,
                         'startsAt', extract(epoch from h.starts_at) * 1000,
                         'endsAt', extract(epoch from h.ends_at) * 1000) order by h.starts_at), '[]'::json)
                  from ${reservations} h
                 where h.restaurant_id = ${target.restaurantId} and h.status <> 'cancelled'${target.excludeId ? sql` and h.id <> ${target.excludeId}` : sql``}
                   and tstzrange(h.starts_at, h.ends_at) && tstzrange(${target.range.startsAt}, ${target.range.endsAt})) as overlapping,
               ${pacingOf(target)} as pacing,
               (extract(epoch from ${target.range.startsAt}) * 1000)::float8 as range_starts,
               (extract(epoch from ${target.range.endsAt}) * 1000)::float8 as range_ends
          from ${reservations}
         where ${reservations.date} = ${target.date}`,
  );
  if (!row) throw new Error('the booking load query returned no row');
  return {
    globalCount: row.global_count,
    restaurantCount: row.restaurant_count,
    limits: { globalDailyLimit: row.global_limit, restaurantDailyLimit: row.restaurant_limit },
    overlapping: heldFromJson(row.overlapping),
    pacing: pacingLoadFromJson(row.pacing),
    range: { startsAt: row.range_starts, endsAt: row.range_ends },
  };
}

/** The pacing part of the load: nothing for a whole-day booking (whole days are not paced). */
function pacingOf(target: { restaurantId: string; excludeId?: string | undefined; pacingStart?: number | undefined }): SQL {
  if (target.pacingStart === undefined) return sql`null::json`;
  const start = sql`${new Date(target.pacingStart).toISOString()}::timestamptz`;
  const window = { from: sql`${start} - ${PACING_WINDOW}`, to: sql`${start} + ${PACING_WINDOW}` };
  const columns = {
    id: sql`pr.id`,
    timeZone: sql`pr.time_zone`,
    intervalMinutes: sql`pr.pacing_interval_minutes`,
    maxCovers: sql`pr.pacing_max_covers`,
  };
  return sql`(select ${pacingLoadSql(columns, window, target.excludeId)} from ${restaurants} pr where pr.id = ${target.restaurantId})`;
}
