// The seed-SQL baseline (src/seed-baseline/) must answer the bench's two requests as the product does:
// the same restaurants in the same order, 201 for a booking and 409 for a refusal, decided by the
// limits stored in the settings row (set the bench's way), and exactly the limit kept when bookings race.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb, migrate, type DatabaseHandle } from '@tablebook/db';
import { createServer, type TablebookServer } from '@tablebook/server';
import { createTestDatabase, type TestDatabase } from '@tablebook/testing';
import { addDays, TABLE_LABELS } from '../src/dataset.ts';
import { setStoredLimits, type Limits } from '../src/limits.ts';
import { startSeedBaseline, type BenchServer } from '../src/processes.ts';

const TOKEN = 'seed-baseline-test';
const RAISED: Limits = { restaurantDailyLimit: 1000, globalDailyLimit: 100_000 };
const headers = { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` };
const postgresUrl = inject('postgresUrl');
const today = new Date().toISOString().slice(0, 10);

let testDatabase: TestDatabase | undefined;
let database: DatabaseHandle;
let server: TablebookServer;
let seed: BenchServer;
let psql: pg.Client;
let product = '';
const restaurantIds: string[] = [];

const storeLimits = (limits: Limits) => setStoredLimits({ serverUrl: product, adminToken: TOKEN }, limits);
const post = (base: string, path: string, body: unknown) =>
  fetch(`${base}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
const book = (base: string, restaurant: string, table: string, date: string) =>
  post(base, `/api/admin/restaurant/${restaurant}/reservations`, { table, date });
const storedOn = async (date: string) =>
  (await psql.query<{ n: number }>(`select count(*)::int as n from reservations where date = $1 and status <> 'cancelled'`, [date]))
    .rows[0]!.n;

beforeAll(async () => {
  if (!postgresUrl) return;
  testDatabase = await createTestDatabase(postgresUrl);
  database = createDb(testDatabase.url);
  await migrate(database);
  server = createServer({ database, settings: { timeZone: 'America/Bogota' }, logLevel: 'silent', port: 0, adminTokens: [TOKEN] });
  product = await server.start();
  await storeLimits(RAISED);
  // Two cities of one department and one of another: the seed's 1 + N lookups have something to find.
  for (const [name, cityId] of [
    ['Casa Semilla', 1],
    ['casa del Seed', 1],
    ['Casona', 1],
    ['Casa Lejana', 200],
  ] as const) {
    const response = await post(product, '/api/admin/restaurant', {
      name,
      address: 'Calle 1',
      description: 'x',
      photoUrl: 'https://example.com/x.jpg',
      cityId,
    });
    expect(response.status).toBe(201);
    restaurantIds.push(((await response.json()) as { data: { id: string } }).data.id);
  }
  seed = await startSeedBaseline(testDatabase.url);
  psql = new pg.Client({ connectionString: testDatabase.url });
  await psql.connect();
});

afterAll(async () => {
  await psql?.end();
  await seed?.stop();
  await server?.stop();
  await database?.close();
  await testDatabase?.drop();
});

describe.skipIf(!postgresUrl)('the seed-SQL baseline', () => {
  it('lists the restaurants the product lists, in its order, in the seed envelope with city and department', async () => {
    for (const query of ['startWith=cas&cityId=1', 'startWith=CASA&cityId=1', 'startWith=casa&cityId=200', 'startWith=zzz&cityId=1']) {
      const ours = (await (await fetch(`${product}/api/admin/restaurant?${query}`, { headers })).json()) as { data: { id: string }[] };
      const response = await fetch(`${seed.url}/api/admin/restaurant?${query}`);
      expect(response.status, query).toBe(200);
      const body = (await response.json()) as { status: string; data: { id: string; city: { name: string; deptName: string } }[] };
      expect(body.status).toBe('success');
      expect(
        body.data.map((row) => row.id),
        query,
      ).toEqual(ours.data.map((row) => row.id));
      for (const row of body.data) expect(row.city.deptName.length).toBeGreaterThan(0);
    }
  });

  it('books, refuses a taken table with 409 as the product does, and reads the stored limits from the settings', async () => {
    const date = addDays(today, 40);
    const [casa] = restaurantIds;
    const created = await book(seed.url, casa!, 'A0', date);
    expect(created.status).toBe(201);
    expect(((await created.json()) as { data: unknown }).data).toMatchObject({ table: 'A0', date, restaurant_id: casa });
    const again = await book(seed.url, casa!, 'A0', date);
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({
      status: 'error',
      message: 'Error al crear la reserva',
      data: expect.stringContaining('A0'),
    });
    expect((await book(product, casa!, 'A0', date)).status).toBe(409);
    await storeLimits({ ...RAISED, restaurantDailyLimit: 2 });
    try {
      expect((await book(seed.url, casa!, 'A1', date)).status).toBe(201);
      const over = await book(seed.url, casa!, 'A2', date);
      expect(over.status).toBe(409);
      expect(((await over.json()) as { data: string }).data).toMatch(/^Limite de reservas alcanzadas para el restaurante/);
    } finally {
      await storeLimits(RAISED);
    }
    expect(await storedOn(date)).toBe(2);
  });

  it('keeps exactly the stored limit when bookings race (the trigger refuses what the count let through: 409 too)', async () => {
    const date = addDays(today, 41);
    await storeLimits({ ...RAISED, globalDailyLimit: 5 });
    try {
      const statuses = await Promise.all(
        Array.from({ length: 24 }, async (_, index) => {
          const response = await book(seed.url, restaurantIds[index % 3]!, TABLE_LABELS[Math.floor(index / 3)]!, date);
          await response.arrayBuffer();
          return response.status;
        }),
      );
      expect(statuses.filter((status) => status === 201)).toHaveLength(5);
      expect(statuses.filter((status) => status === 409)).toHaveLength(19);
    } finally {
      await storeLimits(RAISED);
    }
    expect(await storedOn(date)).toBe(5);
  });
});
