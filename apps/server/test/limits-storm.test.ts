// Issue 15: the daily limits live in the database. Two server processes on one fresh PostgreSQL
// database, started at once with different RESTAURANT_DAILY_LIMIT / GLOBAL_DAILY_LIMIT (a rolling
// deploy that changes a limit): the database takes one process's values, the other warns naming both,
// and 300 simultaneous whole-day bookings split over the two never store more than the stored limits,
// per day and per restaurant (one with its own daily limit). Three rounds: the adopted limits, then
// limits raised and lowered through PUT /api/admin/settings on one process and obeyed by both. Every
// refusal is a 409 whose reason holds against what was stored; no 5xx.
import { createDb, type DatabaseHandle, queryRows } from '@tablebook/db';
import { createTestDatabase, spawnServer, type SpawnedServer, type TestDatabase } from '@tablebook/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { request } from './helpers.ts';
import { type Answer, formatTally, ruleBreaks, type StoredLimits, storedLimits, tally } from './support/storm-rules.ts';
import { seededRandom } from './support/timed-storm.ts';

const postgresUrl = inject('postgresUrl');
const ATTEMPTS = 300;
/** The seed's default floor: every restaurant created without `tables` has these 15. */
const TABLES = ['A0', 'A1', 'A2', 'A3', 'B0', 'B1', 'B2', 'B3', 'C0', 'C1', 'C2', 'C3', 'D0', 'D1', 'D2'];
const ENVIRONMENTS = [
  { RESTAURANT_DAILY_LIMIT: '15', GLOBAL_DAILY_LIMIT: '20' },
  { RESTAURANT_DAILY_LIMIT: '25', GLOBAL_DAILY_LIMIT: '30' },
] as const;
/** The restaurant with a daily limit of its own (below every stored default here). */
const OWN_LIMIT = 3;

interface Attempt {
  restaurant: number;
  table: string;
  date: string;
  guest: boolean;
}

interface Outcome extends Answer {
  attempt: Attempt;
  server: number;
  text: string;
}

