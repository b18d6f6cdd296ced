// Issue 15, the review's findings over the api, each on a real Fastify server over a fresh database of
// the real PostgreSQL: the api still books (and the limits hold) when the database's default isolation
// is REPEATABLE READ; the bookings it writes on daylight-saving days pass the trigger's time check; a
// zone change keeps local times over a lowered pacing; a PUT resending the stored calendar does not
// wait for bookings in flight, while a real change does; layout saves listing tables in reverse label
// order, removing one and resizing others, meet bookings without a deadlock.
import { createDb, type DatabaseHandle, queryRows } from '@tablebook/db';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { expectErrorEnvelope, expectSuccessEnvelope, type JsonResponse, request, restaurantBody } from './helpers.ts';
import { startRealServer, useRealServer } from './support/real-server.ts';
import { deadlocks, formatTally, quiesce, tally } from './support/storm-rules.ts';

const postgresUrl = inject('postgresUrl');
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const everyDay = (opens: string, closes: string) => WEEKDAYS.map((day) => ({ day, opens, closes }));

type Call = (method: string, path: string, options?: Parameters<typeof request>[3]) => Promise<JsonResponse>;
const caller =
  (url: () => string): Call =>
  (method, path, options) =>
    request(url(), method, path, options);

const createRestaurant = async (call: Call, body: Record<string, unknown>): Promise<string> =>
  expectSuccessEnvelope(await call('POST', '/api/admin/restaurant', { json: restaurantBody(body) }), 201).id;

const book = (call: Call, restaurantId: string, json: Record<string, unknown>, headers?: Record<string, string>) =>
  call('POST', `/api/admin/restaurant/${restaurantId}/reservations`, { json, ...(headers ? { headers } : {}) });

/** A transaction of its own, as a booking in flight holds the restaurant row: FOR KEY SHARE until it ends. */
async function holdKeyShare(databaseUrl: string, restaurantId: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query('begin');
  await client.query('select id from restaurants where id = $1 for key share', [restaurantId]);
  return {
    async release() {
      await client.query('commit');
      await client.end();
    },
  };
}

/** The answer, or 'pending' if none came within `ms`. */
const within = <T>(promise: Promise<T>, ms: number): Promise<T | 'pending'> =>
  Promise.race([promise, new Promise<'pending'>((resolve) => setTimeout(() => resolve('pending'), ms))]);

describe.skipIf(!postgresUrl)('the api on a database whose default isolation is REPEATABLE READ', () => {
  const running = useRealServer(postgresUrl, async (testDatabase) => {
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    try {
      await admin.query(`alter database ${testDatabase.name} set default_transaction_isolation = 'repeatable read'`);
    } finally {
      await admin.end();
    }
  });
  const call = caller(() => running().url);

  it('books, books idempotently, moves and changes the zone (201, 201, 200, 200), and six bookings at once over a daily limit of 2 store 2', async () => {
    // Every connection of the server's pool was opened after the ALTER: it starts in REPEATABLE READ.
    const [shown] = await queryRows<{ level: string }>(
      running().database.db,
      sql`select current_setting('transaction_isolation') as level`,
    );
    expect(shown!.level).toBe('repeatable read');

    const date = '2031-03-05';
    const restaurant = await createRestaurant(call, { name: 'Lectura Repetible', dailyLimit: 2 });
    expectSuccessEnvelope(await book(call, restaurant, { table: 'A0', date }), 201);
    const timed = await createRestaurant(call, { name: 'Lectura Repetible Turnos', hours: everyDay('18:00', '23:00') });
    const first = expectSuccessEnvelope(await book(call, timed, { date, time: '19:00', partySize: 2 }, { 'idempotency-key': 'rr-1' }), 201);
    const moved = expectSuccessEnvelope(
      await call('PATCH', `/api/admin/restaurant/${timed}/reservations/${first.id}`, { json: { date: '2031-03-06', time: '20:00' } }),
    );
    expect(moved).toMatchObject({ date: '2031-03-06', time: '20:00' });
    const rezoned = await call('PUT', `/api/admin/restaurant/${timed}`, {
      json: restaurantBody({ name: 'Lectura Repetible Turnos', timeZone: 'America/Caracas' }),
    });
    expect(expectSuccessEnvelope(rezoned)).toMatchObject({ timeZone: 'America/Caracas' });

    // Each counts, in READ COMMITTED under the day lock, what the others committed.
    const burst = await Promise.all(
      ['A1', 'A2', 'A3', 'B0', 'B1', 'B2'].map((table) => book(call, restaurant, { table, date: '2031-03-05' })),
    );
    const statuses = burst.map((response) => response.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409]);
    for (const refused of burst.filter((response) => response.status === 409)) expectErrorEnvelope(refused, 409, 'RESTAURANT_DAILY_LIMIT');
    const [stored] = await queryRows<{ n: number }>(
      running().database.db,
      sql`select count(*)::int as n from reservations where restaurant_id = ${restaurant}`,
    );
    expect(stored!.n).toBe(2);
  });
});

