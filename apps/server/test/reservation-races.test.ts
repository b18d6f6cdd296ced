import { createDb, reservations, type DatabaseHandle } from '@tablebook/db';
import { createTestDatabase, spawnServer, type SpawnedServer, type TestDatabase } from '@tablebook/testing';
import { and, eq, ne, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEFAULT_TABLES, restaurantBody } from './helpers.ts';
import { fetchValidated } from './support/openapi-validator.ts';

const postgresUrl = inject('postgresUrl');

interface Answer {
  status: number;
  body: { status: string; data: any };
}

/** Cancel, move and idempotent booking races, each spread over two server processes on one database. */
describe.skipIf(!postgresUrl)('reservation races across two server processes on real PostgreSQL', () => {
  let testDatabase: TestDatabase;
  let database: DatabaseHandle;
  let servers: SpawnedServer[] = [];
  const restaurantIds: string[] = [];
  let turn = 0;
  /** Alternates between the two processes. */
  const call = async (method: string, path: string, json?: unknown, headers: Record<string, string> = {}): Promise<Answer> => {
    const base = servers[turn++ % servers.length]!.url;
    const response = await fetchValidated(`${base}${path}`, {
      method,
      headers: json === undefined ? headers : { 'content-type': 'application/json', ...headers },
      ...(json === undefined ? {} : { body: JSON.stringify(json) }),
    });
    return { status: response.status, body: (await response.json()) as Answer['body'] };
  };
  const book = (restaurant: number, table: string, date: string) =>
    call('POST', `/api/admin/restaurant/${restaurantIds[restaurant]}/reservations`, { table, date });
  const liveOn = async (date: string) =>
    database.db
      .select({ restaurantId: reservations.restaurantId, table: reservations.tableLabel })
      .from(reservations)
      .where(and(eq(reservations.date, date), ne(reservations.status, 'cancelled')));

  beforeAll(async () => {
    testDatabase = await createTestDatabase(postgresUrl);
    database = createDb(testDatabase.url);
    servers = await Promise.all([
      spawnServer({ DATABASE_URL: testDatabase.url, RATE_LIMIT: 'off' }),
      spawnServer({ DATABASE_URL: testDatabase.url, RATE_LIMIT: 'off' }),
    ]);
    for (let index = 0; index < 4; index += 1) {
      const created = await call('POST', '/api/admin/restaurant', restaurantBody({ name: `Race ${index}` }));
      restaurantIds.push(created.body.data.id);
    }
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await database?.close();
    await testDatabase?.drop();
  });

  it('50 simultaneous moves into a day with one place left: exactly one lands, the others stay put', async () => {
    const target = '2045-03-01';
    for (const table of DEFAULT_TABLES) expect((await book(0, table, target)).status).toBe(201);
    for (const table of DEFAULT_TABLES.slice(0, 4)) expect((await book(1, table, target)).status).toBe(201);
    // 50 movers on three other days, in restaurants 2 and 3 (which have nothing on the target day).
    const movers: { restaurant: number; id: string; date: string; table: string }[] = [];
    for (let index = 0; index < 50; index += 1) {
      const date = `2045-03-0${2 + (index % 3)}`;
      const restaurant = 2 + (Math.floor(index / 3) % 2);
      const table = DEFAULT_TABLES[Math.floor(index / 6)]!;
      const created = await book(restaurant, table, date);
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      movers.push({ restaurant, id: created.body.data.id, date, table });
    }
    const answers = await Promise.all(
      movers.map((mover, index) =>
        call('PATCH', `/api/admin/restaurant/${restaurantIds[mover.restaurant]}/reservations/${mover.id}`, {
          date: target,
          table: DEFAULT_TABLES[index % DEFAULT_TABLES.length],
        }),
      ),
    );
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
    for (const answer of answers.filter((answer) => answer.status !== 200)) {
      expect(answer.status).toBe(409);
      expect(['GLOBAL_DAILY_LIMIT', 'TABLE_ALREADY_BOOKED']).toContain(answer.body.data.reason);
    }
    expect(await liveOn(target)).toHaveLength(20);
    const moved = answers.findIndex((answer) => answer.status === 200);
    const rows = await database.db
      .select()
      .from(reservations)
      .where(sql`${reservations.id} in ${movers.map((mover) => mover.id)}`);
    for (const [index, mover] of movers.entries()) {
      const row = rows.find((candidate) => candidate.id === mover.id)!;
      if (index === moved) expect(row.date).toBe(target);
      else
        expect({ date: row.date, table: row.tableLabel, status: row.status }).toEqual({
          date: mover.date,
          table: mover.table,
          status: 'confirmed',
        });
    }
  });

  it('a cancel racing a booking for the last place never over-books (20 rounds)', async () => {
    let bookedAfterCancel = 0;
    for (let round = 0; round < 20; round += 1) {
      const day = `2046-01-${String(round + 1).padStart(2, '0')}`;
      const ids: string[] = [];
      for (let index = 0; index < 20; index += 1) {
        const created = await book(index % 4, DEFAULT_TABLES[Math.floor(index / 4)]!, day);
        expect(created.status).toBe(201);
        ids.push(created.body.data.id);
      }
      const [cancel, booking] = await Promise.all([
        call('POST', `/api/admin/restaurant/${restaurantIds[0]}/reservations/${ids[0]}/cancel`),
        book(1, 'D2', day),
      ]);
      expect(cancel.status).toBe(200);
      expect([201, 409]).toContain(booking.status);
      if (booking.status === 409) expect(booking.body.data.reason).toBe('GLOBAL_DAILY_LIMIT');
      else bookedAfterCancel += 1;
      expect(await liveOn(day)).toHaveLength(booking.status === 201 ? 20 : 19);
    }
    console.info(`[races] the booking won the freed place in ${bookedAfterCancel} of 20 rounds`);
  });

  it('20 simultaneous requests with one idempotency key store exactly one reservation', async () => {
    const day = '2047-05-05';
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        call(
          'POST',
          `/api/admin/restaurant/${restaurantIds[3]}/reservations`,
          { table: 'C3', date: day, guestName: 'Same' },
          { 'Idempotency-Key': 'checkout-7' },
        ),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(201));
    expect(new Set(answers.map((answer) => answer.body.data.id)).size).toBe(1);
    expect(await liveOn(day)).toHaveLength(1);
  });

  it('deleting a restaurant while it is being booked never deadlocks into a 500 (10 rounds)', async () => {
    for (let round = 0; round < 10; round += 1) {
      const created = await call('POST', '/api/admin/restaurant', restaurantBody({ name: `Doomed ${round}` }));
      const id = created.body.data.id as string;
      const answers = await Promise.all([
        ...DEFAULT_TABLES.slice(0, 6).map((table) =>
          call('POST', `/api/admin/restaurant/${id}/reservations`, { table, date: '2048-02-02' }),
        ),
        call('DELETE', `/api/admin/restaurant/${id}`),
      ]);
      const deletion = answers.at(-1)!;
      expect(deletion.status, JSON.stringify(deletion.body)).toBe(200);
      for (const booking of answers.slice(0, -1)) {
        expect([201, 404], JSON.stringify(booking.body)).toContain(booking.status);
      }
    }
    expect(await liveOn('2048-02-02')).toHaveLength(0);
  });
});
