// Issue 14's concurrency test: 300 simultaneous timed bookings at one restaurant of 20 tables, split
// over two server processes on one real PostgreSQL, with the daily limits raised so that only the
// tables decide. Afterwards: no two live reservations of a table overlap (SQL), every refusal is a 409
// with its reason and a message that holds against what was stored, and the accepted bookings are
// exactly what a serial replay of them gives, by the rules and through a real server. 10 rounds.
import { createDb, type DatabaseHandle, queryRows } from '@tablebook/db';
import { createTestDatabase, spawnServer, type SpawnedServer, type TestDatabase } from '@tablebook/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { request } from './helpers.ts';
import {
  clockMinutes,
  freeSeatingTables,
  type HeldSpan,
  replaySerially,
  spanOf,
  STORM_TABLES,
  stormAttempts,
  type TimedAttempt,
  timedRestaurantBody,
  turnMinutes,
} from './support/timed-storm.ts';

const postgresUrl = inject('postgresUrl');
const ROUNDS = Number(process.env['TIMED_STORM_ROUNDS'] ?? 10);
const ATTEMPTS = 300;
const TIME_ZONE_OFFSET = '-05:00';

interface Outcome {
  attempt: TimedAttempt;
  status: number;
  body: { status?: string; message?: string; data?: any };
  text: string;
}

interface RoundFigures {
  round: number;
  date: string;
  accepted: number;
  tableAlreadyBooked: number;
  noTableAvailable: number;
  /** Accepted turns that run past midnight (their writers lock two days). */
  pastMidnight: number;
  stormMs: number;
  replayMs: number;
}

/** A bound, not a measurement: the storm takes 25-45 s beside another suite on two cores, longer on a busy machine. */
const STORM_TIMEOUT_MS = 180_000;

