// Issue 15: no deadlocks, and every rule holds, whatever writes at once. Two server processes on one
// fresh real PostgreSQL database, 10 rounds; in each, about 175 requests at once, in a seeded random
// order over both processes: whole-day and timed bookings (admin and guest), bookings into
// pacing-limited slots, moves (time, table, day, party size, turn), cancels (some racing a move of the
// same reservation), status changes and a note, a change of the stored limits (PUT /api/admin/settings,
// raising in even rounds, lowering in odd ones), layout saves that resize, add or drop a table or change
// nothing (those write no table row: same xmin), slot reads, and INSERTs straight into the database as
// typed into psql. Afterwards: by SQL no table holds two overlapping reservations, no day or restaurant
// is over its limits, no pacing interval over its covers; no answer is a 5xx, every refusal a 409 with
// a reason that fits the request; and pg_stat_database.deadlocks for the database is what it was before
// (read once every backend has exited, so it is complete), with a control deadlock afterwards proving
// the counter is read fresh. Moves retry a deadlock, so the counter is what shows one.
import { createDb, type DatabaseHandle, findPgError, queryRows } from '@tablebook/db';
import { createTestDatabase, spawnServer, type SpawnedServer, type TestDatabase } from '@tablebook/testing';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type JsonResponse, request } from './helpers.ts';
import { type Answer, deadlocks, formatTally, quiesce, ruleBreaks, type StoredLimits, storedLimits, tally } from './support/storm-rules.ts';
import { STORM_TABLES, seededRandom, stormAttempts, timedRestaurantBody } from './support/timed-storm.ts';

const postgresUrl = inject('postgresUrl');
const ROUNDS = Number(process.env['MIXED_STORM_ROUNDS'] ?? 10);

/** The stored limits at the start of each round, and the change sent during it. */
const BASE_LIMITS: StoredLimits = { globalDailyLimit: 45, restaurantDailyLimit: 25 };
const RAISED: StoredLimits = { globalDailyLimit: 50, restaurantDailyLimit: 28 };
const LOWERED: StoredLimits = { globalDailyLimit: 40, restaurantDailyLimit: 22 };
/** The whole-day restaurant's own daily limit; the paced one's pacing. */
const WHOLE_DAY_LIMIT = 10;
const PACING = { intervalMinutes: 30, maxCovers: 8 };

/** The paced restaurant's floor: 10 tables of 2, 4 and 6 seats (the storm's parties are 1 to 6). */
const PACED_TABLES = STORM_TABLES.filter((table) => ['A1', 'A2', 'A3', 'A4', 'B1', 'B2', 'B3', 'B4', 'C1', 'C2'].includes(table.label));
const DEFAULT_TABLES = ['A0', 'A1', 'A2', 'A3', 'B0', 'B1', 'B2', 'B3', 'C0', 'C1', 'C2', 'C3', 'D0', 'D1', 'D2'];
const WHOLE_DAY = ['TABLE_ALREADY_BOOKED', 'GLOBAL_DAILY_LIMIT', 'RESTAURANT_DAILY_LIMIT'];
const TIMED = [...WHOLE_DAY, 'NO_TABLE_AVAILABLE'];
const PACED = [...TIMED, 'PACING_LIMIT'];
/** What a change to a reservation another request is changing too may meet. */
const CHANGED_MEANWHILE = ['NOT_MOVABLE', 'ALREADY_CANCELLED', 'ILLEGAL_STATUS_CHANGE'];

interface Operation {
  name: string;
  /** The success status. */
  ok: number;
  /** The 409 reasons this request may rightly meet. */
  reasons: readonly string[];
  send(baseUrl: string): Promise<JsonResponse>;
}

interface Outcome extends Answer {
  text: string;
}

/** The whole-day floor, A0 and D2 seating 6 or 4, listed in reverse label order (a save must lock in label order all the same). */
const wholeDayBody = (name: string, big: boolean) => ({
  name,
  address: 'Calle 85 # 11-53',
  description: 'Todo el día',
  photoUrl: 'https://example.com/dia.jpg',
  cityId: 1,
  tables: DEFAULT_TABLES.map((label) => ({ label, seats: big && (label === 'A0' || label === 'D2') ? 6 : 4 })).reverse(),
});

