import { and, asc, count, eq, ilike, sql, type SQL } from 'drizzle-orm';
import { cities, departments, findPgError, PgErrorCode, reservations, restaurants, type Database } from '@tablebook/db';
import type { BookingSettings } from '../context.ts';
import { invalidInput, notFound } from '../errors.ts';
import { remainingCapacity } from '../rules/booking.ts';
import { todayIn } from '../rules/calendar.ts';
import type { RestaurantOutput } from '../schemas/restaurant.ts';
import { MAX_PAGE_SIZE } from '../schemas/restaurant.ts';
import { findCity } from './cities.ts';
import { escapeLike } from './sql.ts';

const restaurantColumns = {
  id: restaurants.id,
  name: restaurants.name,
  address: restaurants.address,
  description: restaurants.description,
  photoUrl: restaurants.photoUrl,
  cityId: cities.id,
  cityName: cities.name,
  deptName: departments.name,
};

type RestaurantRow = {
  id: string;
  name: string;
  address: string;
  description: string;
  photoUrl: string;
  cityId: number;
  cityName: string;
  deptName: string;
};

function toOutput(row: RestaurantRow): RestaurantOutput {
  return {
    id: row.id,
    name: row.name,
    address: row.address,
    city: { id: row.cityId, name: row.cityName, deptName: row.deptName },
    photoUrl: row.photoUrl,
    description: row.description,
  };
}

function selectRestaurants(db: Database) {
  return db
    .select(restaurantColumns)
    .from(restaurants)
    .innerJoin(cities, eq(cities.id, restaurants.cityId))
    .innerJoin(departments, eq(departments.id, cities.departmentId));
}

export async function getRestaurant(db: Database, id: string): Promise<RestaurantOutput> {
  const [row] = await selectRestaurants(db).where(eq(restaurants.id, id));
  if (!row) throw notFound(`Restaurant ${id} does not exist`);
  return toOutput(row);
}

export interface ListRestaurantsQuery {
  startWith?: string | undefined;
  cityId?: number | undefined;
  date?: string | undefined;
  minAvailable?: number | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

/** Reservations stored for `date` across the whole system. */
export async function countReservationsOn(db: Database, date: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(reservations).where(eq(reservations.date, date));
  return row?.n ?? 0;
}

export async function listRestaurants(
  db: Database,
  settings: BookingSettings,
  now: Date,
  query: ListRestaurantsQuery,
): Promise<RestaurantOutput[]> {
  const filters: SQL[] = [];
  if (query.startWith) filters.push(ilike(restaurants.name, `${escapeLike(query.startWith)}%`));
  if (query.cityId) filters.push(eq(restaurants.cityId, query.cityId));
  const limit = query.limit ?? MAX_PAGE_SIZE;
  const offset = query.offset ?? 0;

  // Capacity is only meaningful for one day: the given one, or today when a minimum is asked for.
  const day = query.date ?? (query.minAvailable !== undefined ? todayIn(settings.timeZone, now) : undefined);
  if (day === undefined) {
    const rows = await selectRestaurants(db)
      .where(and(...filters))
      .orderBy(asc(restaurants.name), asc(restaurants.id))
      .limit(limit)
      .offset(offset);
    return rows.map(toOutput);
  }

  const globalCount = await countReservationsOn(db, day);
  const dayCounts = db
    .select({ restaurantId: reservations.restaurantId, n: count().as('n') })
    .from(reservations)
    .where(eq(reservations.date, day))
    .groupBy(reservations.restaurantId)
    .as('day_counts');
  const booked = sql<number>`coalesce(${dayCounts.n}, 0)::int`;
  if (query.minAvailable !== undefined) {
    if (settings.globalDailyLimit - globalCount < query.minAvailable) return [];
    filters.push(sql`${settings.restaurantDailyLimit} - ${booked} >= ${query.minAvailable}`);
  }
  const rows = await db
    .select({ ...restaurantColumns, booked })
    .from(restaurants)
    .innerJoin(cities, eq(cities.id, restaurants.cityId))
    .innerJoin(departments, eq(departments.id, cities.departmentId))
    .leftJoin(dayCounts, eq(dayCounts.restaurantId, restaurants.id))
    .where(and(...filters))
    .orderBy(asc(restaurants.name), asc(restaurants.id))
    .limit(limit)
    .offset(offset);
  return rows.map((row) => {
    const capacity = remainingCapacity({ restaurantCount: row.booked, globalCount }, settings);
    return { ...toOutput(row), ...capacity };
  });
}

export interface RestaurantInput {
  name: string;
  address: string;
  description: string;
  photoUrl: string;
  cityId: number;
}

async function requireCity(db: Database, cityId: number) {
  const city = await findCity(db, cityId);
  if (!city) throw invalidInput([{ path: 'cityId', message: `City ${cityId} does not exist` }]);
  return city;
}

/** A city removed between the check and the write still answers as a bad cityId. */
function rethrowCityViolation(error: unknown, cityId: number): never {
  if (findPgError(error)?.code === PgErrorCode.foreignKeyViolation) {
    throw invalidInput([{ path: 'cityId', message: `City ${cityId} does not exist` }]);
  }
  throw error;
}

export async function createRestaurant(db: Database, input: RestaurantInput): Promise<RestaurantOutput> {
  const city = await requireCity(db, input.cityId);
  const [row] = await db
    .insert(restaurants)
    .values(input)
    .returning()
    .catch((error: unknown) => rethrowCityViolation(error, input.cityId));
  if (!row) throw new Error('insert returned no row');
  return toOutput({ ...row, cityId: city.id, cityName: city.name, deptName: city.deptName });
}

export async function updateRestaurant(
  db: Database,
  id: string,
  input: RestaurantInput,
): Promise<RestaurantOutput> {
  const city = await requireCity(db, input.cityId);
  const [row] = await db
    .update(restaurants)
    .set({ ...input, updatedAt: sql`now()` })
    .where(eq(restaurants.id, id))
    .returning()
    .catch((error: unknown) => rethrowCityViolation(error, input.cityId));
  if (!row) throw notFound(`Restaurant ${id} does not exist`);
  return toOutput({ ...row, cityId: city.id, cityName: city.name, deptName: city.deptName });
}

export async function deleteRestaurant(db: Database, id: string): Promise<{ id: string }> {
  const [row] = await db.delete(restaurants).where(eq(restaurants.id, id)).returning({ id: restaurants.id });
  if (!row) throw notFound(`Restaurant ${id} does not exist`);
  return row;
}
