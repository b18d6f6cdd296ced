import { and, asc, count, eq, ne, sql, type SQL } from 'drizzle-orm';
import { cities, departments, findPgError, PgErrorCode, reservations, restaurants, type Database } from '@tablebook/db';
import type { BookingSettings } from '../context.ts';
import { invalidInput, notFound } from '../errors.ts';
import { remainingCapacity } from '../rules/booking.ts';
import { restaurantLimitFrom, storedGlobalLimit } from './daily-limits.ts';
import { todayIn } from '../rules/calendar.ts';
import type { z } from 'zod';
import type { RestaurantOutput, restaurantFields } from '../schemas/restaurant.ts';
import type { RestaurantCalendar } from '../rules/opening-hours.ts';
import { MAX_PAGE_SIZE } from '../schemas/restaurant.ts';
import { defaultLayout } from '../rules/tables.ts';
import { preparedQuery, UNNAMED_STATEMENT } from './prepared.ts';
import { remindersColumn, byLabel, pacingColumns, restaurantColumns, tablesJson, toOutput } from './restaurant-rows.ts';
import { searchByTime } from './time-search.ts';
import { findCity } from './cities.ts';
import { applyCalendarChange } from './calendar-change.ts';
import { ownLimitsBeforeUpdate, recordOwnLimitsChange } from './restaurant-limits.ts';
import { recordLimitsEvent } from './reservation-events.ts';
import { requireCalendar } from './restaurant-ref.ts';
import { getStoredLimits } from './settings.ts';
import { insertLayout, replaceLayout } from './tables.ts';
import { retryOnConflict, WRITE_TRANSACTION, type Queryable } from './transactions.ts';
import { escapeLike } from './sql.ts';
import { requireAgreeingZone } from './zone-agreement.ts';

export async function getRestaurant(db: Queryable, id: string): Promise<RestaurantOutput> {
  const [row] = await db
    .select({ ...restaurantColumns, tables: tablesJson })
    .from(restaurants)
    .innerJoin(cities, eq(cities.id, restaurants.cityId))
    .innerJoin(departments, eq(departments.id, cities.departmentId))
    .where(eq(restaurants.id, id));
  if (!row) throw notFound(`Restaurant ${id} does not exist`, 'restaurant');
  return toOutput(row, row.tables.sort(byLabel));
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
    time: input.time,
    partySize: input.partySize,
    window: input.window,
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
  /** With date: only restaurants with a bookable slot near this local time. */
  time?: string | undefined;
  partySize?: number | undefined;
  window?: number | undefined;
}

/** Reservations stored for `date` across the whole system, and the system's stored limit. */
async function countReservationsOn(db: Database, date: string): Promise<{ count: number; limit: number }> {
  const query = preparedQuery(db, 'reservations.countDay', () =>
    db
      .select({ n: count(), limit: storedGlobalLimit })
      .from(reservations)
      .where(and(eq(reservations.date, sql.placeholder('date')), ne(reservations.status, 'cancelled')))
      .prepare(UNNAMED_STATEMENT),
  );
  const [row] = await query.execute({ date });
  if (!row) throw new Error('the day count query returned no row');
  return { count: row.n, limit: row.limit };
}

/**
 * The restaurants a name prefix (and a city) selects, found through restaurants_name_prefix_idx before
 * anything is ordered, under the table's own name so the page's columns read from them. Its OFFSET 0
 * (the placeholder matchesOffset: Drizzle writes no OFFSET for a literal 0) keeps the planner from
 * merging it into the page's query: there, for a short prefix and a small page, it would walk
 * restaurants_name_idx in name order until the page is full, counting on the prefix's matches to be
 * spread over the names, when they all sit at the prefix's place in that order (a prefix late in the
 * alphabet read nearly every row: 'zu' with limit 20 took 125 ms on 100,000 restaurants, 2 ms this
 * way). Here the cost follows the number of matches, wherever they fall in the alphabet.
 */
const prefixMatches = (db: Database, filters: SQL | undefined) =>
  db.select().from(restaurants).where(filters).offset(sql.placeholder('matchesOffset')).as('restaurants');

/**
 * The list's query for one combination of filters, built once (see preparedQuery); the values come as
 * placeholders. With a day, each row also carries the restaurant's live reservations that day.
 */
