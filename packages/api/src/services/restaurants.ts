import { and, asc, count, eq, ilike, ne, sql, type SQL } from 'drizzle-orm';
import { cities, departments, findPgError, PgErrorCode, reservations, restaurants, type Database } from '@tablebook/db';
import type { BookingSettings } from '../context.ts';
import { invalidInput, notFound } from '../errors.ts';
import { remainingCapacity } from '../rules/booking.ts';
import { todayIn } from '../rules/calendar.ts';
import type { RestaurantOutput } from '../schemas/restaurant.ts';
import { MAX_PAGE_SIZE } from '../schemas/restaurant.ts';
import { defaultLayout, type TableLayoutEntry } from '../rules/tables.ts';
import { findCity } from './cities.ts';
import { insertLayout, readLayout, readLayouts, replaceLayout } from './tables.ts';
import { retryOnConflict, type Queryable } from './transactions.ts';
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

function toOutput(row: RestaurantRow, tables: TableLayoutEntry[]): RestaurantOutput {
  return {
    id: row.id,
    name: row.name,
    address: row.address,
    city: { id: row.cityId, name: row.cityName, deptName: row.deptName },
    photoUrl: row.photoUrl,
    description: row.description,
    tables,
  };
}

/** Rows with their layouts, read in one more query. */
async function withTables(db: Queryable, rows: RestaurantRow[]): Promise<RestaurantOutput[]> {
  const layouts = await readLayouts(db, rows.map((row) => row.id));
  return rows.map((row) => toOutput(row, layouts.get(row.id) ?? []));
}

function selectRestaurants(db: Queryable) {
  return db
    .select(restaurantColumns)
    .from(restaurants)
    .innerJoin(cities, eq(cities.id, restaurants.cityId))
    .innerJoin(departments, eq(departments.id, cities.departmentId));
}

export async function getRestaurant(db: Queryable, id: string): Promise<RestaurantOutput> {
  const [row] = await selectRestaurants(db).where(eq(restaurants.id, id));
  if (!row) throw notFound(`Restaurant ${id} does not exist`);
  return toOutput(row, await readLayout(db, id));
}

/** The list's query from its input: `aviability` is the seed's spelling of `minAvailable`. */
export function listQueryFrom(input: ListRestaurantsInputValue): ListRestaurantsQuery {
  return {
    startWith: input.startWith,
    cityId: input.cityId,
    date: input.date,
    minAvailable: input.minAvailable ?? input.aviability,
    limit: input.limit,
    offset: input.offset,
  };
}

type ListRestaurantsInputValue = ListRestaurantsQuery & { aviability?: number | undefined };

export interface ListRestaurantsQuery {
  startWith?: string | undefined;
  cityId?: number | undefined;
  date?: string | undefined;
  minAvailable?: number | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

/** Reservations stored for `date` across the whole system. */
export async function countReservationsOn(db: Queryable, date: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(reservations)
    .where(and(eq(reservations.date, date), ne(reservations.status, 'cancelled')));
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
    return withTables(db, rows);
  }

  const globalCount = await countReservationsOn(db, day);
  const dayCounts = db
    .select({ restaurantId: reservations.restaurantId, n: count().as('n') })
    .from(reservations)
    .where(and(eq(reservations.date, day), ne(reservations.status, 'cancelled')))
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
  const layouts = await readLayouts(db, rows.map((row) => row.id));
  return rows.map((row) => {
    const capacity = remainingCapacity({ restaurantCount: row.booked, globalCount }, settings);
    return { ...toOutput(row, layouts.get(row.id) ?? []), ...capacity };
  });
}

export interface RestaurantInput {
  name: string;
  address: string;
  description: string;
  photoUrl: string;
  cityId: number;
  tables?: TableLayoutEntry[] | undefined;
}

async function requireCity(db: Queryable, cityId: number) {
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
  const { tables, ...fields } = input;
  await requireCity(db, input.cityId);
  return db
    .transaction(async (tx) => {
      const [row] = await tx.insert(restaurants).values(fields).returning({ id: restaurants.id });
      if (!row) throw new Error('insert returned no row');
      await insertLayout(tx, row.id, tables ?? defaultLayout());
      return getRestaurant(tx, row.id);
    })
    .catch((error: unknown) => rethrowCityViolation(error, input.cityId));
}

/** Replaces the restaurant's fields; its layout only when `tables` is given. */
export async function updateRestaurant(
  db: Database,
  settings: BookingSettings,
  now: Date,
  id: string,
  input: RestaurantInput,
): Promise<RestaurantOutput> {
  const { tables, ...fields } = input;
  await requireCity(db, input.cityId);
  return db
    .transaction(async (tx) => {
      const [row] = await tx
        .update(restaurants)
        .set({ ...fields, updatedAt: sql`now()` })
        .where(eq(restaurants.id, id))
        .returning({ id: restaurants.id, name: restaurants.name });
      if (!row) throw notFound(`Restaurant ${id} does not exist`);
      if (tables) await replaceLayout(tx, id, row.name, tables, todayIn(settings.timeZone, now));
      return getRestaurant(tx, id);
    })
    .catch((error: unknown) => rethrowCityViolation(error, input.cityId));
}

export async function deleteRestaurant(db: Database, id: string): Promise<{ id: string }> {
  const [row] = await retryOnConflict(() => db.delete(restaurants).where(eq(restaurants.id, id)).returning({ id: restaurants.id }));
  if (!row) throw notFound(`Restaurant ${id} does not exist`);
  return row;
}