/** The timed restaurant's reservations booked before each round, for the storm to change: [table, time, party]. */
const TIMED_SEEDS = [
  ['A1', '19:00', 2],
  ['B1', '19:30', 4],
  ['C1', '20:00', 6],
  ['D1', '21:00', 6],
  ['C2', '22:00', 5],
  ['B2', '19:00', 3],
  ['A2', '19:15', 2],
  ['A3', '20:30', 1],
  ['B4', '21:30', 4],
  ['C3', '19:00', 5],
  ['D2', '20:00', 7],
  ['A4', '19:00', 2],
] as const;
const PACED_SEEDS = [
  ['A1', '19:00', 2],
  ['C1', '19:30', 4],
  ['B1', '20:00', 4],
  ['B2', '20:15', 3],
] as const;

/**
 * A whole-day INSERT straight into the database, answered like the api would be: 201, or 409 with the
 * reason the database gave (the exclusion constraint's name, or the trigger's code before the colon).
 */
async function insertBySql(database: DatabaseHandle, restaurantId: string, table: string, date: string): Promise<JsonResponse> {
  const answer = (status: number, reason: string | undefined, text: string): JsonResponse => ({
    status,
    headers: new Headers(),
    body: { data: { reason } },
    text,
  });
  try {
    await database.db.execute(
      sql`insert into reservations (restaurant_id, table_label, date, starts_at, ends_at)
          values (${restaurantId}, ${table}, ${date}, ${date}::timestamp at time zone 'America/Bogota',
                  (${date}::date + 1)::timestamp at time zone 'America/Bogota')`,
    );
    return answer(201, undefined, `inserted ${table} on ${date}`);
  } catch (error) {
    const found = findPgError(error);
    const message = String((error as { cause?: { message?: string } }).cause?.message ?? error);
    if (found?.code === '23P01' && found.constraint === 'reservations_table_no_overlap')
      return answer(409, 'TABLE_ALREADY_BOOKED', message);
    if (found?.code === '23514') return answer(409, /^([A-Z_]+): /.exec(message)?.[1], message);
    return answer(500, undefined, `${found?.code ?? ''} ${message}`);
  }
}

/** A seeded Fisher-Yates shuffle. */
function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** A bound, not a measurement: the storm takes 25-45 s beside another suite on two cores, longer on a busy machine. */
const STORM_TIMEOUT_MS = 180_000;