function restaurantSearch(db: Database, shape: { startWith: boolean; cityId: boolean; day: boolean; minAvailable: boolean }) {
  const key = `restaurants.list:${shape.startWith ? 's' : ''}${shape.cityId ? 'c' : ''}${shape.day ? 'd' : ''}${shape.minAvailable ? 'm' : ''}`;
  return preparedQuery(db, key, () => {
    const selecting: SQL[] = [];
    // lower(name) LIKE a lower-cased prefix: the form the restaurants_name_prefix_idx index serves.
    if (shape.startWith) selecting.push(sql`lower(${restaurants.name}) like lower(${sql.placeholder('namePattern')})`);
    if (shape.cityId) selecting.push(eq(restaurants.cityId, sql.placeholder('cityId')));
    // With a prefix, the prefix and the city select the rows inside prefixMatches; without one, here.
    const filters: SQL[] = shape.startWith ? [] : [...selecting];
    // The restaurant's live reservations that day, counted for each restaurant the page reads (through
    // reservations_restaurant_date_idx), not for every restaurant of the day first: at 4,000 a day a
    // grouped count joined to a page of 20 cost 10 ms (EXPLAIN ANALYZE, 100,000 restaurants).
    const dayCounts = db
      .select({ n: count().as('n') })
      .from(reservations)
      .where(
        and(
          eq(reservations.restaurantId, restaurants.id),
          eq(reservations.date, sql.placeholder('day')),
          ne(reservations.status, 'cancelled'),
        ),
      )
      .as('day_counts');
    const booked = shape.day ? sql<number>`${dayCounts.n}::int` : sql<number>`0`;
    const restaurantLimit = restaurantLimitFrom(restaurants.dailyLimit);
    if (shape.minAvailable) filters.push(sql`${restaurantLimit} - ${booked} >= ${sql.placeholder('minAvailable')}`);
    const base = db
      .select({ ...restaurantColumns, tables: tablesJson, booked, restaurantLimit })
      .from(shape.startWith ? prefixMatches(db, and(...selecting)) : restaurants)
      .innerJoin(cities, eq(cities.id, restaurants.cityId))
      .innerJoin(departments, eq(departments.id, cities.departmentId));
    const joined = shape.day ? base.crossJoinLateral(dayCounts) : base;
    return joined
      .where(and(...filters))
      .orderBy(asc(restaurants.name), asc(restaurants.id))
      .limit(sql.placeholder('limit'))
      .offset(sql.placeholder('offset'))
      .prepare(UNNAMED_STATEMENT);
  });
}

export async function listRestaurants(
  db: Database,
  settings: BookingSettings,
  now: Date,
  query: ListRestaurantsQuery,
): Promise<RestaurantOutput[]> {
  if (query.time !== undefined && query.date !== undefined) return searchByTime(db, now, { ...query, time: query.time, date: query.date });
  // Capacity is only meaningful for one day: the given one, or today when a minimum is asked for.
  const day = query.date ?? (query.minAvailable !== undefined ? todayIn(settings.timeZone, now) : undefined);
  let global = { count: 0, limit: 0 };
  if (day !== undefined) {
    global = await countReservationsOn(db, day);
    if (query.minAvailable !== undefined && global.limit - global.count < query.minAvailable) return [];
  }
  const search = restaurantSearch(db, {
    startWith: Boolean(query.startWith),
    cityId: Boolean(query.cityId),
    day: day !== undefined,
    minAvailable: day !== undefined && query.minAvailable !== undefined,
  });
  const rows = await search.execute({
    namePattern: `${escapeLike(query.startWith ?? '')}%`,
    cityId: query.cityId,
    day,
    minAvailable: query.minAvailable,
    matchesOffset: 0,
    limit: query.limit ?? MAX_PAGE_SIZE,
    offset: query.offset ?? 0,
  });
  return rows.map((row) => {
    const output = toOutput(row, row.tables.sort(byLabel));
    if (day === undefined) return output;
    const limits = { globalDailyLimit: global.limit, restaurantDailyLimit: row.restaurantLimit };
    return { ...output, ...remainingCapacity({ restaurantCount: row.booked, globalCount: global.count }, limits) };
  });
}

export type RestaurantInput = z.output<typeof restaurantFields>;

async function requireCity(db: Queryable, cityId: number) {
  const city = await findCity(db, cityId);
  if (!city) throw invalidInput([{ path: 'cityId', message: `City ${cityId} does not exist`, code: 'unknown_city', cityId }]);
  return city;
}

/**
 * The database's word on a restaurant's row, as the client's mistake: a city removed between the check
 * and the write still answers as a bad cityId, and pacing without opening hours (the restaurant's
 * hours after the change: a create's, or a PUT's new or kept ones) fails restaurants_pacing_valid,
 * the one place that rule is decided, so two PUTs at once cannot slip past it either.
 */
function rethrowRowViolation(error: unknown, cityId: number): never {
  const failure = findPgError(error);
  if (failure?.code === PgErrorCode.foreignKeyViolation) {
    throw invalidInput([{ path: 'cityId', message: `City ${cityId} does not exist`, code: 'unknown_city', cityId }]);
  }
  if (failure?.code === PgErrorCode.checkViolation && failure.constraint === 'restaurants_pacing_valid') {
    throw invalidInput([
      { path: 'pacing', message: 'pacing needs opening hours: give hours, or send pacing null', code: 'pacing_needs_hours' },
    ]);
  }
  throw error;
}

export async function createRestaurant(
  db: Database,
  settings: BookingSettings,
  now: Date,
  input: RestaurantInput,
): Promise<RestaurantOutput> {
  const { tables, pacing, reminders, ...fields } = input;
  await requireCity(db, input.cityId);
  await requireAgreeingZone(db, fields.timeZone ?? settings.timeZone, now);
  return db
    .transaction(async (tx) => {
      const [row] = await tx
        .insert(restaurants)
        .values({ ...fields, ...pacingColumns(pacing), ...remindersColumn(reminders), timeZone: fields.timeZone ?? settings.timeZone })
        .returning({ id: restaurants.id });
      if (!row) throw new Error('insert returned no row');
      await insertLayout(tx, row.id, tables ?? defaultLayout());
      return getRestaurant(tx, row.id);
    })
    .catch((error: unknown) => rethrowRowViolation(error, input.cityId));
}

