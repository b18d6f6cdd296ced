import { type SQL, sql } from 'drizzle-orm';
import { queryRows, reservations } from '@tablebook/db';
import type { DailyLimits } from '../rules/booking.ts';
import { heldFromJson, type HeldTable } from '../rules/table-choice.ts';
import { restaurantLimitOf, storedGlobalLimit } from './daily-limits.ts';
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
}

/**
 * Reads the day's counts and the reservations that overlap `range`, leaving out `excludeId` (a
 * reservation being moved). Overlap is the exclusion constraint's own test (`&&` on tstzrange), so
 * what this finds free the constraint accepts.
 */
export async function readBookingLoad(
  tx: Queryable,
  target: { restaurantId: string; date: string; range: HeldRange; excludeId?: string | undefined },
): Promise<BookingLoad> {
  const others = target.excludeId ? sql` and ${reservations.id} <> ${target.excludeId}` : sql``;
  const live = sql`${reservations.status} <> 'cancelled'${others}`;
  const [row] = await queryRows<{
    global_count: number;
    restaurant_count: number;
    global_limit: number;
    restaurant_limit: number;
    overlapping: HeldTable[];
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
                   and tstzrange(h.starts_at, h.ends_at) && tstzrange(${target.range.startsAt}, ${target.range.endsAt})) as overlapping
          from ${reservations}
         where ${reservations.date} = ${target.date}`,
  );
  if (!row) throw new Error('the booking load query returned no row');
  return {
    globalCount: row.global_count,
    restaurantCount: row.restaurant_count,
    limits: { globalDailyLimit: row.global_limit, restaurantDailyLimit: row.restaurant_limit },
    overlapping: heldFromJson(row.overlapping),
  };
}
