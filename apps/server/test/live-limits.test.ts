// Issue 16, "system-wide capacity changes reach every open day page": a change of the limits themselves
// (PUT /api/admin/settings, a restaurant's own dailyLimit or pacing) reaches the open streams that asked
// with limits=true as {id, type: 'limits', restaurantId}, in id order with the bookings, from whichever
// process made it; after it the day's capacity read afresh is the new one. Each case runs on the
// embedded database (one process) and on real PostgreSQL with the change made on another process.
import { createDb, reservationEvents, type DatabaseHandle } from '@tablebook/db';
import { sql } from 'drizzle-orm';
import { createTestDatabase, openSse as openRawSse, spawnServer, type SpawnedServer, type TestDatabase } from '@tablebook/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { restaurantBody, useServer } from './helpers.ts';
import { fetchValidated, validatedSse } from './support/openapi-validator.ts';

const postgresUrl = inject('postgresUrl');
const HOURS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => ({ day, opens: '12:00', closes: '23:00' }));

type Stream = Awaited<ReturnType<typeof openRawSse>>;
/** Where streams are read and where the changes are made (another process on PostgreSQL), and their database. */
interface Processes {
  watcher: string;
  writer: string;
  database: DatabaseHandle;
}

const lastCommittedEvent = async (database: DatabaseHandle) =>
  Number((await database.db.select({ id: sql<string | null>`max(${reservationEvents.id})::text` }).from(reservationEvents))[0]?.id ?? 0);

const openSse = async (url: string, headers?: Record<string, string>) => validatedSse(url, await openRawSse(url, headers));

async function call(base: string, method: string, path: string, json?: unknown) {
  const response = await fetchValidated(`${base}${path}`, {
    method,
    ...(json === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(json) }),
  });
  const body = (await response.json()) as { data: any };
  expect(response.status, JSON.stringify(body)).toBeLessThan(300);
  return body.data;
}

/** The next item of a stream's data (a tRPC stream's own control messages skipped). */
async function nextItem(stream: Stream): Promise<Record<string, unknown>> {
  for (;;) {
    const event = await stream.next(5000);
    if (event.event === 'reservation' || (event.event === 'message' && event.id)) return JSON.parse(event.data);
  }
}

/**
 * Opens a stream and waits for its `ready`, at or after every event committed so far: the watching
 * process may not have heard the last change of the test before yet, and that change must not reach
 * this stream as if it were the next one.
 */
