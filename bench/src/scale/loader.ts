// Loads the large data set (shape.ts) into a migrated, empty database, set-based: one statement for the
// restaurants of each kind, one for each kind's tables, then one INSERT ... SELECT per CHUNK_DAYS days of
// reservations (in calendar order, the order every writer takes the day locks in) and one per busy day.
// Every row goes through the reservation triggers like any writer's: the stored limits must allow the
// busiest day first (the loader checks before it writes anything), and nothing is switched off.
import { availableParallelism } from 'node:os';
import pg from 'pg';
import {
  addDays,
  BOOKINGS_PER_BUSY_DAY,
  busyDay,
  BUSY_DAYS,
  CITY_COUNT,
  TABLE_LABELS,
  TIMED_CALENDAR,
  TIMED_TABLES,
  turnMinutes,
  type Dataset,
} from '../dataset.ts';
import {
  BLOCK_DAYS,
  BLOCKS,
  BUSY_DAYS_OFFSET,
  FIRST_BLOCK_OFFSET,
  isBusy,
  isTimed,
  RESERVATIONS_PER_RESTAURANT,
  ROUND_DAY_STEP,
  RESTAURANT_DAY_STEP,
  scaleDataset,
  scaleName,
} from './shape.ts';

interface LoadStep {
  step: string;
  rows: number;
  seconds: number;
}

export interface ScaleLoad {
  dataset: Dataset;
  restaurants: number;
  reservations: number;
  seconds: number;
  steps: LoadStep[];
}

interface LoadOptions {
  restaurants: number;
  /** The first of the 90 days the scenarios read; the reservations span the year before it and the year from it. */
  firstDay: string;
  log: (message: string) => void;
  /** Connections writing reservations at once; default one per core, at most LOAD_WORKERS. */
  workers?: number;
}

/** Days per reservations statement: about 130,000 rows at 100,000 restaurants, each its own transaction. */
const CHUNK_DAYS = 30;
/** Connections writing reservations at once (at most one per core): a statement's triggers run on one core. */
const LOAD_WORKERS = 2;
/** The plan: each restaurant's index and kind, and each reservation's restaurant and day, read by every worker. */
const PLAN_TABLES = ['scale_bookings', 'scale_restaurants'];
/** The regular reservations: for two, and at 20:00 for a timed restaurant (as in the 500 set). */
const REGULAR_PARTY = 2;
const REGULAR_START = '20:00';

const secondsSince = (started: number) => Math.round((performance.now() - started) / 100) / 10;

const connect = async (databaseUrl: string) => {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  return client;
};