/**
 * Replaces the restaurant's fields; its layout only when `tables` is given, and likewise its
 * time-of-day settings, `dailyLimit` and `pacing` (null clears those two). A new limit or pacing
 * cancels nothing: it judges the bookings and moves that follow.
 */
export async function updateRestaurant(
  db: Database,
  settings: BookingSettings,
  now: Date,
  id: string,
  input: RestaurantInput,
): Promise<RestaurantOutput> {
  const { tables, pacing, reminders, ...fields } = input;
  await requireCity(db, input.cityId);
  if (fields.timeZone !== undefined) await requireAgreeingZone(db, fields.timeZone, now);
  // A deadlock or serialization failure (a layout save meeting bookings) is tried again, not a 500.
  return retryOnConflict(() =>
    db.transaction(async (tx) => {
      const asked = fields.timeZone !== undefined || fields.hours !== undefined || fields.specialDates !== undefined;
      const stored = asked || tables ? await requireCalendar(tx, id) : undefined;
      // A new zone or new hours move or refuse the reservations they concern: bookings hold the
      // restaurant row FOR KEY SHARE while they write, and FOR UPDATE waits for them (and they for it).
      // Only a real change takes it: a full body that resends the stored calendar must not wait for
      // every booking in flight (FOR UPDATE does not queue ahead of new KEY SHARE lockers).
      const calendarChanges = stored !== undefined && asked && calendarDiffers(stored, fields);
      const before = calendarChanges ? await requireCalendar(tx, id, 'update') : stored;
      // Unchanged calendar fields are not written back: an edit committed meanwhile keeps its own.
      const written = calendarChanges ? fields : { ...fields, timeZone: undefined, hours: undefined, specialDates: undefined };
      // A new limit or pacing reaches open pages: what they were, under the lock the UPDATE takes.
      const limitsBefore = fields.dailyLimit !== undefined || pacing !== undefined ? await ownLimitsBeforeUpdate(tx, id) : undefined;
      const [row] = await tx
        .update(restaurants)
        // Drizzle leaves out undefined fields: a PUT without a time-of-day field keeps it, as it keeps `tables`.
        .set({ ...written, ...pacingColumns(pacing), ...remindersColumn(reminders), updatedAt: sql`now()` })
        .where(eq(restaurants.id, id))
        .returning({ id: restaurants.id, name: restaurants.name });
      if (!row) throw notFound(`Restaurant ${id} does not exist`, 'restaurant');
      if (before && calendarChanges) await applyCalendarChange(tx, id, before, await requireCalendar(tx, id), now);
      if (tables) {
        // "Today" where it is earliest, old zone or new: no reservation still to come is missed.
        const zones = [before?.timeZone ?? settings.timeZone, fields.timeZone ?? before?.timeZone ?? settings.timeZone];
        const today = zones.map((zone) => todayIn(zone, now)).sort()[0] as string;
        await replaceLayout(tx, id, row.name, tables, today);
      }
      if (limitsBefore) await recordOwnLimitsChange(tx, id, limitsBefore);
      return getRestaurant(tx, id);
    }, WRITE_TRANSACTION),
  ).catch((error: unknown) => rethrowRowViolation(error, input.cityId));
}

/** JSON with object keys in one order: jsonb hands stored objects back with its own key order. */
const canonicalJson = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : 1)))
      : inner,
  );

/** Whether the zone, hours or special dates asked for differ from the stored ones. */
function calendarDiffers(stored: RestaurantCalendar, asked: Pick<RestaurantInput, 'timeZone' | 'hours' | 'specialDates'>) {
  return (
    (asked.timeZone !== undefined && asked.timeZone !== stored.timeZone) ||
    (asked.hours !== undefined && canonicalJson(asked.hours) !== canonicalJson(stored.hours)) ||
    (asked.specialDates !== undefined && canonicalJson(asked.specialDates) !== canonicalJson(stored.specialDates))
  );
}

/**
 * Deletes a restaurant and, with it, its tables and bookings. Those bookings no longer count against the
 * system's daily limit, so every other restaurant's day may have room again: the deletion is recorded as a
 * `limits` event for every restaurant (restaurantId null), as the transaction's last write, and every open
 * day page reads its capacity afresh.
 */
export async function deleteRestaurant(db: Database, id: string): Promise<{ id: string }> {
  const row = await retryOnConflict(() =>
    db.transaction(async (tx) => {
      const [deleted] = await tx.delete(restaurants).where(eq(restaurants.id, id)).returning({ id: restaurants.id });
      if (deleted) await recordLimitsEvent(tx, { restaurantId: null, ...(await getStoredLimits(tx)) });
      return deleted;
    }, WRITE_TRANSACTION),
  );
  if (!row) throw notFound(`Restaurant ${id} does not exist`, 'restaurant');
  return row;
}
