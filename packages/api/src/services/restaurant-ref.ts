import { eq, is, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import { restaurants, type Database } from '@tablebook/db';
import { notFound } from '../errors.ts';
import type { RestaurantCalendar } from '../rules/opening-hours.ts';
import { preparedQuery, UNNAMED_STATEMENT } from './prepared.ts';
import { calendarColumns } from './restaurant-rows.ts';
import type { Queryable } from './transactions.ts';

/** A transaction cannot run a query prepared on the database handle: only the handle itself may. */
const isRootDatabase = (db: Queryable): boolean => !is(db, PgTransaction);

const restaurantName = (db: Database) =>
  preparedQuery(db, 'restaurants.name', () =>
    db
      .select({ name: restaurants.name })
      .from(restaurants)
      .where(eq(restaurants.id, sql.placeholder('id')))
      .prepare(UNNAMED_STATEMENT),
  );

/**
 * The name of an existing restaurant, or NOT_FOUND. With `lock: 'key share'` it is also every
 * reservation writer's first lock: a delete of the restaurant then waits for writers in flight (and
 * they for it), always in this order, instead of the delete's cascade meeting a writer's table and row
 * locks the other way round (a deadlock).
 */
export async function requireRestaurant(db: Queryable, id: string, lock?: 'key share'): Promise<string> {
  const [row] = lock
    ? await db.select({ name: restaurants.name }).from(restaurants).where(eq(restaurants.id, id)).for(lock)
    : isRootDatabase(db)
      ? await restaurantName(db as Database).execute({ id })
      : await db.select({ name: restaurants.name }).from(restaurants).where(eq(restaurants.id, id));
  if (!row) throw notFound(`Restaurant ${id} does not exist`, 'restaurant');
  return row.name;
}

const restaurantCalendar = (db: Database) =>
  preparedQuery(db, 'restaurants.calendar', () =>
    db
      .select(calendarColumns)
      .from(restaurants)
      .where(eq(restaurants.id, sql.placeholder('id')))
      .prepare(UNNAMED_STATEMENT),
  );

/**
 * An existing restaurant's name and booking calendar (zone, hours, grid, turn times, window), or
 * NOT_FOUND. `lock: 'key share'` as in requireRestaurant: every reservation writer's first lock.
 */
export async function requireCalendar(db: Queryable, id: string, lock?: 'key share' | 'update'): Promise<RestaurantCalendar> {
  const query = db.select(calendarColumns).from(restaurants).where(eq(restaurants.id, id));
  const [row] = lock ? await query.for(lock) : isRootDatabase(db) ? await restaurantCalendar(db as Database).execute({ id }) : await query;
  if (!row) throw notFound(`Restaurant ${id} does not exist`, 'restaurant');
  return row;
}
