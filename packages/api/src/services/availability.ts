import { and, asc, eq, ne, notInArray, sql } from 'drizzle-orm';
import { reservations, restaurantTables, queryRows, type Database } from '@tablebook/db';
import { bookableCount, remainingCapacity, type RemainingCapacity } from '../rules/booking.ts';
import { compareLabels, type TableLayoutEntry } from '../rules/tables.ts';
import { readDailyLimits, restaurantLimitOf, storedGlobalLimit } from './daily-limits.ts';
import { requireRestaurant } from './restaurant-ref.ts';

export interface DayAvailability extends RemainingCapacity {
  date: string;
  /** Tables that can be booked now: untaken, and only while both limits leave room. */
  freeTables: TableLayoutEntry[];
  /** Labels that hold a live reservation that day (a floor map tells taken from merely closed). */
  takenTables: string[];
}

async function dayAvailability(db: Database, restaurantId: string, date: string): Promise<DayAvailability> {
  await requireRestaurant(db, restaurantId);
  const [counts] = await db
    .select({
      globalCount: sql<number>`count(*)::int`,
      restaurantCount: sql<number>`(count(*) filter (where ${reservations.restaurantId} = ${restaurantId}))::int`,
      globalDailyLimit: storedGlobalLimit,
      restaurantDailyLimit: restaurantLimitOf(restaurantId),
    })
    .from(reservations)
    .where(and(eq(reservations.date, date), ne(reservations.status, 'cancelled')));
  if (!counts) throw new Error('the day counts query returned no row');
  const capacity = remainingCapacity(counts, counts);
  const taken = db
    .selectDistinct({ label: reservations.tableLabel })
    .from(reservations)
    .where(and(eq(reservations.restaurantId, restaurantId), eq(reservations.date, date), ne(reservations.status, 'cancelled')));
  const free =
    bookableCount(capacity) === 0
      ? []
      : await db
          .select({ label: restaurantTables.label, seats: restaurantTables.seats })
          .from(restaurantTables)
          .where(and(eq(restaurantTables.restaurantId, restaurantId), notInArray(restaurantTables.label, taken)))
          .orderBy(asc(restaurantTables.label));
  const takenTables = (await taken).map((row) => row.label).sort(compareLabels);
  return { date, ...capacity, freeTables: free.sort((a, b) => compareLabels(a.label, b.label)), takenTables };
}

export interface CalendarDay extends RemainingCapacity {
  date: string;
}

/** Remaining capacity for every day of a range, in one query however long the range. */
async function rangeAvailability(db: Database, restaurantId: string, from: string, to: string): Promise<{ days: CalendarDay[] }> {
  await requireRestaurant(db, restaurantId);
  const limits = await readDailyLimits(db, restaurantId);
  const rows = await queryRows<{ date: string; restaurant_count: number; global_count: number }>(
    db,
    sql`select to_char(day, 'YYYY-MM-DD') as date,
               (count(r.id) filter (where r.restaurant_id = ${restaurantId}))::int as restaurant_count,
               count(r.id)::int as global_count
        from generate_series(${from}::date, ${to}::date, interval '1 day') as day
        left join ${reservations} r on r.date = day::date and r.status <> 'cancelled'
        group by day
        order by day`,
  );
  return {
    days: rows.map((row) => ({
      date: row.date,
      ...remainingCapacity({ restaurantCount: row.restaurant_count, globalCount: row.global_count }, limits),
    })),
  };
}

/** The single-day form (`date`) or the range form (`from`, `to`) of an availability request. */
export function availability(
  db: Database,
  input: { restaurantId: string; date?: string | undefined; from?: string | undefined; to?: string | undefined },
) {
  return input.date !== undefined
    ? dayAvailability(db, input.restaurantId, input.date)
    : rangeAvailability(db, input.restaurantId, input.from!, input.to!);
}
