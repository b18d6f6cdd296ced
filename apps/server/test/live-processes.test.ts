import { createDb, type DatabaseHandle, LISTENER_APPLICATION_NAME, queryRows } from '@tablebook/db';
import { createTestDatabase, openSse as openRawSse, spawnServer, type SpawnedServer, type TestDatabase } from '@tablebook/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEFAULT_TABLES, restaurantBody } from './helpers.ts';
import { fetchValidated, validatedSse } from './support/openapi-validator.ts';

const openSse = async (url: string, headers?: Record<string, string>) => validatedSse(url, await openRawSse(url, headers));

const postgresUrl = inject('postgresUrl');
const BOOKINGS = Number(process.env['LIVE_BOOKINGS'] ?? 100);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

describe.skipIf(!postgresUrl)('live updates across two server processes on real PostgreSQL', () => {
  let testDatabase: TestDatabase;
  let database: DatabaseHandle;
  let watcher: SpawnedServer;
  let writer: SpawnedServer;
  const restaurantIds: string[] = [];

  const book = async (restaurantId: string, table: string, date: string) => {
    const response = await fetchValidated(`${writer.url}/api/admin/restaurant/${restaurantId}/reservations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ table, date }),
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { data: { id: string } }).data;
  };

  beforeAll(async () => {
    testDatabase = await createTestDatabase(postgresUrl);
    database = createDb(testDatabase.url);
    [watcher, writer] = await Promise.all([
      spawnServer({ DATABASE_URL: testDatabase.url, RATE_LIMIT: 'off' }),
      spawnServer({ DATABASE_URL: testDatabase.url, RATE_LIMIT: 'off' }),
    ]);
    for (let index = 0; index < 8; index += 1) {
      const response = await fetchValidated(`${writer.url}/api/admin/restaurant`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(restaurantBody({ name: `Live ${index}` })),
      });
      restaurantIds.push(((await response.json()) as { data: { id: string } }).data.id);
    }
  });
  afterAll(async () => {
    await Promise.all([watcher?.stop(), writer?.stop()]);
    await database?.close();
    await testDatabase?.drop();
  });

  it(`delivers a booking made on one process to a stream on the other in under a second (${BOOKINGS} bookings)`, async () => {
    const restaurantId = restaurantIds[0]!;
    const stream = await openSse(`${watcher.url}/api/restaurants/${restaurantId}/events`);
    const delays: number[] = [];
    try {
      for (let index = 0; index < BOOKINGS; index += 1) {
        // 15 tables a day: walk through the days so every booking is accepted.
        const date = new Date(Date.UTC(2050, 0, 1 + Math.floor(index / 15))).toISOString().slice(0, 10);
        const sent = performance.now();
        await book(restaurantId, DEFAULT_TABLES[index % 15]!, date);
        const event = await stream.next(2000);
        expect(JSON.parse(event.data)).toMatchObject({ type: 'created', date });
        delays.push(event.receivedAt - sent);
      }
    } finally {
      stream.close();
    }
    const sorted = [...delays].sort((a, b) => a - b);
    console.info(
      `[live] request-to-event delay over ${delays.length} bookings: median ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, worst ${sorted.at(-1)!.toFixed(1)} ms`,
    );
    expect(sorted.at(-1)!).toBeLessThan(1000);
  });

  it('a client that reconnects with its last event id gets every event it missed, once', async () => {
    const restaurantId = restaurantIds[1]!;
    const date = '2051-02-02';
    const first = await openSse(`${watcher.url}/api/admin/restaurant/${restaurantId}/events?date=${date}`);
    await book(restaurantId, 'A0', date);
    const lastSeen = (await first.next()).id!;
    first.close();
    const missed = [];
    for (const table of ['A1', 'A2', 'A3', 'B0']) missed.push((await book(restaurantId, table, date)).id);
    const resumed = await openSse(`${watcher.url}/api/admin/restaurant/${restaurantId}/events?date=${date}`, { 'last-event-id': lastSeen });
    try {
      const received = [];
      for (let index = 0; index < missed.length; index += 1) received.push(JSON.parse((await resumed.next()).data).reservation.id);
      expect(received).toEqual(missed);
      await expect(resumed.next(400)).rejects.toThrow(/no event/);
    } finally {
      resumed.close();
    }
  });

  it('keeps delivering after the listening connection is cut (as when the database restarts)', async () => {
    const restaurantId = restaurantIds[2]!;
    const stream = await openSse(`${watcher.url}/api/restaurants/${restaurantId}/events`);
    try {
      const cut = await queryRows<{ terminated: boolean }>(
        database.db,
        sql`select pg_terminate_backend(pid) as terminated from pg_stat_activity
            where datname = current_database() and application_name = ${LISTENER_APPLICATION_NAME}`,
      );
      expect(cut.length).toBeGreaterThanOrEqual(2);
      // Booked while the listeners may still be reconnecting: caught up from the stored events.
      await book(restaurantId, 'C0', '2052-03-03');
      const event = await stream.next(5000);
      expect(JSON.parse(event.data)).toMatchObject({ type: 'created', takenTables: ['C0'] });
      await book(restaurantId, 'C1', '2052-03-03');
      expect(JSON.parse((await stream.next(5000)).data).takenTables).toEqual(['C0', 'C1']);
    } finally {
      stream.close();
    }
  });
});
