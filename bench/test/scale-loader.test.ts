// The scale phase's loader at a small size (200 restaurants, 6,000 reservations and the busy days):
// it refuses before writing when the stored limits cannot hold its busiest day, and otherwise loads the
// shape the scenarios count on, every row through the reservation triggers.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb, migrate } from '@tablebook/db';
import { createTestDatabase, type TestDatabase } from '@tablebook/testing';
import { addDays, BUSY_DAYS } from '../src/dataset.ts';
import { loadScaleDataset, type ScaleLoad } from '../src/scale/loader.ts';
import { BLOCK_DAYS, BUSY_DAYS_OFFSET, FIRST_BLOCK_OFFSET, RESERVATIONS_PER_RESTAURANT } from '../src/scale/shape.ts';

const postgresUrl = inject('postgresUrl');
const RESTAURANTS = 200;
const TIMED = RESTAURANTS / 5;
/** One restaurant in 1,000 has the busy days (ord 4 here). */
const BUSY = Math.ceil(RESTAURANTS / 1000);
const FIRST_DAY = '2030-03-01';
const log = () => undefined;

describe.skipIf(!postgresUrl)('the scale loader', () => {
  let testDatabase: TestDatabase;
  let client: pg.Client;
  let load: ScaleLoad;
  const one = async <Row>(text: string, values: unknown[] = []) => (await client.query(text, values)).rows[0] as Row;

  beforeAll(async () => {
    testDatabase = await createTestDatabase(postgresUrl!);
    const handle = createDb(testDatabase.url);
    await migrate(handle);
    await handle.close();
    client = new pg.Client({ connectionString: testDatabase.url });
    await client.connect();
  });

  afterAll(async () => {
    await client?.end();
    await testDatabase?.drop();
  });

  it('refuses before writing anything while the stored limits are the defaults', async () => {
    await expect(loadScaleDataset(testDatabase.url, { restaurants: RESTAURANTS, firstDay: FIRST_DAY, log })).rejects.toThrow(
      /below the data set's busiest day .* raise them through the settings first/,
    );
    expect(await one('select count(*)::int as n from restaurants')).toEqual({ n: 0 });
  });

  it('loads the shape the scenarios read', async () => {
    await client.query('update settings set global_daily_limit = 100000, restaurant_daily_limit = 1000');
    load = await loadScaleDataset(testDatabase.url, { restaurants: RESTAURANTS, firstDay: FIRST_DAY, log });
    const { dataset } = load;
    expect(load.restaurants).toBe(RESTAURANTS);
    expect(await one('select count(*)::int as n from reservations')).toEqual({ n: load.reservations });
    // Whole-day restaurants with 15 tables, one in five timed with 20.
    expect(await one('select count(*)::int as n from restaurant_tables')).toEqual({ n: (RESTAURANTS - TIMED) * 15 + TIMED * 20 });

    // The two years: 30 a restaurant on 720 days, at most one a day, past days completed.
    const regular = await one<{ n: number; days: number; first: string; last: string; most: number; open: number }>(
      `select count(*)::int as n, count(distinct date)::int as days, min(date)::text as first, max(date)::text as last,
              max(per_day)::int as most, count(*) filter (where status = 'confirmed' and date < $1)::int as open
         from (select date, status, count(*) over (partition by restaurant_id, date) as per_day from reservations where date < $2) as r`,
      [FIRST_DAY, addDays(FIRST_DAY, BUSY_DAYS_OFFSET)],
    );
    expect(regular).toEqual({
      n: RESTAURANTS * RESERVATIONS_PER_RESTAURANT,
      days: BUSY_DAYS_OFFSET - FIRST_BLOCK_OFFSET,
      first: addDays(FIRST_DAY, FIRST_BLOCK_OFFSET),
      last: addDays(FIRST_DAY, BUSY_DAYS_OFFSET - 1),
      most: 1,
      open: 0,
    });
    // The day-reservations scenario asks restaurant i for day 7i mod 90 of the first block.
    const { rows: asked } = await client.query<{ found: boolean }>(
      `select exists (select 1 from reservations where restaurant_id = input.id and date = $2::date + (input.ord - 1)::int * 7 % $3) as found
         from unnest($1::uuid[]) with ordinality as input(id, ord)`,
      [dataset.restaurantIds, FIRST_DAY, BLOCK_DAYS],
    );
    expect(asked.every((row) => row.found)).toBe(true);

    // The busy days: each of the slots scenario's restaurants is a timed one with the 500 set's day of bookings.
    expect(dataset.timedRestaurantIds).toHaveLength(BUSY);
    expect(dataset.busyDays).toEqual(Array.from({ length: BUSY_DAYS }, (_, index) => addDays(FIRST_DAY, BUSY_DAYS_OFFSET + index)));
    const busy = await one<{ timed: number; least: number; most: number; pairs: number }>(
      `select count(distinct r.id) filter (where jsonb_array_length(r.hours) > 0)::int as timed,
              min(n)::int as least, max(n)::int as most, count(*)::int as pairs
         from (select restaurant_id, date, count(*) as n from reservations where date = any($2::date[]) group by 1, 2) as b
         join restaurants r on r.id = b.restaurant_id and r.id = any($1::uuid[])`,
      [dataset.timedRestaurantIds, dataset.busyDays],
    );
    expect(busy).toMatchObject({ timed: BUSY, pairs: BUSY * BUSY_DAYS, most: 36 });
    expect(busy.least).toBeGreaterThan(30);

    // A three-letter prefix and a city find as many restaurants as every other sample (one here, 5 at 100,000).
    const { rows: found } = await client.query<{ n: number }>(
      `select (select count(*)::int from restaurants where lower(name) like lower(left(sample.name, 3)) || '%' and city_id = sample.city_id) as n
         from unnest($1::text[], $2::int[]) as sample(name, city_id)`,
      [dataset.searchSamples.map((sample) => sample.name), dataset.searchSamples.map((sample) => sample.cityId)],
    );
    expect(new Set(found.map((row) => row.n))).toEqual(new Set([1]));
  });
});