describe.skipIf(!postgresUrl)('timed bookings under concurrency across two server processes on real PostgreSQL', () => {
  let testDatabase: TestDatabase;
  let database: DatabaseHandle;
  let servers: SpawnedServer[] = [];
  const figures: RoundFigures[] = [];

  /** The servers' own output, for a failure's message. */
  const serverLogs = () => servers.map((server, index) => `--- server ${index} ---\n${server.output().slice(-4000)}`).join('\n');

  const createRestaurant = async (name: string) => {
    const created = await request(servers[0]!.url, 'POST', '/api/admin/restaurant', { json: timedRestaurantBody(name) });
    expect(created.status, created.text).toBe(201);
    return created.body.data.id as string;
  };

  const book = async (baseUrl: string, restaurantId: string, date: string, attempt: TimedAttempt): Promise<Outcome> => {
    const response = await request(baseUrl, 'POST', `/api/admin/restaurant/${restaurantId}/reservations`, {
      json: { date, ...attempt },
    });
    return { attempt, status: response.status, body: response.body ?? {}, text: response.text };
  };

  /** The restaurant's stored reservations, their spans in minutes from the date's local midnight. */
  const storedOf = (restaurantId: string, date: string) =>
    queryRows<{ id: string; table: string; status: string; date: string; start: number; end: number }>(
      database.db,
      sql`select id, table_label as "table", status, date::text as date,
                 (extract(epoch from starts_at - (date::timestamp at time zone 'America/Bogota')) / 60)::int as start,
                 (extract(epoch from ends_at - (date::timestamp at time zone 'America/Bogota')) / 60)::int as "end"
            from reservations where restaurant_id = ${restaurantId} and date = ${date}`,
    );

  beforeAll(async () => {
    testDatabase = await createTestDatabase(postgresUrl);
    database = createDb(testDatabase.url);
    const env = {
      DATABASE_URL: testDatabase.url,
      RATE_LIMIT: 'off',
      RESTAURANT_DAILY_LIMIT: '100000',
      GLOBAL_DAILY_LIMIT: '1000000',
    };
    servers = await Promise.all([spawnServer(env), spawnServer(env)]);
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await database?.close();
    await testDatabase?.drop();
  });

  it(
    `${ATTEMPTS} simultaneous timed bookings at 20 tables: no overlap stored, every refusal a reasoned 409, the accepted set replays serially (x${ROUNDS})`,
    async () => {
      const started = performance.now();
      for (let round = 0; round < ROUNDS; round += 1) {
        // A fresh restaurant and date each round, two days apart (a turn past midnight also locks the next day).
        const date = `2061-04-${String(1 + round * 2).padStart(2, '0')}`;
        const restaurantId = await createRestaurant(`Turnos ${round}`);
        const attempts = stormAttempts(ATTEMPTS, 1400 + round);

        const stormStart = performance.now();
        const outcomes = await Promise.all(
          attempts.map((attempt, index) => book(servers[index % servers.length]!.url, restaurantId, date, attempt)),
        );
        const stormMs = performance.now() - stormStart;

        // Every answer: 201, or 409 with the reason that fits the request, in the error envelope.
        for (const outcome of outcomes) {
          const context = `${JSON.stringify(outcome.attempt)} -> ${outcome.status} ${outcome.text}\n${outcome.status >= 500 ? serverLogs() : ''}`;
          expect([201, 409], context).toContain(outcome.status);
          expect(outcome.body.status, context).toBe(outcome.status === 201 ? 'success' : 'error');
          if (outcome.status === 409) {
            expect(outcome.body.data?.reason, context).toBe(
              outcome.attempt.table === undefined ? 'NO_TABLE_AVAILABLE' : 'TABLE_ALREADY_BOOKED',
            );
            expect(outcome.body.message, context).toMatch(/Turnos/);
          }
        }
        const accepted = outcomes.filter((outcome) => outcome.status === 201);
        const refused = outcomes.filter((outcome) => outcome.status === 409);

        // What a 201 gives: the table asked for (or one that seats the party), the time, the turn, the instants.
        for (const { attempt, body } of accepted) {
          const reservation = body.data;
          const context = `${JSON.stringify(attempt)} -> ${JSON.stringify(reservation)}`;
          if (attempt.table !== undefined) expect(reservation.table, context).toBe(attempt.table);
          expect(STORM_TABLES.find((table) => table.label === reservation.table)!.seats, context).toBeGreaterThanOrEqual(attempt.partySize);
          expect(reservation, context).toMatchObject({
            date,
            time: attempt.time,
            partySize: attempt.partySize,
            durationMinutes: turnMinutes(attempt.partySize),
            startsAt: `${date}T${attempt.time}:00${TIME_ZONE_OFFSET}`,
          });
          expect(Date.parse(reservation.endsAt) - Date.parse(reservation.startsAt), context).toBe(turnMinutes(attempt.partySize) * 60_000);
        }

        // SQL: no two live reservations of one table overlap, anywhere in the database.
        const [overlap] = await queryRows<{ count: number }>(
          database.db,
          sql`select count(*)::int as count from reservations a join reservations b
              on a.restaurant_id = b.restaurant_id and a.table_label = b.table_label and a.id < b.id
             and a.status <> 'cancelled' and b.status <> 'cancelled'
             and tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)`,
        );
        expect(overlap?.count).toBe(0);

        // What is stored is exactly what was answered 201, table and span alike.
        const stored = await storedOf(restaurantId, date);
        expect(stored).toHaveLength(accepted.length);
        const storedById = new Map(stored.map((row) => [row.id, row]));
        for (const { attempt, body } of accepted) {
          const row = storedById.get(body.data.id);
          expect(row, body.data.id).toBeDefined();
          expect(row).toMatchObject({ table: body.data.table, status: 'confirmed', ...spanOf(attempt) });
        }
        const held: HeldSpan[] = stored.map((row) => ({ table: row.table, start: row.start, end: row.end }));

        // Every refusal holds against what was stored (nothing is cancelled during a round, so a table
        // taken when the request was refused is still taken): the named table's overlapping range as the
        // message gives it, or no table that seats the party free for the whole turn.
        for (const { attempt, body } of refused) {
          const span = spanOf(attempt);
          const context = `${JSON.stringify(attempt)} -> ${body.message}`;
          if (attempt.table !== undefined) {
            const named = /^Table (\S+) at "Turnos \d+" is already booked from (\d\d:\d\d) to (\d\d:\d\d) on (\S+)$/.exec(
              body.message ?? '',
            );
            expect(named, context).not.toBeNull();
            const [, table, from, to, day] = named!;
            expect({ table, day }, context).toEqual({ table: attempt.table, day: date });
            const start = clockMinutes(from!);
            const end = clockMinutes(to!) + (clockMinutes(to!) <= start ? 24 * 60 : 0);
            expect(held, context).toContainEqual({ table: attempt.table, start, end });
            expect(start < span.end && span.start < end, context).toBe(true);
          } else {
            expect(body.message, context).toContain(`seats a party of ${attempt.partySize} is free from ${attempt.time} to`);
            expect(freeSeatingTables(held, attempt.partySize, span), context).toEqual([]);
          }
        }

        // Serial replay, in commit order (event ids are handed out in commit order, under the day locks).
        const order = await queryRows<{ id: string }>(
          database.db,
          sql`select e.payload->'reservation'->>'id' as id from reservation_events e
             where e.restaurant_id = ${restaurantId} and e.type = 'created' order by e.id`,
        );
        const byId = new Map(accepted.map((outcome) => [outcome.body.data.id as string, outcome]));
        expect(order.map((row) => row.id).sort()).toEqual([...byId.keys()].sort());
        const committed = order.map((row) => ({ attempt: byId.get(row.id)!.attempt, table: byId.get(row.id)!.body.data.table as string }));
        // By the rules alone: each accepted booking again accepted, at the same table.
        expect(replaySerially(committed)).toEqual([]);
        // And through the real servers, one at a time, at a fresh restaurant: the same answers, the same count stored.
        const replayId = await createRestaurant(`Turnos ${round} replay`);
        const replayStart = performance.now();
        for (const [index, { attempt, table }] of committed.entries()) {
          const again = await book(servers[index % servers.length]!.url, replayId, date, attempt);
          expect({ status: again.status, table: again.body.data?.table }, `${JSON.stringify(attempt)} -> ${again.text}`).toEqual({
            status: 201,
            table,
          });
        }
        const replayMs = performance.now() - replayStart;
        expect(await storedOf(replayId, date)).toHaveLength(accepted.length);

        // The storm really contended: some booked, some refused for each reason.
        const tableAlreadyBooked = refused.filter((outcome) => outcome.body.data.reason === 'TABLE_ALREADY_BOOKED').length;
        const noTableAvailable = refused.length - tableAlreadyBooked;
        expect(accepted.length).toBeGreaterThan(0);
        expect(tableAlreadyBooked).toBeGreaterThan(0);
        expect(noTableAvailable).toBeGreaterThan(0);
        const pastMidnight = held.filter((span) => span.end > 24 * 60).length;
        figures.push({
          round: round + 1,
          date,
          accepted: accepted.length,
          tableAlreadyBooked,
          noTableAvailable,
          pastMidnight,
          stormMs,
          replayMs,
        });
      }
      const lines = figures.map(
        (figure) =>
          `  round ${String(figure.round).padStart(2)} ${figure.date}: ${figure.accepted} accepted, ${figure.tableAlreadyBooked} TABLE_ALREADY_BOOKED, ${figure.noTableAvailable} NO_TABLE_AVAILABLE (${figure.pastMidnight} accepted turns past midnight); storm ${figure.stormMs.toFixed(0)} ms, serial replay ${figure.replayMs.toFixed(0)} ms`,
      );
      console.info(
        `[timed-storm] ${ROUNDS} rounds of ${ATTEMPTS} simultaneous timed bookings over 2 processes, 20 tables, 19:00-22:00 every 15 minutes (${((performance.now() - started) / 1000).toFixed(1)} s):\n${lines.join('\n')}`,
      );
    },
    STORM_TIMEOUT_MS,
  );
});
