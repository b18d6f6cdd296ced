// The benchmark's baseline claims to run the product's SQL: this captures what the product sends for
// one request of each scenario and compares it, statement for statement, with the baseline's list.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb, migrate, type DatabaseHandle } from '@tablebook/db';
import { createServer, type TablebookServer } from '@tablebook/server';
import { createTestDatabase, type TestDatabase } from '@tablebook/testing';
import { statementsPerScenario } from '../src/baseline/statements.ts';
import { addDays } from '../src/dataset.ts';

const TOKEN = 'baseline-sql-test';
const headers = { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` };
/** The live-update hub reads new events after each commit; that is not the request's own SQL. */
const isHubCatchUp = (statement: string) => /from "reservation_events" where "reservation_events"."id" > \$1/.test(statement);

const postgresUrl = inject('postgresUrl');
let testDatabase: TestDatabase | undefined;
let database: DatabaseHandle;
let server: TablebookServer;
let base = '';
let statements: string[] = [];
let restaurantId = '';
const day = addDays(new Date().toISOString().slice(0, 10), 30);

beforeAll(async () => {
  if (!postgresUrl) return;
  testDatabase = await createTestDatabase(postgresUrl);
  database = createDb(testDatabase.url, { logQuery: (query) => statements.push(query) });
  await migrate(database);
  server = createServer({
    database,
    settings: { restaurantDailyLimit: 1000, globalDailyLimit: 100_000, timeZone: 'America/Bogota' },
    logLevel: 'silent',
    port: 0,
    adminTokens: [TOKEN],
  });
  base = await server.start();
  const created = await fetch(`${base}/api/admin/restaurant`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ name: 'Casa Baseline', address: 'Calle 1', description: 'x', photoUrl: 'https://example.com/x.jpg', cityId: 1 }),
  });
  restaurantId = ((await created.json()) as { data: { id: string } }).data.id;
});

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
});