describe.skipIf(!postgresUrl)('restaurant edits and the bookings they meet', () => {
  const running = useRealServer(postgresUrl);
  const call = caller(() => running().url);

  it("books whole days where a zone's midnight is skipped or repeated, turns in a repeated autumn hour and past midnight (all 201)", async () => {
    const days: [string, string[]][] = [
      ['America/Santiago', ['2027-04-03', '2027-04-04', '2027-09-04', '2027-09-05']],
      ['America/Havana', ['2027-03-13', '2027-03-14', '2027-11-06', '2027-11-07']],
      ['Atlantic/Azores', ['2027-03-27', '2027-03-28', '2027-10-30', '2027-10-31']],
    ];
    for (const [timeZone, dates] of days) {
      const restaurant = await createRestaurant(call, { name: `Dia Entero ${timeZone}`, timeZone });
      for (const date of dates) expectSuccessEnvelope(await book(call, restaurant, { table: 'A0', date }), 201);
    }
    // Saturday nights open until 02:00: 00:30 on 2027-11-07 in Havana and 00:15 on 2027-10-31 in the
    // Azores happen twice (the api books the first); 23:30 on 2027-04-03 in Santiago too.
    const turns: [string, string, string, string][] = [
      ['America/Havana', '2027-11-06', '00:30', '2027-11-07T00:30:00-04:00'],
      ['Atlantic/Azores', '2027-10-30', '00:15', '2027-10-31T00:15:00+00:00'],
      ['America/Santiago', '2027-04-03', '23:30', '2027-04-03T23:30:00-03:00'],
      ['America/Bogota', '2027-05-08', '01:00', '2027-05-09T01:00:00-05:00'],
    ];
    for (const [timeZone, date, time, startsAt] of turns) {
      const restaurant = await createRestaurant(call, { name: `Turno ${timeZone}`, timeZone, hours: everyDay('20:00', '02:00') });
      const booked = expectSuccessEnvelope(await book(call, restaurant, { date, time, partySize: 2 }), 201);
      expect(booked, timeZone).toMatchObject({ date, time, startsAt });
      // The second turn at that time takes another table.
      expectSuccessEnvelope(await book(call, restaurant, { date, time, partySize: 2 }), 201);
    }
  });

  it('changes the zone of a restaurant whose pacing was lowered below what an interval holds (200, local times kept)', async () => {
    const hours = everyDay('18:00', '23:00');
    const body = { name: 'Ritmo Mudanza', hours, pacing: { intervalMinutes: 30, maxCovers: 6 } };
    const restaurant = await createRestaurant(call, body);
    const date = '2031-04-10';
    for (const time of ['19:00', '19:10']) expectSuccessEnvelope(await book(call, restaurant, { date, time, partySize: 3 }), 201);
    const path = `/api/admin/restaurant/${restaurant}`;
    expectSuccessEnvelope(await call('PUT', path, { json: restaurantBody({ ...body, pacing: { intervalMinutes: 30, maxCovers: 2 } }) }));
    const changed = await call('PUT', path, { json: restaurantBody({ name: body.name, timeZone: 'America/Argentina/Buenos_Aires' }) });
    expect(expectSuccessEnvelope(changed)).toMatchObject({ timeZone: 'America/Argentina/Buenos_Aires', pacing: { maxCovers: 2 } });
    const items: { time: string; startsAt: string }[] = expectSuccessEnvelope(
      await call('GET', `/api/admin/restaurant/${restaurant}/reservations?date=${date}`),
    );
    expect(items.map((item) => [item.time, item.startsAt]).sort()).toEqual([
      ['19:00', `${date}T19:00:00-03:00`],
      ['19:10', `${date}T19:10:00-03:00`],
    ]);
  });

  it('answers a PUT resending the stored hours and zone at once while a booking holds the restaurant row; a PUT with new hours waits for it', async () => {
    const hours = everyDay('18:00', '23:00');
    const specialDates = [{ date: '2031-12-24', hours: [{ opens: '12:00', closes: '16:00' }] }];
    const restaurant = await createRestaurant(call, { name: 'Sin Espera', hours, specialDates });
    const path = `/api/admin/restaurant/${restaurant}`;
    // The same calendar, its objects' keys in another order than jsonb hands them back.
    const resent = hours.map(({ day, opens, closes }) => ({ closes, opens, day }));
    const held = await holdKeyShare(running().testDatabase.url, restaurant);
    let released = false;
    try {
      const started = Date.now();
      const unchanged = await within(
        call('PUT', path, { json: restaurantBody({ name: 'Sin Espera Nuevo', timeZone: 'America/Bogota', hours: resent, specialDates }) }),
        1000,
      );
      expect(unchanged, 'the PUT resending the calendar waited for the booking').not.toBe('pending');
      expect(expectSuccessEnvelope(unchanged as JsonResponse)).toMatchObject({ name: 'Sin Espera Nuevo', hours });
      console.log(`[edit-locks] unchanged calendar answered in ${Date.now() - started} ms while the row was held FOR KEY SHARE`);

      const newHours = everyDay('17:00', '23:00');
      const changing = call('PUT', path, { json: restaurantBody({ name: 'Sin Espera Nuevo', hours: newHours }) });
      expect(await within(changing, 700)).toBe('pending');
      await held.release();
      released = true;
      const releasedAt = Date.now();
      expect(expectSuccessEnvelope(await changing)).toMatchObject({ hours: newHours });
      console.log(`[edit-locks] new hours answered ${Date.now() - releasedAt} ms after the booking's transaction ended`);
    } finally {
      if (!released) await held.release();
    }
  });
});

