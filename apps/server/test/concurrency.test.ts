import { createDb, migrate, reservations, type DatabaseHandle } from '@tablebook/db';
import { createTestDatabase, spawnServer, type SpawnedServer, type TestDatabase } from '@tablebook/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { createServer, type TablebookServer } from '../src/app.ts';
import { createRestaurants, expectRulesHeld, stampede, STAMPEDE_ATTEMPTS as ATTEMPTS, type BookingOutcome } from './stampede.ts';

const postgresUrl = inject('postgresUrl');
const RESTAURANTS = 4;

/** The day's stored reservations, checked with the answers against the rules. */
async function expectRulesHeldOn(database: DatabaseHandle, day: string, outcomes: BookingOutcome[]) {
  const rows = await database.db
    .select({ restaurantId: reservations.restaurantId, table: reservations.tableLabel })
    .from(reservations)
    .where(sql`${reservations.date} = ${day}`);
  expectRulesHeld(rows, outcomes);
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
        settings: { timeZone: 'America/Bogota' },
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
        await expectRulesHeldOn(database, day, outcomes);
      }
    });
  });

  describe('two server processes on one database', () => {
    let servers: SpawnedServer[] = [];
    beforeAll(async () => {
      // Both start at once on the same database: the migration lock lets one migrate.
      servers = await Promise.all([
        spawnServer({ DATABASE_URL: testDatabase.url, RATE_LIMIT: 'off' }),
        spawnServer({ DATABASE_URL: testDatabase.url, RATE_LIMIT: 'off' }),
      ]);
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
        await expectRulesHeldOn(database, day, outcomes);
      }
    });
  });
});