describe.skipIf(!postgresUrl)('two server processes with different limit variables on one PostgreSQL database', () => {
  let testDatabase: TestDatabase;
  let database: DatabaseHandle;
  let servers: SpawnedServer[] = [];
  const restaurants: string[] = [];

  beforeAll(async () => {
    testDatabase = await createTestDatabase(postgresUrl);
    database = createDb(testDatabase.url);
    servers = await Promise.all(
      ENVIRONMENTS.map((limits) => spawnServer({ DATABASE_URL: testDatabase.url, RATE_LIMIT: 'off', ...limits })),
    );
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await database?.close();
    await testDatabase?.drop();
  });

  const serverLogs = () => servers.map((server, index) => `--- server ${index} ---\n${server.output().slice(-3000)}`).join('\n');

  it('the database keeps one process’s limits; the other process warns, naming both values', async () => {
    const stored = await storedLimits(database.db);
    const adopted = ENVIRONMENTS.findIndex(
      (limits) =>
        Number(limits.GLOBAL_DAILY_LIMIT) === stored.globalDailyLimit &&
        Number(limits.RESTAURANT_DAILY_LIMIT) === stored.restaurantDailyLimit,
    );
    expect(adopted, JSON.stringify(stored)).toBeGreaterThanOrEqual(0);
    const other = 1 - adopted;
    const otherLimits = ENVIRONMENTS[other]!;
    expect(servers[other]!.output()).toContain(
      `GLOBAL_DAILY_LIMIT=${otherLimits.GLOBAL_DAILY_LIMIT} differs from the stored globalDailyLimit ${stored.globalDailyLimit}`,
    );
    expect(servers[other]!.output()).toContain(
      `RESTAURANT_DAILY_LIMIT=${otherLimits.RESTAURANT_DAILY_LIMIT} differs from the stored restaurantDailyLimit ${stored.restaurantDailyLimit}`,
    );
    expect(servers[adopted]!.output()).not.toContain('differs from the stored');
  });

  it(`${ATTEMPTS} simultaneous bookings over both processes never store more than the stored limits (3 rounds: adopted, raised, lowered)`, async () => {
    for (const [index, name] of ['Limite Uno', 'Limite Dos', 'Limite Tres', 'Limite Propio'].entries()) {
      const created = await request(servers[index % 2]!.url, 'POST', '/api/admin/restaurant', {
        json: {
          name,
          address: 'Calle 10 # 5-51',
          description: 'Almuerzos',
          photoUrl: 'https://example.com/l.jpg',
          cityId: 1,
          ...(index === 3 ? { dailyLimit: OWN_LIMIT } : {}),
        },
      });
      expect(created.status, created.text).toBe(201);
      expect(created.body.data.dailyLimit).toBe(index === 3 ? OWN_LIMIT : null);
      restaurants.push(created.body.data.id);
    }
    const limitOf = (stored: StoredLimits, restaurant: number) => (restaurant === 3 ? OWN_LIMIT : stored.restaurantDailyLimit);

    const changes: (StoredLimits | undefined)[] = [
      undefined,
      { globalDailyLimit: 45, restaurantDailyLimit: 12 },
      { globalDailyLimit: 9, restaurantDailyLimit: 4 },
    ];
    const lines: string[] = [];
    const started = performance.now();
    for (const [round, change] of changes.entries()) {
      if (change) {
        // Through one process; the other reads the row in its next booking's counting statement.
        const put = await request(servers[round % 2]!.url, 'PUT', '/api/admin/settings', { json: change });
        expect(put.status, put.text).toBe(200);
        expect(put.body.data).toEqual(change);
      }
      const limits = await storedLimits(database.db);
      const dates = [`2063-0${round + 1}-10`, `2063-0${round + 1}-11`];
      const random = seededRandom(1500 + round);
      const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
      const attempts: Attempt[] = Array.from({ length: ATTEMPTS }, () => ({
        restaurant: Math.floor(random() * restaurants.length),
        table: pick(TABLES),
        date: pick(dates),
        guest: random() < 0.5,
      }));

      const stormStart = performance.now();
      const outcomes = await Promise.all(
        attempts.map(async (attempt, index): Promise<Outcome> => {
          const server = index % servers.length;
          const id = restaurants[attempt.restaurant]!;
          const response = attempt.guest
            ? await request(servers[server]!.url, 'POST', `/api/restaurants/${id}/reservations`, {
                json: { table: attempt.table, date: attempt.date, guestName: `Huésped ${index}`, guestPhone: '+57 300 123 4567' },
              })
            : await request(servers[server]!.url, 'POST', `/api/admin/restaurant/${id}/reservations`, {
                json: { table: attempt.table, date: attempt.date },
              });
          return {
            operation: attempt.guest ? 'guest booking' : 'admin booking',
            status: response.status,
            reason: response.body?.data?.reason,
            attempt,
            server,
            text: response.text,
          };
        }),
      );
      const stormMs = performance.now() - stormStart;

      for (const outcome of outcomes) {
        const context = `${JSON.stringify(outcome.attempt)} on server ${outcome.server} -> ${outcome.status} ${outcome.text}`;
        expect(outcome.status, `${context}\n${outcome.status >= 500 ? serverLogs() : ''}`).toBeOneOf([201, 409]);
        if (outcome.status === 409)
          expect(outcome.reason, context).toBeOneOf(['TABLE_ALREADY_BOOKED', 'GLOBAL_DAILY_LIMIT', 'RESTAURANT_DAILY_LIMIT']);
      }

      // By SQL: no rule broken, the round's days against the limits stored now.
      expect(await ruleBreaks(database.db, dates)).toEqual({ overlaps: [], globalDays: [], restaurantDays: [], pacingIntervals: [] });

      const stored = await queryRows<{ id: string; restaurantId: string; table: string; date: string }>(
        database.db,
        sql`select id, restaurant_id as "restaurantId", table_label as "table", date::text as date from reservations
             where date in (${dates[0]}, ${dates[1]}) and status <> 'cancelled'`,
      );
      const accepted = outcomes.filter((outcome) => outcome.status === 201);
      expect(stored.map((row) => row.id).sort()).toEqual(accepted.map((outcome) => JSON.parse(outcome.text).data.id).sort());
      const key = (restaurant: number, table: string, date: string) => `${restaurants[restaurant]} ${table} ${date}`;
      const held = new Set(stored.map((row) => `${row.restaurantId} ${row.table} ${row.date}`));
      const countAt = (date: string, restaurant?: number) =>
        stored.filter((row) => row.date === date && (restaurant === undefined || row.restaurantId === restaurants[restaurant])).length;

      // Nothing is cancelled during a round, so every refusal still holds against what was stored: the
      // table is held; or (the table checked first, and free) the day or the restaurant is full, and
      // stayed full, so the table is still free.
      for (const outcome of outcomes.filter((entry) => entry.status === 409)) {
        const { restaurant, table, date } = outcome.attempt;
        const context = `${JSON.stringify(outcome.attempt)} -> ${outcome.text}`;
        if (outcome.reason === 'TABLE_ALREADY_BOOKED') {
          expect(held.has(key(restaurant, table, date)), context).toBe(true);
          continue;
        }
        expect(held.has(key(restaurant, table, date)), context).toBe(false);
        if (outcome.reason === 'GLOBAL_DAILY_LIMIT') expect(countAt(date), context).toBe(limits.globalDailyLimit);
        else expect(countAt(date, restaurant), context).toBe(limitOf(limits, restaurant));
      }

      // And the days filled as far as the requests and the limits allow: a restaurant below its limit
      // has every table asked for; a day below the global limit is the sum of those.
      for (const date of dates) {
        const expected = Math.min(
          limits.globalDailyLimit,
          restaurants.reduce((sum, _, restaurant) => {
            const asked = new Set(
              attempts.filter((entry) => entry.date === date && entry.restaurant === restaurant).map((entry) => entry.table),
            );
            return sum + Math.min(limitOf(limits, restaurant), asked.size);
          }, 0),
        );
        expect(countAt(date), date).toBe(expected);
      }

      const counts = tally(outcomes);
      const perDay = dates.map(
        (date) => `${date} ${countAt(date)} (${restaurants.map((_, restaurant) => countAt(date, restaurant)).join('+')})`,
      );
      lines.push(
        `  round ${round + 1}, stored global ${limits.globalDailyLimit}, restaurant ${limits.restaurantDailyLimit} (own ${OWN_LIMIT}): stored ${perDay.join(', ')}; ${formatTally(counts)}; ${stormMs.toFixed(0)} ms`,
      );
      expect(outcomes.filter((outcome) => outcome.status >= 500)).toEqual([]);
    }
    console.info(
      `[limits-storm] ${changes.length} rounds of ${ATTEMPTS} simultaneous whole-day bookings over 2 processes started with ${ENVIRONMENTS.map((limits) => `${limits.GLOBAL_DAILY_LIMIT}/${limits.RESTAURANT_DAILY_LIMIT}`).join(' and ')} (global/restaurant), 4 restaurants x 15 tables, 2 days a round (${((performance.now() - started) / 1000).toFixed(1)} s):\n${lines.join('\n')}`,
    );
  });
});
