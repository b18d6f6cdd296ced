// Issue 15's storms, the parts that read the database afterwards: every booking rule checked by SQL
// written here, independently of the product's own statements and trigger, the deadlock counter, and
// the tally of answers the figures print.
import { type Database, queryRows } from '@tablebook/db';
import { sql } from 'drizzle-orm';

export interface StoredLimits {
  globalDailyLimit: number;
  restaurantDailyLimit: number;
}

export const storedLimits = async (db: Database): Promise<StoredLimits> => {
  const [row] = await queryRows<StoredLimits>(
    db,
    sql`select global_daily_limit as "globalDailyLimit", restaurant_daily_limit as "restaurantDailyLimit" from settings where id = 1`,
  );
  if (!row) throw new Error('no settings row');
  return row;
};

/** What breaks a rule in the whole database now, by rule; every list empty when all hold. */
export interface RuleBreaks {
  /** Two live reservations of one table whose ranges overlap. */
  overlaps: { restaurantId: string; table: string; first: string; second: string }[];
  /** Days with more live reservations than the stored global limit. */
  globalDays: { date: string; count: number; limit: number }[];
  /** A restaurant's days with more than its own limit, or the stored default. */
  restaurantDays: { restaurantId: string; date: string; count: number; limit: number }[];
  /** Pacing intervals (on the local clock, from local midnight) with more covers starting than allowed. */
  pacingIntervals: { restaurantId: string; interval: string; covers: number; maxCovers: number }[];
}

/**
 * Checks the table rule and pacing everywhere, and the daily limits on `dates` against the limits stored
 * now (a limit lowered since a day filled cancels nothing, so an older day may rightly be over it), or
 * against `limits` when given (a storm that lowered a limit while booking: the larger value was in force).
 */
export async function ruleBreaks(db: Database, dates: readonly string[], limits?: StoredLimits): Promise<RuleBreaks> {
  const globalLimit = sql`coalesce(${limits?.globalDailyLimit ?? null}::int, s.global_daily_limit)`;
  const restaurantDefault = sql`coalesce(${limits?.restaurantDailyLimit ?? null}::int, s.restaurant_daily_limit)`;
  const onDates = (column: string) => sql`${sql.raw(column)}::text in (select jsonb_array_elements_text(${JSON.stringify(dates)}::jsonb))`;
  const [overlaps, globalDays, restaurantDays, pacingIntervals] = await Promise.all([
    queryRows<RuleBreaks['overlaps'][number]>(
      db,
      sql`select a.restaurant_id as "restaurantId", a.table_label as "table", a.id as first, b.id as second
            from reservations a join reservations b
              on a.restaurant_id = b.restaurant_id and a.table_label = b.table_label and a.id < b.id
           where a.status <> 'cancelled' and b.status <> 'cancelled'
             and a.starts_at < b.ends_at and b.starts_at < a.ends_at`,
    ),
    queryRows<RuleBreaks['globalDays'][number]>(
      db,
      sql`select date::text as date, count(*)::int as count, ${globalLimit} as "limit"
            from reservations, settings s
           where s.id = 1 and status <> 'cancelled' and ${onDates('date')}
           group by date, s.global_daily_limit having count(*) > ${globalLimit}`,
    ),
    queryRows<RuleBreaks['restaurantDays'][number]>(
      db,
      sql`select v.restaurant_id as "restaurantId", v.date::text as date, count(*)::int as count,
                 coalesce(r.daily_limit, ${restaurantDefault}) as "limit"
            from reservations v join restaurants r on r.id = v.restaurant_id cross join settings s
           where s.id = 1 and v.status <> 'cancelled' and ${onDates('v.date')}
           group by v.restaurant_id, v.date, r.daily_limit, s.restaurant_daily_limit
          having count(*) > coalesce(r.daily_limit, ${restaurantDefault})`,
    ),
    // The interval by whole multiples of its length since the local epoch (intervals divide a day, so
    // they start at local midnight), not the trigger's date_trunc arithmetic.
    queryRows<RuleBreaks['pacingIntervals'][number]>(
      db,
      sql`select restaurant_id as "restaurantId", to_char(interval_start, 'YYYY-MM-DD HH24:MI') as interval,
                 covers, max_covers as "maxCovers"
            from (select v.restaurant_id, r.pacing_max_covers as max_covers,
                         to_timestamp(floor(extract(epoch from v.starts_at at time zone r.time_zone) / 60 / r.pacing_interval_minutes)
                                      * r.pacing_interval_minutes * 60) at time zone 'UTC' as interval_start,
                         sum(v.party_size)::int as covers
                    from reservations v join restaurants r on r.id = v.restaurant_id
                   where v.status <> 'cancelled' and v.start_time is not null and r.pacing_interval_minutes is not null
                   group by 1, 2, 3) as intervals
           where covers > max_covers`,
    ),
  ]);
  return { overlaps, globalDays, restaurantDays, pacingIntervals };
}

/**
 * `pg_stat_database.deadlocks` for the database `db` is connected to. A backend counts a deadlock in
 * its own pending statistics and flushes them to shared memory at most once a second while busy (10 s
 * when idle) and always when it exits: read after the writers' connections are closed (see
 * `quiesce`), the figure is complete. A fresh snapshot is taken for the read.
 */
export async function deadlocks(db: Database): Promise<number> {
  await db.execute(sql`select pg_stat_clear_snapshot()`);
  const [row] = await queryRows<{ deadlocks: number }>(
    db,
    sql`select deadlocks::int as deadlocks from pg_stat_database where datname = current_database()`,
  );
  return row?.deadlocks ?? Number.NaN;
}

/**
 * Waits until no backend but this one is connected to the database: every other backend has exited and
 * so flushed its statistics (the deadlock counter too). Fails after `timeoutMs`.
 */
export async function quiesce(db: Database, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await queryRows<{ others: number }>(
      db,
      sql`select count(*)::int as others from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`,
    );
    if (row?.others === 0) return;
    if (Date.now() > deadline) throw new Error(`${row?.others} other connections still open after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** An answer as the figures count it: its status, and the reason of a refusal. */
export interface Answer {
  operation: string;
  status: number;
  reason?: string | undefined;
}

/** "operation status reason" -> how many, sorted. */
export function tally(answers: readonly Answer[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const answer of answers) {
    const key = [answer.operation, answer.status, answer.reason].filter((part) => part !== undefined).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return new Map([...counts].sort(([a], [b]) => a.localeCompare(b)));
}

export const formatTally = (counts: Map<string, number>) => [...counts].map(([key, count]) => `${key}: ${count}`).join(', ');