describe.skipIf(!postgresUrl)('a mixed storm over two server processes on real PostgreSQL', () => {
  let testDatabase: TestDatabase;
  let database: DatabaseHandle;
  let servers: SpawnedServer[] = [];

  beforeAll(async () => {
    testDatabase = await createTestDatabase(postgresUrl);
    // One connection: the deadlock figure is read when it is the only one left.
    database = createDb(testDatabase.url, { maxConnections: 1 });
    const env = { DATABASE_URL: testDatabase.url, RATE_LIMIT: 'off' };
    servers = await Promise.all([spawnServer(env), spawnServer(env)]);
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await database?.close();
    await testDatabase?.drop();
  });

  const serverLogs = () => servers.map((server, index) => `--- server ${index} ---\n${server.output().slice(-4000)}`).join('\n');

  it(
    `${ROUNDS} rounds of bookings, moves, cancels, status changes, pacing, a settings change and layout saves at once: every rule holds by SQL, no 5xx, no deadlock`,
    async () => {
      const deadlocksBefore = await deadlocks(database.db);
      const admin = (path: string) => `/api/admin/restaurant${path}`;
      const create = async (body: object) => {
        const created = await request(servers[0]!.url, 'POST', admin(''), { json: body });
        expect(created.status, created.text).toBe(201);
        return created.body.data.id as string;
      };
      const wholeDay = await create({ ...wholeDayBody('Mixta Todo el Día', false), dailyLimit: WHOLE_DAY_LIMIT });
      const timed = await create(timedRestaurantBody('Mixta Turnos'));
      const paced = await create({ ...timedRestaurantBody('Mixta Ritmo'), tables: PACED_TABLES, pacing: PACING });
      // As the database holds them (the layout saves below leave both out: kept).
      const [own] = await queryRows<{ dailyLimit: number; interval: number; covers: number }>(
        database.db,
        sql`select (select daily_limit from restaurants where id = ${wholeDay}) as "dailyLimit",
                 pacing_interval_minutes as interval, pacing_max_covers as covers from restaurants where id = ${paced}`,
      );
      expect(own).toEqual({ dailyLimit: WHOLE_DAY_LIMIT, interval: PACING.intervalMinutes, covers: PACING.maxCovers });

      const book = async (restaurant: string, body: object) => {
        const response = await request(servers[0]!.url, 'POST', admin(`/${restaurant}/reservations`), { json: body });
        expect(response.status, `${response.text}\n${response.status >= 500 ? serverLogs() : ''}`).toBe(201);
        return response.body.data.id as string;
      };

      const started = performance.now();
      const lines: string[] = [];
      const all: Outcome[] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        const date = addDays('2064-01-01', round * 3);
        const next = addDays(date, 1);
        const random = seededRandom(2600 + round);
        const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;

        const base = await request(servers[round % 2]!.url, 'PUT', '/api/admin/settings', { json: BASE_LIMITS });
        expect(base.status, base.text).toBe(200);
        // The reservations the storm changes, booked first.
        const w = await Promise.all(['A0', 'A1', 'A2', 'A3', 'B0', 'B1'].map((table) => book(wholeDay, { table, date })));
        const t = await Promise.all(TIMED_SEEDS.map(([table, time, partySize]) => book(timed, { table, date, time, partySize })));
        const p = await Promise.all(PACED_SEEDS.map(([table, time, partySize]) => book(paced, { table, date, time, partySize })));

        const change = round % 2 === 0 ? RAISED : LOWERED;
        const current = await request(servers[0]!.url, 'GET', admin(`/${paced}`));
        const pacedTables = current.body.data.tables as { label: string; seats: number }[];
        // C1 and C2 (6 seats, or 7) are candidates of every booking of 5 or 6 there, which hold them FOR SHARE in label
        // order: the save resizes both, listed in reverse order (it must lock them in label order too, or deadlock).
        const resized = pacedTables
          .map((table) => (table.label === 'C1' || table.label === 'C2' ? { label: table.label, seats: table.seats === 6 ? 7 : 6 } : table))
          .reverse();
        const pacedLayout =
          round % 2 === 0 ? [{ label: `E${round}`, seats: 2 }, ...resized] : resized.filter((table) => table.label !== `E${round - 1}`);
        const patch = (restaurant: string, id: string, body: object, reasons: readonly string[]): Operation => ({
          name: `change ${Object.keys(body).join('+')}`,
          ok: 200,
          reasons,
          send: (url) => request(url, 'PATCH', admin(`/${restaurant}/reservations/${id}`), { json: body }),
        });
        const cancel = (restaurant: string, id: string): Operation => ({
          name: 'cancel',
          ok: 200,
          reasons: CHANGED_MEANWHILE,
          send: (url) => request(url, 'POST', admin(`/${restaurant}/reservations/${id}/cancel`), { json: { reason: 'tormenta' } }),
        });
        const layout = (restaurant: string, body: object, name: string): Operation => ({
          name,
          ok: 200,
          reasons: ['TABLE_HAS_RESERVATIONS'],
          send: (url) => request(url, 'PUT', admin(`/${restaurant}`), { json: body }),
        });

        const listed: Operation[] = [
          // 40 whole-day bookings, half as guests.
          ...Array.from({ length: 40 }, (_, index): Operation => {
            const table = pick(DEFAULT_TABLES);
            const guest = index % 2 === 1;
            return {
              name: guest ? 'book whole day (guest)' : 'book whole day',
              ok: 201,
              reasons: WHOLE_DAY,
              send: (url) =>
                guest
                  ? request(url, 'POST', `/api/restaurants/${wholeDay}/reservations`, {
                      json: { table, date, guestName: `Invitada ${index}`, guestPhone: '+57 310 555 0101' },
                    })
                  : request(url, 'POST', admin(`/${wholeDay}/reservations`), { json: { table, date } }),
            };
          }),
          // 50 timed bookings at 20 tables, half naming a table.
          ...stormAttempts(50, 3600 + round).map(
            (attempt): Operation => ({
              name: 'book timed',
              ok: 201,
              reasons: TIMED,
              send: (url) => request(url, 'POST', admin(`/${timed}/reservations`), { json: { date, ...attempt } }),
            }),
          ),
          // 40 bookings into paced slots (8 covers a half hour), the table left to the server, half as guests.
          ...Array.from({ length: 40 }, (_, index): Operation => {
            const time = clock(19 * 60 + 15 * Math.floor(random() * 7));
            const partySize = 1 + Math.floor(random() * 6);
            const guest = index % 2 === 1;
            return {
              name: guest ? 'book paced (guest)' : 'book paced',
              ok: 201,
              reasons: PACED,
              send: (url) =>
                guest
                  ? request(url, 'POST', `/api/restaurants/${paced}/reservations`, {
                      json: { date, time, partySize, guestName: `Ritmo ${index}`, guestEmail: `ritmo${index}@example.com` },
                    })
                  : request(url, 'POST', admin(`/${paced}/reservations`), { json: { date, time, partySize } }),
            };
          }),
          // Moves: to another day, another table, another time (one past midnight), a longer turn, a larger party, a paced start.
          patch(wholeDay, w[1]!, { date: next, table: pick(DEFAULT_TABLES) }, [...WHOLE_DAY, ...CHANGED_MEANWHILE]),
          patch(wholeDay, w[4]!, { table: pick(DEFAULT_TABLES) }, [...WHOLE_DAY, ...CHANGED_MEANWHILE]),
          patch(timed, t[0]!, { time: '20:15' }, [...TIMED, ...CHANGED_MEANWHILE]),
          patch(timed, t[1]!, { time: '19:45', table: 'B3' }, [...TIMED, ...CHANGED_MEANWHILE]),
          patch(timed, t[2]!, { date: next, time: '19:00' }, [...TIMED, ...CHANGED_MEANWHILE]),
          patch(timed, t[3]!, { partySize: 8 }, [...TIMED, ...CHANGED_MEANWHILE]),
          patch(timed, t[6]!, { table: 'A5' }, [...TIMED, ...CHANGED_MEANWHILE]),
          patch(timed, t[7]!, { time: '22:00' }, [...TIMED, ...CHANGED_MEANWHILE]),
          patch(timed, t[8]!, { date: next, time: '21:30' }, [...TIMED, ...CHANGED_MEANWHILE]),
          patch(timed, t[9]!, { time: '19:30', durationMinutes: 180 }, [...TIMED, ...CHANGED_MEANWHILE]),
          patch(timed, t[11]!, { time: '19:30' }, [...TIMED, ...CHANGED_MEANWHILE]),
          patch(paced, p[0]!, { time: '19:15' }, [...PACED, ...CHANGED_MEANWHILE]),
          patch(paced, p[1]!, { partySize: 6 }, [...PACED, ...CHANGED_MEANWHILE]),
          patch(paced, p[3]!, { date: next, time: '20:15' }, [...PACED, ...CHANGED_MEANWHILE]),
          // Cancels, three of them racing a move of the same reservation.
          cancel(wholeDay, w[0]!),
          cancel(wholeDay, w[1]!),
          cancel(timed, t[4]!),
          cancel(timed, t[0]!),
          cancel(timed, t[8]!),
          cancel(timed, t[11]!),
          cancel(paced, p[2]!),
          cancel(paced, p[0]!),
          // Status changes (seated and completed racing; a timed start hours away is too early to seat) and a note racing a move.
          patch(wholeDay, w[2]!, { status: 'seated' }, CHANGED_MEANWHILE),
          patch(wholeDay, w[3]!, { status: 'no_show' }, CHANGED_MEANWHILE),
          patch(wholeDay, w[5]!, { status: 'seated' }, CHANGED_MEANWHILE),
          patch(wholeDay, w[5]!, { status: 'completed' }, CHANGED_MEANWHILE),
          patch(timed, t[5]!, { status: 'no_show' }, CHANGED_MEANWHILE),
          patch(timed, t[10]!, { status: 'seated' }, CHANGED_MEANWHILE),
          patch(timed, t[1]!, { notes: `ronda ${round}` }, CHANGED_MEANWHILE),
          // Writers that never go through the api: INSERTs as typed into psql, judged by the constraint and the trigger.
          ...Array.from(
            { length: 4 },
            (): Operation => ({
              name: 'psql insert whole day',
              ok: 201,
              reasons: WHOLE_DAY,
              send: () => insertBySql(database, wholeDay, pick(DEFAULT_TABLES), date),
            }),
          ),
          // The stored limits change while the day fills.
          {
            name: round % 2 === 0 ? 'raise limits' : 'lower limits',
            ok: 200,
            reasons: [],
            send: (url) => request(url, 'PUT', '/api/admin/settings', { json: change }),
          },
          // Layout saves: two tables resized; two resized and one added, or the one added last round dropped
          // (refused while it holds a booking); and, at the busiest restaurant, two saves of the layout as it is.
          layout(wholeDay, wholeDayBody('Mixta Todo el Día', round % 2 === 0), 'layout: resize tables'),
          layout(
            paced,
            { ...timedRestaurantBody('Mixta Ritmo'), tables: pacedLayout },
            round % 2 === 0 ? 'layout: resize tables and add one' : 'layout: resize tables and drop one',
          ),
          layout(timed, timedRestaurantBody('Mixta Turnos'), 'layout: unchanged'),
          layout(timed, timedRestaurantBody('Mixta Turnos'), 'layout: unchanged'),
          // Slot reads at the paced restaurant.
          ...Array.from(
            { length: 6 },
            (): Operation => ({
              name: 'read slots',
              ok: 200,
              reasons: [],
              send: (url) => request(url, 'GET', `/api/restaurants/${paced}/slots?date=${date}&partySize=2`),
            }),
          ),
        ];

        // Shuffled: the servers take requests in arrival order (each pool queues them), so listed in
        // groups the moves would only start once the bookings were done.
        const operations = shuffled(listed, random);

        // Row versions of the busiest restaurant's tables: a save that changes nothing writes none.
        const tableRows = () =>
          queryRows<{ label: string; version: string }>(
            database.db,
            sql`select label, xmin::text as version from restaurant_tables where restaurant_id = ${timed} order by label`,
          );
        const tableRowsBefore = await tableRows();

        const stormStart = performance.now();
        const outcomes = await Promise.all(
          operations.map(async (operation, index): Promise<Outcome> => {
            try {
              const response = await operation.send(servers[index % servers.length]!.url);
              return { operation: operation.name, status: response.status, reason: response.body?.data?.reason, text: response.text };
            } catch (error) {
              // request() checks every answer against the OpenAPI document; a mismatch lands here.
              return { operation: operation.name, status: 0, reason: 'no documented answer', text: String(error) };
            }
          }),
        );
        const stormMs = performance.now() - stormStart;
        all.push(...outcomes);
        const failures = outcomes.filter((outcome) => outcome.status === 0 || outcome.status >= 500);
        expect(failures, failures.length > 0 ? serverLogs() : '').toEqual([]);
        // Each answer is the request's success, or a 409 with a reason that request may rightly meet.
        for (const [index, outcome] of outcomes.entries()) {
          const operation = operations[index]!;
          if (outcome.status === operation.ok) continue;
          const context = `${operation.name} -> ${outcome.status} ${outcome.text}`;
          expect(outcome.status, context).toBe(409);
          expect(outcome.reason, context).toBeOneOf([...operation.reasons]);
        }

        // By SQL: the table rule and pacing everywhere; this round's days against the larger limits in force.
        const inForce = {
          globalDailyLimit: Math.max(BASE_LIMITS.globalDailyLimit, change.globalDailyLimit),
          restaurantDailyLimit: Math.max(BASE_LIMITS.restaurantDailyLimit, change.restaurantDailyLimit),
        };
        expect(await storedLimits(database.db)).toEqual(change);
        expect(await tableRows()).toEqual(tableRowsBefore);
        const [kept] = await queryRows<{ n: number }>(
          database.db,
          sql`select count(*)::int as n from restaurants where (id = ${wholeDay} and daily_limit = ${WHOLE_DAY_LIMIT})
              or (id = ${paced} and pacing_interval_minutes = ${PACING.intervalMinutes} and pacing_max_covers = ${PACING.maxCovers})`,
        );
        expect(kept?.n).toBe(2);
        expect(await ruleBreaks(database.db, [date, next], inForce)).toEqual({
          overlaps: [],
          globalDays: [],
          restaurantDays: [],
          pacingIntervals: [],
        });
        lines.push(
          `  round ${String(round + 1).padStart(2)} ${date}: ${operations.length} requests in ${stormMs.toFixed(0)} ms; ${formatTally(tally(outcomes))}`,
        );
      }
      const stormSeconds = (performance.now() - started) / 1000;

      // The servers stop; their backends exit, flushing their statistics; then the counter is complete.
      await Promise.all(servers.map((server) => server.stop()));
      await quiesce(database.db);
      const deadlocksAfter = await deadlocks(database.db);

      // The storm really mixed: bookings accepted and refused for each kind of rule, moves and cancels done.
      const totals = tally(all.map((outcome) => ({ operation: 'all', status: outcome.status, reason: outcome.reason })));
      for (const key of [
        'all 200',
        'all 201',
        'all 409 TABLE_ALREADY_BOOKED',
        'all 409 NO_TABLE_AVAILABLE',
        'all 409 PACING_LIMIT',
        'all 409 RESTAURANT_DAILY_LIMIT',
      ]) {
        expect(totals.get(key) ?? 0, key).toBeGreaterThan(0);
      }
      console.info(
        [
          `[mixed-storm] ${ROUNDS} rounds over 2 processes, ${all.length} requests in ${stormSeconds.toFixed(1)} s (with each round's setup); pg_stat_database.deadlocks before ${deadlocksBefore}, after ${deadlocksAfter}`,
          `  totals: ${formatTally(totals)}`,
          ...lines,
        ].join('\n'),
      );
      expect(deadlocksAfter).toBe(deadlocksBefore);

      // Control: a real deadlock between two sessions moves the counter by one, read the same way.
      const sessions = await Promise.all(
        [0, 1].map(async () => {
          const client = new pg.Client({ connectionString: testDatabase.url });
          await client.connect();
          await client.query('begin');
          return client;
        }),
      );
      await sessions[0]!.query('select pg_advisory_xact_lock(1)');
      await sessions[1]!.query('select pg_advisory_xact_lock(2)');
      const crossed = await Promise.allSettled([
        sessions[0]!.query('select pg_advisory_xact_lock(2)'),
        sessions[1]!.query('select pg_advisory_xact_lock(1)'),
      ]);
      expect(crossed.map((result) => (result.status === 'rejected' ? (result.reason as { code?: string }).code : 'ok')).sort()).toEqual([
        '40P01',
        'ok',
      ]);
      await Promise.all(sessions.map((client) => client.end()));
      await quiesce(database.db);
      expect(await deadlocks(database.db)).toBe(deadlocksAfter + 1);
    },
    STORM_TIMEOUT_MS,
  );
});
