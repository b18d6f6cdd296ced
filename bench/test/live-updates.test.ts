// The live-updates phase's measurement (src/live-updates.ts) on two servers with their own database
// handles (and so their own listeners) on one PostgreSQL database: every booking made on one arrives on
// the other's stream, across a day boundary (a new day's stream), and is timed.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb, migrate, type DatabaseHandle } from '@tablebook/db';
import { createServer, type TablebookServer } from '@tablebook/server';
import { createTestDatabase, type TestDatabase } from '@tablebook/testing';
import { addDays } from '../src/dataset.ts';
import { measureLiveUpdates } from '../src/live-updates.ts';

const TOKEN = 'live-updates-test';
const headers = { authorization: `Bearer ${TOKEN}` };
const postgresUrl = inject('postgresUrl');

let testDatabase: TestDatabase | undefined;
const handles: DatabaseHandle[] = [];
const servers: TablebookServer[] = [];
const urls: string[] = [];
let restaurantId = '';

beforeAll(async () => {
  if (!postgresUrl) return;
  testDatabase = await createTestDatabase(postgresUrl);
  for (let index = 0; index < 2; index += 1) {
    const database = createDb(testDatabase.url);
    handles.push(database);
    if (index === 0) await migrate(database);
    const server = createServer({ database, settings: { timeZone: 'America/Bogota' }, logLevel: 'silent', port: 0, adminTokens: [TOKEN] });
    servers.push(server);
    urls.push(await server.start());
  }
  const response = await fetch(`${urls[1]}/api/admin/restaurant`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ name: 'Casa en Vivo', address: 'Calle 1', description: 'x', photoUrl: 'https://example.com/x.jpg', cityId: 1 }),
  });
  restaurantId = ((await response.json()) as { data: { id: string } }).data.id;
});

afterAll(async () => {
  for (const server of servers) await server.stop();
  for (const database of handles) await database.close();
  await testDatabase?.drop();
});

describe.skipIf(!postgresUrl)('live updates across two servers', () => {
  it('times every booking from its POST on one server to its event on the other, over two days', async () => {
    const result = await measureLiveUpdates({
      watcherUrl: urls[0]!,
      writerUrl: urls[1]!,
      restaurantId,
      firstDay: addDays(new Date().toISOString().slice(0, 10), 10),
      bookings: 17,
      headers,
    });
    expect(result.bookings).toBe(17);
    expect(result.delaysMs).toHaveLength(17);
    expect(Math.min(...result.delaysMs)).toBeGreaterThan(0);
    expect(result.medianMs).toBeLessThanOrEqual(result.p99Ms);
    expect(result.p99Ms).toBeLessThanOrEqual(result.maxMs);
  });
});