export async function loadScaleDataset(databaseUrl: string, options: LoadOptions): Promise<ScaleLoad> {
  const client = await connect(databaseUrl);
  const steps: LoadStep[] = [];
  const loadStarted = performance.now();
  /** Runs one step and logs its size and time. */
  const step = async (name: string, work: () => Promise<number>) => {
    const started = performance.now();
    const rows = await work();
    const seconds = secondsSince(started);
    steps.push({ step: name, rows, seconds });
    const rate = seconds > 0 ? `, ${Math.round(rows / seconds).toLocaleString('en-US')} rows/s` : '';
    options.log(`scale load: ${name}: ${rows.toLocaleString('en-US')} rows in ${seconds} s${rate}`);
  };
  try {
    // The plan is in unlogged tables (not temporary ones: the workers' sessions read it), dropped at the end.
    await client.query(`drop table if exists ${PLAN_TABLES.join(', ')}`);
    await client.query(`set work_mem = '64MB'`);
    await client.query(`set maintenance_work_mem = '256MB'`);
    const { rows: cityRows } = await client.query<{ id: number }>(
      // The 500 set's 50 cities, spread over the country's list (every 22nd id).
      'select id from cities where id % 22 = 1 order by id limit $1',
      [CITY_COUNT],
    );
    const cityIds = cityRows.map((row) => row.id);
    const indexes = Array.from({ length: options.restaurants }, (_, index) => index);

    await step('plan: restaurants', async () => {
      const { rowCount } = await client.query(
        `create unlogged table scale_restaurants as
         select (input.ord - 1)::int as ord, gen_random_uuid() as id, input.name, input.city_id, input.timed, input.busy
           from unnest($1::text[], $2::int[], $3::boolean[], $4::boolean[]) with ordinality as input(name, city_id, timed, busy, ord)`,
        [indexes.map(scaleName), indexes.map((index) => cityIds[index % cityIds.length]!), indexes.map(isTimed), indexes.map(isBusy)],
      );
      await client.query('alter table scale_restaurants add primary key (ord)');
      return rowCount ?? 0;
    });
    await step('plan: reservation days', async () => {
      // Reservation k of restaurant i: block BLOCKS[k % 8], day (7i + 23·⌊k/8⌋) mod 90 within it (shape.ts).
      const { rowCount } = await client.query(
        `create unlogged table scale_bookings as
         select s.ord, k, $1::date + ($2::int[])[1 + k % cardinality($2::int[])] * $3::int + (s.ord * $4::int + (k / cardinality($2::int[])) * $5::int) % $3::int as day
           from scale_restaurants s cross join generate_series(0, $6::int - 1) as k
          order by day, s.ord`,
        [options.firstDay, BLOCKS, BLOCK_DAYS, RESTAURANT_DAY_STEP, ROUND_DAY_STEP, RESERVATIONS_PER_RESTAURANT],
      );
      await client.query('create index on scale_bookings (day)');
      await client.query('analyze scale_restaurants, scale_bookings');
      return rowCount ?? 0;
    });
    const busyTimed = indexes.filter(isBusy);
    await requireLimitsFor(client, busyTimed.length);

    await step('restaurants', async () => {
      const columns = `id, name, address, description, photo_url, city_id`;
      const values = `id, name, 'Calle ' || (ord + 1) || ' # 10-20', 'Cocina de la casa, número ' || (ord + 1), 'https://example.com/photos/' || (ord + 1) || '.jpg', city_id`;
      await client.query('begin');
      // Whole days keep the columns' defaults (the zone, no hours); timed ones get the 500 set's calendar.
      const wholeDay = await client.query(
        `insert into restaurants (${columns}) select ${values} from scale_restaurants where not timed order by ord`,
      );
      const timed = await client.query(
        `insert into restaurants (${columns}, time_zone, hours, slot_minutes)
         select ${values}, $1, $2::jsonb, $3 from scale_restaurants where timed order by ord`,
        [TIMED_CALENDAR.timeZone, JSON.stringify(TIMED_CALENDAR.hours), TIMED_CALENDAR.slotMinutes],
      );
      await client.query('commit');
      return (wholeDay.rowCount ?? 0) + (timed.rowCount ?? 0);
    });
    await step('tables', async () => {
      await client.query('begin');
      const wholeDay = await client.query(
        `insert into restaurant_tables (restaurant_id, label, seats)
         select s.id, t.label, 4 from scale_restaurants s cross join unnest($1::text[]) as t(label) where not s.timed order by s.ord, t.label`,
        [TABLE_LABELS],
      );
      const timed = await client.query(
        `insert into restaurant_tables (restaurant_id, label, seats)
         select s.id, t.label, t.seats from scale_restaurants s cross join unnest($1::text[], $2::int[]) as t(label, seats)
          where s.timed order by s.ord, t.label`,
        [TIMED_TABLES.map((table) => table.label), TIMED_TABLES.map((table) => table.seats)],
      );
      await client.query('commit');
      return (wholeDay.rowCount ?? 0) + (timed.rowCount ?? 0);
    });

    let reservations = 0;
    const chunks: { from: string; to: string }[] = [];
    for (let offset = FIRST_BLOCK_OFFSET; offset < BUSY_DAYS_OFFSET; offset += CHUNK_DAYS) {
      chunks.push({
        from: addDays(options.firstDay, offset),
        to: addDays(options.firstDay, Math.min(offset + CHUNK_DAYS, BUSY_DAYS_OFFSET)),
      });
    }
    // Each worker takes the next chunk in calendar order; chunks share no day, so no two statements wait
    // for one day lock, and each day's limits are judged by the one statement that writes it.
    const workers = await Promise.all(
      Array.from({ length: options.workers ?? Math.max(1, Math.min(LOAD_WORKERS, availableParallelism())) }, () => connect(databaseUrl)),
    );
    try {
      await Promise.all(
        workers.map(async (worker) => {
          for (let chunk = chunks.shift(); chunk; chunk = chunks.shift()) {
            const { from, to } = chunk;
            await step(`reservations ${from} to ${addDays(to, -1)}`, async () => {
              const rows = await insertRegular(worker, from, to, options.firstDay);
              reservations += rows;
              return rows;
            });
          }
        }),
      );
    } finally {
      await Promise.all(workers.map((worker) => worker.end()));
    }

    const { rows: busyRows } = await client.query<{ id: string }>('select id from scale_restaurants where busy order by ord');
    for (let dayIndex = 0; dayIndex < BUSY_DAYS; dayIndex += 1) {
      const day = addDays(options.firstDay, BUSY_DAYS_OFFSET + dayIndex);
      await step(`busy day ${day}`, async () => {
        // The 500 set's busy days (its generator and seeds): 36 bookings on the smallest free table that seats each party.
        const input = {
          restaurants: [] as string[],
          tables: [] as string[],
          starts: [] as number[],
          durations: [] as number[],
          parties: [] as number[],
        };
        busyRows.forEach((row, restaurant) => {
          for (const booking of busyDay(restaurant * BUSY_DAYS + dayIndex + 1)) {
            input.restaurants.push(row.id);
            input.tables.push(booking.table);
            input.starts.push(booking.start);
            input.durations.push(booking.duration);
            input.parties.push(booking.partySize);
          }
        });
        const { rowCount } = await client.query(
          `insert into reservations (restaurant_id, table_label, date, guest_name, party_size, start_time, duration_minutes, starts_at, ends_at)
           select input.restaurant_id, input.table_label, $1::date, 'Guest ' || input.ord, input.party_size,
                  time '00:00' + make_interval(mins => input.start_minute), input.duration,
                  ($1::date + make_interval(mins => input.start_minute))::timestamp at time zone r.time_zone,
                  ($1::date + make_interval(mins => input.start_minute))::timestamp at time zone r.time_zone + make_interval(mins => input.duration)
             from unnest($2::uuid[], $3::text[], $4::int[], $5::int[], $6::int[])
                    with ordinality as input(restaurant_id, table_label, start_minute, duration, party_size, ord)
             join restaurants r on r.id = input.restaurant_id
            order by input.ord`,
          [day, input.restaurants, input.tables, input.starts, input.durations, input.parties],
        );
        reservations += rowCount ?? 0;
        return rowCount ?? 0;
      });
    }

    // As a running database would be: statistics for the planner, and the visibility map set, so that
    // index-only scans (the day counts) need not visit the heap.
    await step('vacuum analyze', async () => {
      for (const table of ['restaurants', 'restaurant_tables', 'reservations', 'cities', 'departments', 'settings']) {
        await client.query(`vacuum (analyze) ${table}`);
      }
      return reservations;
    });
    const { rows: idRows } = await client.query<{ id: string }>('select id from scale_restaurants order by ord');
    return {
      dataset: scaleDataset(
        idRows.map((row) => row.id),
        cityIds,
        options.firstDay,
      ),
      restaurants: idRows.length,
      reservations,
      seconds: secondsSince(loadStarted),
      steps,
    };
  } finally {
    await client.query(`drop table if exists ${PLAN_TABLES.join(', ')}`).catch(() => undefined);
    await client.end();
  }
}

