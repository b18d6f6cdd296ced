// The benchmark's baseline claims to run the product's SQL: this captures what the product sends for
// one request of each scenario and compares it, statement for statement, with the baseline's list.
// Then it starts the baseline on the same database and checks it answers every scenario, that its
// slots (its own arithmetic, see src/baseline/slots.ts) are the product's, and that both decide by the
// limits stored in the settings row (set the bench's way, src/limits.ts), a change applying to both at once.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb, migrate, type DatabaseHandle } from '@tablebook/db';
import { createServer, type TablebookServer } from '@tablebook/server';
import { createTestDatabase, type TestDatabase } from '@tablebook/testing';
import { statementsPerScenario } from '../src/baseline/statements.ts';
import { addDays, TIMED_CALENDAR, TIMED_TABLES } from '../src/dataset.ts';
import { setStoredLimits, type Limits } from '../src/limits.ts';
import { startBaseline, type BenchServer } from '../src/processes.ts';

const TOKEN = 'baseline-sql-test';
const LIMITS: Limits = { restaurantDailyLimit: 1000, globalDailyLimit: 100_000 };
const headers = { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` };
/** The whole-day restaurant's body (a PUT gives it again with a dailyLimit). */
const CASA_BASELINE = { name: 'Casa Baseline', address: 'Calle 1', description: 'x', photoUrl: 'https://example.com/x.jpg', cityId: 1 };
/** The live-update hub reads new events after each commit; that is not the request's own SQL. */
const isHubCatchUp = (statement: string) => /from "reservation_events" where "reservation_events"."id" > \$1/.test(statement);

const postgresUrl = inject('postgresUrl');
let testDatabase: TestDatabase | undefined;
let database: DatabaseHandle;
let server: TablebookServer;
let base = '';
let statements: string[] = [];
let restaurantId = '';
let timedId = '';
const day = addDays(new Date().toISOString().slice(0, 10), 30);

beforeAll(async () => {
  if (!postgresUrl) return;
  testDatabase = await createTestDatabase(postgresUrl);
  database = createDb(testDatabase.url, { logQuery: (query) => statements.push(query) });
  await migrate(database);
  server = createServer({
    database,
    settings: { timeZone: 'America/Bogota' },
    logLevel: 'silent',
    port: 0,
    adminTokens: [TOKEN],
  });
  base = await server.start();
  await storeLimits(LIMITS);
  const created = await fetch(`${base}/api/admin/restaurant`, {
    method: 'POST',
    headers,
    body: JSON.stringify(CASA_BASELINE),
  });
  restaurantId = ((await created.json()) as { data: { id: string } }).data.id;
  const timed = await fetch(`${base}/api/admin/restaurant`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      name: 'Casa a la Hora',
      address: 'Calle 2',
      description: 'x',
      photoUrl: 'https://example.com/y.jpg',
      cityId: 1,
      tables: TIMED_TABLES,
      ...TIMED_CALENDAR,
    }),
  });
  timedId = ((await timed.json()) as { data: { id: string } }).data.id;
  // A few bookings, so that some slots have fewer free tables and some none: the six-seat tables at
  // lunch, four-seat ones around 20:00, and a two-seat table held from lunch through dinner.
  const bookings = [
    ...Array.from({ length: 4 }, () => ({ date: day, time: '12:00', partySize: 6 })),
    ...['19:30', '19:45', '20:00', '20:00', '20:15', '20:30', '21:00'].map((time) => ({ date: day, time, partySize: 4 })),
    { date: day, time: '13:00', partySize: 2, table: 'A0', durationMinutes: 600 },
  ];
  for (const booking of bookings) {
    const response = await fetch(`${base}/api/admin/restaurant/${timedId}/reservations`, {
      method: 'POST',
      headers,
      body: JSON.stringify(booking),
    });
    expect(response.status).toBe(201);
  }
});

/** The limits, stored the way pnpm bench stores them before each phase. */
const storeLimits = (limits: Limits) => setStoredLimits({ serverUrl: base, adminToken: TOKEN }, limits);

afterAll(async () => {
  await server?.stop();
  await database?.close();
  await testDatabase?.drop();
});

async function captured(path: string, init: RequestInit = {}): Promise<string[]> {
  statements = [];
  const response = await fetch(`${base}${path}`, { headers, ...init });
  expect(response.status).toBeLessThan(300);
  await response.arrayBuffer();
  const sent = statements.filter((statement) => !isHubCatchUp(statement));
  if (process.env['PRINT_SQL']) console.log(JSON.stringify(sent, null, 1));
  return sent;
}

// On PostgreSQL, the benchmark's database (PGlite's driver runs transactions without a visible begin/commit).
describe.skipIf(!postgresUrl)('the baseline runs the same SQL as the product', () => {
  it('search by name prefix and city', async () => {
    expect(await captured('/api/admin/restaurant?startWith=cas&cityId=1')).toEqual(statementsPerScenario['search-prefix-city']);
  });

  it('search by date and minimum availability', async () => {
    expect(await captured(`/api/admin/restaurant?date=${day}&aviability=3&limit=20`)).toEqual(statementsPerScenario['search-availability']);
  });

  it("a restaurant's reservations for a day", async () => {
    expect(await captured(`/api/admin/restaurant/${restaurantId}/reservations?date=${day}`)).toEqual(
      statementsPerScenario['day-reservations'],
    );
  });

  it('create a reservation', async () => {
    const sent = await captured(`/api/admin/restaurant/${restaurantId}/reservations`, {
      method: 'POST',
      body: JSON.stringify({ table: 'A1', date: day }),
    });
    expect(sent).toEqual(statementsPerScenario['create-reservation']);
  });

  it('the slots of a day', async () => {
    const sent = await captured(`/api/restaurants/${timedId}/slots?date=${day}&partySize=4`);
    expect(sent).toEqual(statementsPerScenario['day-slots']);
  });

  it('the time search', async () => {
    const sent = await captured(`/api/restaurants?date=${day}&time=20:00&partySize=4&limit=20`);
    expect(sent).toEqual(statementsPerScenario['time-search']);
  });
});

describe.skipIf(!postgresUrl)("the baseline answers each scenario, with the product's slots", () => {
  let baseline: BenchServer;
  beforeAll(async () => {
    baseline = await startBaseline(testDatabase!.url, LIMITS);
  });
  afterAll(async () => {
    await baseline?.stop();
  });

  const answer = async (url: string, init: RequestInit = {}) => {
    const response = await fetch(url, { headers, ...init });
    expect(response.status, url).toBeLessThan(300);
    return (await response.json()) as any;
  };

  it('answers the searches, the day and a booking', async () => {
    await answer(`${baseline.url}/api/admin/restaurant?startWith=cas&cityId=1`);
    await answer(`${baseline.url}/api/admin/restaurant?date=${day}&aviability=3&limit=20`);
    expect(await answer(`${baseline.url}/api/admin/restaurant/${restaurantId}/reservations?date=${day}`)).toHaveLength(1);
    await answer(`${baseline.url}/api/admin/restaurant/${restaurantId}/reservations`, {
      method: 'POST',
      body: JSON.stringify({ table: 'A2', date: day }),
    });
    const again = await fetch(`${baseline.url}/api/admin/restaurant/${restaurantId}/reservations`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ table: 'A2', date: day }),
    });
    expect(again.status).toBe(409);
  });

  it.each([1, 2, 4, 6])('the slots of a day for %i', async (partySize) => {
    const path = `/api/restaurants/${timedId}/slots?date=${day}&partySize=${partySize}`;
    const product = (await answer(`${base}${path}`)).data;
    expect(product.slots.length).toBeGreaterThan(0);
    if (partySize === 6) expect(product.slots.filter((slot: any) => slot.reason === 'NO_TABLE_AVAILABLE')).toHaveLength(3);
    expect(await answer(`${baseline.url}${path}`)).toEqual(product);
  });

  // At 22:30 the last dinner slot for four (21:00) is 90 minutes away: the restaurant is left out.
  it.each([
    ['13:00', 1],
    ['20:00', 1],
    ['22:30', 0],
  ])('the time search at %s', async (time, found) => {
    const path = `/api/restaurants?date=${day}&time=${time}&partySize=4&limit=20`;
    const product = (await answer(`${base}${path}`)).data.map((restaurant: any) => ({ id: restaurant.id, slots: restaurant.slots }));
    expect(product).toHaveLength(found);
    if (found) expect(product[0].slots.length).toBeGreaterThan(0);
    const ours = (await answer(`${baseline.url}${path}`)).map((row: any[]) => ({ id: row[0], slots: row.at(-1) }));
    expect(ours).toEqual(product);
  });

  describe('the stored limits', () => {
    const book = (url: string, restaurant: string, table: string) =>
      fetch(`${url}/api/admin/restaurant/${restaurant}/reservations`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ table, date: day }),
      });
    /** The product's refusal: 409 and its reason. */
    const refusalOf = async (response: Response) => {
      expect(response.status).toBe(409);
      return ((await response.json()) as { data: { reason: string } }).data.reason;
    };
    const slotsOf = async (url: string) => {
      const body = await answer(`${url}/api/restaurants/${timedId}/slots?date=${day}&partySize=2`);
      return (body.data ?? body).slots as { reason?: string | null }[];
    };
    // Straight to the database: the day's count, as psql would read it.
    let psql: pg.Client;
    beforeAll(async () => {
      psql = new pg.Client({ connectionString: testDatabase!.url });
      await psql.connect();
    });
    afterAll(async () => {
      await psql?.end();
      await storeLimits(LIMITS);
    });
    const liveOn = async (restaurant?: string) => {
      const { rows } = await psql.query<{ n: number }>(
        `select count(*)::int as n from reservations where date = $1 and status <> 'cancelled' and ($2::uuid is null or restaurant_id = $2)`,
        [day, restaurant ?? null],
      );
      return rows[0]!.n;
    };
    /** Casa Baseline's own dailyLimit (null: the stored default), through the product's PUT. */
    const ownLimit = async (dailyLimit: number | null) => {
      const response = await fetch(`${base}/api/admin/restaurant/${restaurantId}`, {
        method: 'PUT',
        headers,
        body: JSON.stringify({ ...CASA_BASELINE, dailyLimit }),
      });
      expect(response.status).toBe(200);
      expect(((await response.json()) as { data: { dailyLimit: number | null } }).data.dailyLimit).toBe(dailyLimit);
    };

    it("a restaurant's limit, set through the settings, refuses the next booking on both servers", async () => {
      // Casa Baseline has A1 (the product's) and A2 (the baseline's) that day.
      expect(await liveOn(restaurantId)).toBe(2);
      await storeLimits({ ...LIMITS, restaurantDailyLimit: 2 });
      expect((await book(baseline.url, restaurantId, 'A3')).status).toBe(409);
      expect(await refusalOf(await book(base, restaurantId, 'A3'))).toBe('RESTAURANT_DAILY_LIMIT');
      // The timed restaurant's 12 bookings are over the new default too: no slot is bookable, for the same reason.
      const product = await slotsOf(base);
      expect(product.filter((slot) => slot.reason === 'RESTAURANT_DAILY_LIMIT').length).toBeGreaterThan(0);
      expect(product.filter((slot) => slot.reason === null || slot.reason === undefined)).toHaveLength(0);
      expect(await slotsOf(baseline.url)).toEqual(product);
    });

    it("the restaurant's own dailyLimit (PUT) overrides the stored default, for the baseline as for the product", async () => {
      await storeLimits({ ...LIMITS, restaurantDailyLimit: 2 });
      await ownLimit(3);
      expect((await book(baseline.url, restaurantId, 'A3')).status).toBe(201);
      expect((await book(baseline.url, restaurantId, 'B0')).status).toBe(409);
      expect(await refusalOf(await book(base, restaurantId, 'B0'))).toBe('RESTAURANT_DAILY_LIMIT');
      expect(await liveOn(restaurantId)).toBe(3);
    });

    it("the system's limit, set through the settings, refuses bookings and empties the availability search on both", async () => {
      const global = await liveOn();
      await storeLimits({ ...LIMITS, globalDailyLimit: global });
      await ownLimit(null);
      expect((await book(baseline.url, restaurantId, 'B1')).status).toBe(409);
      expect(await refusalOf(await book(base, restaurantId, 'B1'))).toBe('GLOBAL_DAILY_LIMIT');
      const search = `/api/admin/restaurant?date=${day}&aviability=1&limit=20`;
      expect((await answer(`${base}${search}`)).data).toEqual([]);
      expect(await answer(`${baseline.url}${search}`)).toEqual([]);
      const product = await slotsOf(base);
      expect(product.filter((slot) => slot.reason === 'GLOBAL_DAILY_LIMIT').length).toBeGreaterThan(0);
      expect(await slotsOf(baseline.url)).toEqual(product);
      expect(await liveOn()).toBe(global);
    });
  });
});