describe.skipIf(!postgresUrl)('layout saves while bookings without a table run', () => {
  const STORM_MS = Number(process.env['EDIT_LOCKS_STORM_MS'] ?? 10_000);
  const BOOKERS = 3;
  // Bookings lock every candidate table FOR SHARE in label order; these saves list the tables the other
  // way round, and each resizes two tables (one also drops D1) in that order.
  const full = [
    { label: 'D1', seats: 8 },
    { label: 'C2', seats: 4 },
    { label: 'C1', seats: 4 },
    { label: 'B2', seats: 4 },
    { label: 'B1', seats: 4 },
    { label: 'A2', seats: 2 },
    { label: 'A1', seats: 2 },
  ];
  const trimmed = full
    .filter((table) => table.label !== 'D1')
    .map((table) => (table.label === 'C2' || table.label === 'A2' ? { ...table, seats: table.seats + 1 } : table));

  it(`saves 2 layouts over and over for ${STORM_MS / 1000} s against ${BOOKERS} bookers: no 5xx, pg_stat_database.deadlocks unchanged`, async () => {
    const running = await startRealServer(postgresUrl);
    const call = caller(() => running.url);
    // Opened after the server is stopped: the one connection left when the counter is read.
    let observer: DatabaseHandle | undefined;
    try {
      expectSuccessEnvelope(
        await call('PUT', '/api/admin/settings', { json: { globalDailyLimit: 1_000_000, restaurantDailyLimit: 1_000_000 } }),
      );
      const body = { name: 'Plano Al Reves', hours: everyDay('12:00', '23:00'), tables: full };
      const restaurant = await createRestaurant(call, body);
      const before = await deadlocks(running.database.db);

      const answers: { operation: string; status: number; reason?: string; text: string }[] = [];
      const record = (operation: string, response: JsonResponse) =>
        answers.push({ operation, status: response.status, reason: response.body?.data?.reason, text: response.text });
      const stopAt = Date.now() + STORM_MS;
      let day = 0;
      // Each booking on a day of its own: the smallest table (A1) is free, so D1 is never booked and always removable.
      const nextDate = () => new Date(Date.parse('2032-01-01T00:00:00Z') + day++ * 86_400_000).toISOString().slice(0, 10);
      const booker = async () => {
        while (Date.now() < stopAt) record('book', await book(call, restaurant, { date: nextDate(), time: '19:00', partySize: 2 }));
      };
      const saver = async () => {
        for (let round = 0; Date.now() < stopAt; round += 1) {
          // Without the calendar fields: the save takes no lock on the restaurant row and meets the bookings at the tables.
          const tables = round % 2 === 0 ? trimmed : full;
          record('save', await call('PUT', `/api/admin/restaurant/${restaurant}`, { json: restaurantBody({ name: body.name, tables }) }));
        }
      };
      await Promise.all([saver(), ...Array.from({ length: BOOKERS }, booker)]);
      const counts = tally(answers);

      // Every backend of the server exits, and so flushes its statistics, before the counter is read.
      await running.stop();
      observer = createDb(running.testDatabase.url, { maxConnections: 1 });
      await quiesce(observer.db);
      const after = await deadlocks(observer.db);
      console.log(`[edit-locks] ${answers.length} answers in ${STORM_MS} ms: ${formatTally(counts)}; deadlocks ${before} -> ${after}`);
      expect(
        answers.filter((answer) => answer.status >= 500).map((answer) => `${answer.operation} ${answer.status} ${answer.text}`),
      ).toEqual([]);
      // A deadlock is retried (no 5xx), so only the counter tells: before the fix 0 -> 17 in 10 s here.
      expect(after, 'deadlocks during the storm').toBe(before);
      expect([...counts.keys()]).toEqual(['book 201', 'save 200']);
      // The storm did run: saves wait for the bookings' share locks, about 20 answered in 10 s here.
      expect(counts.get('save 200')).toBeGreaterThanOrEqual(4);
      expect(counts.get('book 201')).toBeGreaterThan(30);

      // The control: one deadlock of two sessions of our own moves the counter by exactly one.
      expect(await causeDeadlock(running.testDatabase.url, restaurant)).toEqual(['40P01']);
      await quiesce(observer.db);
      expect(await deadlocks(observer.db)).toBe(after + 1);
    } finally {
      await running.stop();
      await observer?.close();
      await running.testDatabase.drop();
    }
  });
});

/** Two sessions lock A1 and B1 of the restaurant in opposite orders; the codes of the statements that failed. */
async function causeDeadlock(databaseUrl: string, restaurantId: string): Promise<string[]> {
  const clients = [new pg.Client({ connectionString: databaseUrl }), new pg.Client({ connectionString: databaseUrl })] as const;
  await Promise.all(clients.map((client) => client.connect()));
  const lock = (client: pg.Client, label: string) =>
    client.query('select label from restaurant_tables where restaurant_id = $1 and label = $2 for update', [restaurantId, label]);
  try {
    await Promise.all(clients.map((client) => client.query('begin')));
    await lock(clients[0], 'A1');
    await lock(clients[1], 'B1');
    const crossed = await Promise.allSettled([
      lock(clients[0], 'B1'),
      new Promise((resolve) => setTimeout(resolve, 100)).then(() => lock(clients[1], 'A1')),
    ]);
    return crossed.flatMap((outcome) => (outcome.status === 'rejected' ? [String((outcome.reason as { code?: string }).code)] : []));
  } finally {
    await Promise.all(clients.map((client) => client.query('rollback').then(() => client.end())));
  }
}
