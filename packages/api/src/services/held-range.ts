import { type SQL, sql } from 'drizzle-orm';

/**
 * The instants a whole-day reservation holds its table: from the local midnight of its day, in its
 * restaurant's zone, to the next (PostgreSQL reads the zone's rules, daylight saving included).
 * `day` and `zone` are values or SQL expressions (a column, a subquery).
 */
export function localDayRange(day: string | SQL, zone: string | SQL) {
  return {
    startsAt: sql<Date>`(${day}::date::timestamp at time zone ${zone})`,
    endsAt: sql<Date>`((${day}::date + 1)::timestamp at time zone ${zone})`,
  };
}