async function openReady(url: string, database: DatabaseHandle): Promise<{ stream: Stream; readyId: string }> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const committed = await lastCommittedEvent(database);
    const stream = await openSse(url);
    expect(stream.status).toBe(200);
    const ready = await nextItem(stream);
    expect(ready).toMatchObject({ type: 'ready' });
    if (Number(ready['id']) >= committed) return { stream, readyId: String(ready['id']) };
    stream.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the stream at ${url} never caught up with the committed events`);
}

function describeLimitStreams(where: string, processes: () => Processes) {
  describe(`limit changes on open streams (${where})`, () => {
    let casa = '';
    let otra = '';
    const streamsOf = (path: string) => `${processes().watcher}${path}`;
    const book = (restaurantId: string, table: string, date: string) =>
      call(processes().writer, 'POST', `/api/admin/restaurant/${restaurantId}/reservations`, { table, date, time: '19:00' });
    const putRestaurant = (id: string, name: string, fields: Record<string, unknown>) =>
      call(processes().writer, 'PUT', `/api/admin/restaurant/${id}`, restaurantBody({ name, hours: HOURS, ...fields }));
    const putSettings = (json: Record<string, number>) => call(processes().writer, 'PUT', '/api/admin/settings', json);
    const availability = (restaurantId: string, date: string) =>
      call(processes().watcher, 'GET', `/api/restaurants/${restaurantId}/availability?date=${date}`);

    beforeAll(async () => {
      await putSettings({ globalDailyLimit: 20, restaurantDailyLimit: 15 });
      casa = (await call(processes().writer, 'POST', '/api/admin/restaurant', restaurantBody({ name: 'Casa Límite', hours: HOURS }))).id;
      otra = (await call(processes().writer, 'POST', '/api/admin/restaurant', restaurantBody({ name: 'Otra Límite', hours: HOURS }))).id;
    });

    it("PUT /api/admin/settings reaches every restaurant's open day streams, guest and admin, and the day read afresh has the new numbers", async () => {
      const day = '2041-03-03';
      await book(casa, 'A0', day);
      const guest = await openReady(
        streamsOf(`/api/restaurants/${casa}/events?date=${day}&ready=true&systemCapacity=true&limits=true`),
        processes().database,
      );
      const host = await openReady(
        streamsOf(`/api/admin/restaurant/${otra}/events?date=${day}&ready=true&limits=true`),
        processes().database,
      );
      try {
        expect(await availability(casa, day)).toMatchObject({ restaurantRemaining: 14, globalRemaining: 19 });
        await putSettings({ globalDailyLimit: 5 });
        expect(await nextItem(guest.stream)).toMatchObject({ type: 'limits', restaurantId: null });
        expect(await nextItem(host.stream)).toMatchObject({ type: 'limits', restaurantId: null });
        expect(await availability(casa, day)).toMatchObject({ restaurantRemaining: 14, globalRemaining: 4 });

        await putSettings({ restaurantDailyLimit: 2 });
        const item = await nextItem(guest.stream);
        expect(item).toEqual({ id: expect.any(Number), type: 'limits', restaurantId: null });
        expect(await nextItem(host.stream)).toMatchObject({ type: 'limits', restaurantId: null });
        expect(await availability(casa, day)).toMatchObject({ restaurantRemaining: 1, globalRemaining: 4 });

        // The same values again change nothing and say nothing: the next item is the next booking.
        await putSettings({ restaurantDailyLimit: 2, globalDailyLimit: 5 });
        await book(otra, 'B1', day);
        expect(await nextItem(guest.stream)).toMatchObject({ type: 'capacity', date: day, globalRemaining: 3 });
        expect(await nextItem(host.stream)).toMatchObject({ type: 'created', reservation: { table: 'B1' } });
      } finally {
        guest.stream.close();
        host.stream.close();
        await putSettings({ globalDailyLimit: 20, restaurantDailyLimit: 15 });
      }
    });

    it("a restaurant's own dailyLimit or pacing reaches that restaurant's streams, not another's", async () => {
      const day = '2041-04-04';
      const mine = await openReady(
        streamsOf(`/api/restaurants/${casa}/events?date=${day}&ready=true&systemCapacity=true&limits=true`),
        processes().database,
      );
      const theirs = await openReady(
        streamsOf(`/api/restaurants/${otra}/events?date=${day}&ready=true&systemCapacity=true&limits=true`),
        processes().database,
      );
      try {
        await putRestaurant(casa, 'Casa Límite', { dailyLimit: 3 });
        expect(await nextItem(mine.stream)).toEqual({ id: expect.any(Number), type: 'limits', restaurantId: casa });
        expect(await availability(casa, day)).toMatchObject({ restaurantRemaining: 3 });

        await putRestaurant(casa, 'Casa Límite', { dailyLimit: 3, pacing: { intervalMinutes: 30, maxCovers: 4 } });
        expect(await nextItem(mine.stream)).toMatchObject({ type: 'limits', restaurantId: casa });
        // Resent unchanged (a form saved again), or a save that leaves them out: nothing to tell.
        await putRestaurant(casa, 'Casa Límite', { dailyLimit: 3, pacing: { intervalMinutes: 30, maxCovers: 4 } });
        await putRestaurant(casa, 'Casa Límite', { description: 'Otra descripción' });
        await putRestaurant(casa, 'Casa Límite', { dailyLimit: null, pacing: null });
        expect(await nextItem(mine.stream)).toMatchObject({ type: 'limits', restaurantId: casa });

        // The other restaurant heard none of it: its next item is its own booking.
        await book(otra, 'A2', day);
        expect(await nextItem(theirs.stream)).toMatchObject({ type: 'created', restaurantId: otra, table: 'A2' });
      } finally {
        mine.stream.close();
        theirs.stream.close();
      }
    });

    it("a stream across restaurants for one day (guest.onDayChange) hears every restaurant's limits", async () => {
      const day = '2041-05-05';
      const input = encodeURIComponent(JSON.stringify({ date: day, ready: true, limits: true }));
      const search = await openReady(streamsOf(`/trpc/guest.onDayChange?input=${input}`), processes().database);
      try {
        await putRestaurant(otra, 'Otra Límite', { dailyLimit: 9 });
        expect(await nextItem(search.stream)).toMatchObject({ type: 'limits', restaurantId: otra });
        await putSettings({ globalDailyLimit: 25 });
        expect(await nextItem(search.stream)).toMatchObject({ type: 'limits', restaurantId: null });
      } finally {
        search.stream.close();
        await putRestaurant(otra, 'Otra Límite', { dailyLimit: null });
        await putSettings({ globalDailyLimit: 20 });
      }
    });

    it("deleting a restaurant frees the system's capacity: every restaurant's open streams hear it as the stored limits' change", async () => {
      const day = '2041-07-07';
      const gone = (
        await call(processes().writer, 'POST', '/api/admin/restaurant', restaurantBody({ name: 'Cierra Pronto', hours: HOURS }))
      ).id as string;
      await book(gone, 'A0', day);
      await book(gone, 'A1', day);
      const watching = await openReady(
        streamsOf(`/api/restaurants/${casa}/events?date=${day}&ready=true&systemCapacity=true&limits=true`),
        processes().database,
      );
      try {
        expect(await availability(casa, day)).toMatchObject({ globalRemaining: 18 });
        await call(processes().writer, 'DELETE', `/api/admin/restaurant/${gone}`);
        expect(await nextItem(watching.stream)).toEqual({ id: expect.any(Number), type: 'limits', restaurantId: null });
        expect(await availability(casa, day)).toMatchObject({ globalRemaining: 20 });
      } finally {
        watching.stream.close();
      }
    });

    it('sends no limits item to a stream that did not ask (an older reader), and replays one to a stream resuming from before it', async () => {
      const day = '2041-06-06';
      const { stream: first, readyId } = await openReady(
        streamsOf(`/api/restaurants/${casa}/events?date=${day}&ready=true&limits=true`),
        processes().database,
      );
      const older = await openSse(streamsOf(`/api/restaurants/${casa}/events?date=${day}`));
      first.close();
      try {
        await putSettings({ globalDailyLimit: 30 });
        await book(casa, 'A3', day);
        expect(await nextItem(older)).toMatchObject({ type: 'created', table: 'A3' });

        // Back after the change: resumed from its last id, it gets the change, then the booking.
        const resumed = await openSse(streamsOf(`/api/restaurants/${casa}/events?date=${day}&ready=true&limits=true`), {
          'last-event-id': readyId,
        });
        try {
          expect(await nextItem(resumed)).toMatchObject({ type: 'ready', resumed: true });
          expect(await nextItem(resumed)).toMatchObject({ type: 'limits', restaurantId: null });
          expect(await nextItem(resumed)).toMatchObject({ type: 'created', table: 'A3' });
        } finally {
          resumed.close();
        }
      } finally {
        older.close();
        await putSettings({ globalDailyLimit: 20 });
      }
    });
  });
}

describe('embedded database, one process', () => {
  const running = useServer();
  describeLimitStreams('PGlite', () => ({ watcher: running().url, writer: running().url, database: running().database }));

  it('documents the limits flag and item on both restaurant streams', async () => {
    const document = (await (await fetch(`${running().url}/api/openapi.json`)).json()) as { paths: Record<string, any> };
    for (const path of ['/restaurants/{id}/events', '/admin/restaurant/{id}/events']) {
      const operation = document.paths[path].get;
      const flag = operation.parameters.find((parameter: { name: string }) => parameter.name === 'limits');
      expect(flag).toMatchObject({ in: 'query', schema: { type: 'boolean' } });
      expect(flag.description).toContain("{id, type: 'limits', restaurantId}");
      expect(operation.description).toContain('limits=true');
      const items = operation.responses['200']['x-event-data-schema'].anyOf;
      expect(items).toContainEqual(
        expect.objectContaining({
          required: ['id', 'type', 'restaurantId'],
          properties: expect.objectContaining({ type: expect.objectContaining({ const: 'limits' }) }),
        }),
      );
    }
  });
});

describe.skipIf(!postgresUrl)('real PostgreSQL, two server processes', () => {
  let testDatabase: TestDatabase;
  let watcher: SpawnedServer | undefined;
  let writer: SpawnedServer | undefined;
  let database: DatabaseHandle | undefined;
  beforeAll(async () => {
    testDatabase = await createTestDatabase(postgresUrl);
    database = createDb(testDatabase.url);
    [watcher, writer] = await Promise.all([
      spawnServer({ DATABASE_URL: testDatabase.url, RATE_LIMIT: 'off' }),
      spawnServer({ DATABASE_URL: testDatabase.url, RATE_LIMIT: 'off' }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([watcher?.stop(), writer?.stop()]);
    await database?.close();
    await testDatabase?.drop();
  });
  describeLimitStreams('PostgreSQL, changed on another process', () => {
    if (!watcher || !writer || !database) throw new Error('the servers did not start');
    return { watcher: watcher.url, writer: writer.url, database };
  });
});
