import { createDb, migrate, reservations, type DatabaseHandle } from '@tablebook/db';
import { createTestDatabase, spawnServer, type SpawnedServer, type TestDatabase } from '@tablebook/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createServer, type TablebookServer } from '../src/app.ts';
import { DEFAULT_TABLES, restaurantBody } from './helpers.ts';

const postgresUrl = inject('postgresUrl');
const ATTEMPTS = 300;
const RESTAURANTS = 4;

interface Outcome {
  status: number;
  reason?: string;
  envelope: boolean;
}

async function createRestaurants(baseUrl: string, count: number, prefix: string): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const response = await fetch(`${baseUrl}/api/admin/restaurant`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(restaurantBody({ name: `${prefix} ${index}` })),
    });
    const body = (await response.json()) as { data: { id: string } };
    ids.push(body.data.id);
  }
  return ids;
}

/** 300 bookings for one day, spread over every restaurant and table (5 attempts per table), all at once. */
async function stampede(baseUrls: string[], restaurantIds: string[], day: string): Promise<Outcome[]> {
  const attempts = Array.from({ length: ATTEMPTS }, (_, index) => ({
    baseUrl: baseUrls[index % baseUrls.length]!,
    restaurantId: restaurantIds[index % restaurantIds.length]!,
    table: DEFAULT_TABLES[Math.floor(index / restaurantIds.length) % DEFAULT_TABLES.length]!,
  }));
  return Promise.all(
    attempts.map(async ({ baseUrl, restaurantId, table }) => {
      const response = await fetch(`${baseUrl}/api/admin/restaurant/${restaurantId}/reservations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ table, date: day }),
      });
      const body = (await response.json()) as { status?: string; data?: { reason?: string } };
      return {
        status: response.status,
        ...(body.data?.reason ? { reason: body.data.reason } : {}),
        envelope: body.status === (response.status === 201 ? 'success' : 'error'),
      };
    }),
  );
}

async function expectRulesHeld(database: DatabaseHandle, day: string, outcomes: Outcome[]) {
  const rows = await database.db
    .select({ restaurantId: reservations.restaurantId, table: reservations.tableLabel })
    .from(reservations)
    .where(sql`${reservations.date} = ${day}`);
  expect(rows).toHaveLength(20);
  expect(new Set(rows.map((row) => `${row.restaurantId}/${row.table}`)).size).toBe(rows.length);
  const perRestaurant = new Map<string, number>();
  for (const row of rows) perRestaurant.set(row.restaurantId, (perRestaurant.get(row.restaurantId) ?? 0) + 1);
  expect(Math.max(...perRestaurant.values())).toBeLessThanOrEqual(15);
  expect(outcomes.filter((outcome) => outcome.status === 201)).toHaveLength(20);
  const refusals = outcomes.filter((outcome) => outcome.status !== 201);
  expect(refusals).toHaveLength(ATTEMPTS - 20);
  for (const refusal of refusals) {
    expect(refusal.status).toBe(409);
    expect(['TABLE_ALREADY_BOOKED', 'GLOBAL_DAILY_LIMIT', 'RESTAURANT_DAILY_LIMIT']).toContain(refusal.reason);
  }
  expect(outcomes.every((outcome) => outcome.envelope)).toBe(true);
}

const ROUNDS = Number(process.env['CONCURRENCY_ROUNDS'] ?? 1);

describe.skipIf(!postgresUrl)('booking under concurrency on real PostgreSQL', () => {
  let testDatabase: TestDatabase;
  let database: DatabaseHandle;

  beforeAll(async () => {
    testDatabase = await createTestDatabase(postgresUrl);
    database = createDb(testDatabase.url);
  });
  afterAll(async () => {
    await database?.close();
    await testDatabase?.drop();
  });

  describe('one server process', () => {
    let server: TablebookServer;
    let serverDatabase: DatabaseHandle;
    let baseUrl: string;
    beforeAll(async () => {
      serverDatabase = createDb(testDatabase.url, { maxConnections: 10 });
      await migrate(serverDatabase);
      server = createServer({
        database: serverDatabase,
        settings: { restaurantDailyLimit: 15, globalDailyLimit: 20, timeZone: 'America/Bogota' },
        logLevel: 'silent',
        port: 0,
      });
      baseUrl = await server.start();
    });
    afterAll(async () => {
      await server?.stop();
      await serverDatabase?.close();
    });

    it(`stores exactly 20 of ${ATTEMPTS} simultaneous bookings for one day (x${ROUNDS})`, async () => {
      const restaurantIds = await createRestaurants(baseUrl, RESTAURANTS, 'Solo');
      for (let round = 0; round < ROUNDS; round += 1) {
        const day = `2040-01-${String(round + 1).padStart(2, '0')}`;
        const outcomes = await stampede([baseUrl], restaurantIds, day);
        await expectRulesHeld(database, day, outcomes);
      }
    });
  });

  describe('two server processes on one database', () => {
    let servers: SpawnedServer[] = [];
    beforeAll(async () => {
      // Both start at once on the same database: the migration lock lets one migrate.
      servers = await Promise.all([spawnServer({ DATABASE_URL: testDatabase.url, RATE_LIMIT: 'off' }), spawnServer({ DATABASE_URL: testDatabase.url, RATE_LIMIT: 'off' })]);
    });
    afterAll(async () => {
      await Promise.all(servers.map((server) => server.stop()));
    });

    it(`stores exactly 20 of ${ATTEMPTS} simultaneous bookings split across both (x${ROUNDS})`, async () => {
      const restaurantIds = await createRestaurants(servers[0]!.url, RESTAURANTS, 'Duo');
      for (let round = 0; round < ROUNDS; round += 1) {
        const day = `2041-01-${String(round + 1).padStart(2, '0')}`;
        const outcomes = await stampede(
          servers.map((server) => server.url),
          restaurantIds,
          day,
        );
        await expectRulesHeld(database, day, outcomes);
      }
    });
  });
});