/** The regular reservations of the days from `from` up to `to`, in one statement, in calendar order. */
async function insertRegular(client: pg.Client, from: string, to: string, firstDay: string): Promise<number> {
  // Table (i + k) mod 15 for a whole day, mod 20 for a turn at 20:00: one reservation a day per
  // restaurant, so no table is held twice. Days before firstDay are over: their bookings completed.
  const { rowCount } = await client.query(
    `insert into reservations (restaurant_id, table_label, date, guest_name, party_size, status, start_time, duration_minutes, starts_at, ends_at)
     select s.id,
            case when s.timed then ($3::text[])[1 + (b.ord + b.k) % cardinality($3::text[])]
                 else ($4::text[])[1 + (b.ord + b.k) % cardinality($4::text[])] end,
            b.day, 'Guest ' || (b.ord + 1) || '-' || (b.k + 1), $5::int,
            case when b.day < $8::date then 'completed' else 'confirmed' end,
            case when s.timed then $6::time end,
            case when s.timed then $7::int end,
            case when s.timed then (b.day + $6::time) at time zone r.time_zone else b.day::timestamp at time zone r.time_zone end,
            case when s.timed then (b.day + $6::time) at time zone r.time_zone + make_interval(mins => $7::int)
                 else (b.day + 1)::timestamp at time zone r.time_zone end
       from scale_bookings b
       join scale_restaurants s on s.ord = b.ord
       join restaurants r on r.id = s.id
      where b.day >= $1::date and b.day < $2::date
      order by b.day, b.ord`,
    [from, to, TIMED_TABLES.map((table) => table.label), TABLE_LABELS, REGULAR_PARTY, REGULAR_START, turnMinutes(REGULAR_PARTY), firstDay],
  );
  return rowCount ?? 0;
}

/**
 * The triggers judge every row by the stored limits: a load they refuse half-way would leave half a data
 * set, so the loader checks first that the busiest day fits (the phase raises the limits through the
 * settings before it loads).
 */
async function requireLimitsFor(client: pg.Client, busyRestaurants: number) {
  const { rows } = await client.query<{ per_day: number; global_daily_limit: number; restaurant_daily_limit: number }>(
    `select (select coalesce(max(n), 0) from (select count(*)::int as n from scale_bookings group by day) as days) as per_day,
            global_daily_limit, restaurant_daily_limit
       from settings where id = 1`,
  );
  const stored = rows[0];
  if (!stored) throw new Error('the settings row is missing: migrate the database first');
  const busiest = Math.max(stored.per_day, busyRestaurants * BOOKINGS_PER_BUSY_DAY);
  const perRestaurant = busyRestaurants > 0 ? BOOKINGS_PER_BUSY_DAY : 1;
  if (stored.global_daily_limit < busiest || stored.restaurant_daily_limit < perRestaurant) {
    throw new Error(
      `the stored limits (${stored.global_daily_limit} a day, ${stored.restaurant_daily_limit} a restaurant) are below the data set's busiest day (${busiest}, ${perRestaurant} at one restaurant): raise them through the settings first`,
    );
  }
}
