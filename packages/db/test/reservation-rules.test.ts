// Issue 15: no writer can bypass the booking rules. Every statement here is plain SQL, as an operator
// would type it into psql, sent straight to the database (never through the api): INSERTs and UPDATEs
// that would break a rule fail with a PostgreSQL error naming the rule (the exclusion constraint
// reservations_table_no_overlap for the table rule; 23514 with a message that starts with the reason
// code for GLOBAL_DAILY_LIMIT, RESTAURANT_DAILY_LIMIT and PACING_LIMIT), and ones that break nothing
// pass. On in-memory PGlite and on a fresh database of the real PostgreSQL; on the real server also the
// day lock a lock-less writer waits on, and the real `psql` binary.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { createTestDatabase, type TestDatabase } from '@tablebook/testing';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { createDb, type DatabaseHandle, migrate } from '../src/index.ts';
import { attempt, dayGenerator, insertRestaurant, type Outcome, plusDays, type Session, triggerRefusal } from './support/sql-writer.ts';

const postgresUrl = inject('postgresUrl');

const outcomeOf = (session: Session) => (text: string) => attempt(session, text);

/**
 * The table rule's error (23P01, the exclusion constraint's name): the rules trigger raises it first,
 * its message starting with the reason code, before the constraint's own recheck would.
 */
const tableRule = {
  code: '23P01',
  constraint: 'reservations_table_no_overlap',
  message: expect.stringMatching(/^TABLE_ALREADY_BOOKED: table [A-Z0-9]+ is already held from /),
};
/** The trigger's errors: 23514, the rule's constraint name, the message starting with the reason code. */
const limitRule = (reason: 'GLOBAL_DAILY_LIMIT' | 'RESTAURANT_DAILY_LIMIT' | 'PACING_LIMIT') =>
  triggerRefusal(reason, `reservations_${reason.toLowerCase()}`);

/** A whole-day reservation as an operator writes it: the restaurant's local day, midnight to midnight. */
const wholeDay = (restaurant: string, table: string, date: string, zone = 'America/Bogota') =>
  `insert into reservations (restaurant_id, table_label, date, starts_at, ends_at)
   values ('${restaurant}', '${table}', '${date}', '${date}'::timestamp at time zone '${zone}',
           ('${date}'::date + 1)::timestamp at time zone '${zone}')`;

/** A timed reservation: `date` is the opening range's day, `startsLocal` the local start ('YYYY-MM-DD HH:MM'). */
const timed = (
  restaurant: string,
  table: string,
  date: string,
  startsLocal: string,
  minutes: number,
  partySize: number,
  zone = 'America/Bogota',
) =>
  `insert into reservations (restaurant_id, table_label, date, start_time, duration_minutes, starts_at, ends_at, party_size)
   values ('${restaurant}', '${table}', '${date}', '${startsLocal.slice(11)}', ${minutes},
           '${startsLocal}'::timestamp at time zone '${zone}',
           '${startsLocal}'::timestamp at time zone '${zone}' + interval '${minutes} minutes', ${partySize})
   returning id`;

/** Distinct far-future days, so no two tests share a day's count. */
const freshDay = dayGenerator('2041-01-01');

function rulesSuite(connect: () => Session) {
  let session: Session;
  let attempt: (text: string) => Promise<Outcome>;
  const setLimits = (global: number, restaurant: number) =>
    session.query(`update settings set global_daily_limit = ${global}, restaurant_daily_limit = ${restaurant} where id = 1`);
  const liveCount = async (where: string) => {
    const [row] = await session.query<{ n: number }>(
      `select count(*)::int as n from reservations where status <> 'cancelled' and ${where}`,
    );
    return row!.n;
  };
  const idOf = async (text: string) => (await session.query<{ id: string }>(`${text} returning id`))[0]!.id;

  beforeAll(() => {
    session = connect();
    attempt = outcomeOf(session);
  });
  // Each test states the limits it needs; by default they stay out of the way.
  beforeEach(() => setLimits(1_000_000, 1_000_000));

  it('TABLE: a second live reservation of a table that day, an overlapping turn, an UPDATE onto a held table and a revived overlap fail on reservations_table_no_overlap; turns end to end, other tables and cancelled rows pass', async () => {
    const date = freshDay();
    const whole = await insertRestaurant(session, 'Mesa Entera');
    expect(await attempt(wholeDay(whole, 'A1', date))).toEqual({ passed: true });
    expect(await attempt(wholeDay(whole, 'A1', date))).toMatchObject(tableRule);
    expect(await attempt(wholeDay(whole, 'A2', date))).toEqual({ passed: true });
    // A timed row inside the whole day's range collides with it: the same constraint, the same range type.
    expect(await attempt(timed(whole, 'A1', date, `${date} 20:00`, 90, 2))).toMatchObject(tableRule);
    // The next day is free.
    expect(await attempt(wholeDay(whole, 'A1', plusDays(date, 1)))).toEqual({ passed: true });

    const turns = await insertRestaurant(session, 'Mesa Por Turnos', { hours: { opens: '18:00', closes: '23:00' } });
    expect(await attempt(timed(turns, 'B1', date, `${date} 19:00`, 120, 2))).toEqual({ passed: true });
    expect(await attempt(timed(turns, 'B1', date, `${date} 20:59`, 90, 2))).toMatchObject(tableRule);
    // [19:00, 21:00) and [21:00, 22:30) touch but do not overlap.
    expect(await attempt(timed(turns, 'B1', date, `${date} 21:00`, 90, 2))).toEqual({ passed: true });
    const other = (await session.query<{ id: string }>(timed(turns, 'B2', date, `${date} 20:00`, 90, 2)))[0]!.id;
    // An UPDATE that moves a row onto a held table, or stretches it into the next turn.
    expect(await attempt(`update reservations set table_label = 'B1' where id = '${other}'`)).toMatchObject(tableRule);
    expect(
      await attempt(`update reservations set table_label = 'B1', starts_at = starts_at + interval '2 hours',
                            ends_at = ends_at + interval '2 hours', start_time = '22:00' where id = '${other}'`),
    ).toMatchObject(tableRule);
    // A cancelled row holds nothing; reviving it into a held range fails.
    await session.query(`update reservations set status = 'cancelled' where id = '${other}'`);
    expect(await attempt(`update reservations set table_label = 'B1' where id = '${other}'`)).toEqual({ passed: true });
    expect(await attempt(`update reservations set status = 'confirmed' where id = '${other}'`)).toMatchObject(tableRule);
    expect(await liveCount(`restaurant_id = '${turns}' and table_label = 'B1'`)).toBe(2);
  });

  it('GLOBAL_DAILY_LIMIT: the stored settings row decides, at once, across restaurants, per date', async () => {
    await setLimits(3, 1_000_000);
    const date = freshDay();
    const first = await insertRestaurant(session, 'Global Uno');
    const second = await insertRestaurant(session, 'Global Dos');
    for (const statement of [wholeDay(first, 'A1', date), wholeDay(first, 'A2', date), wholeDay(second, 'A1', date)]) {
      expect(await attempt(statement)).toEqual({ passed: true });
    }
    const refused = await attempt(wholeDay(second, 'A2', date));
    expect(refused).toMatchObject(limitRule('GLOBAL_DAILY_LIMIT'));
    expect(refused.message).toBe(`GLOBAL_DAILY_LIMIT: the system already has 3 reservation(s) on ${date} (its daily limit is 3)`);
    // Another day has its own count.
    expect(await attempt(wholeDay(second, 'A2', plusDays(date, 1)))).toEqual({ passed: true });
    // Raising the stored limit takes effect on the next statement.
    await setLimits(4, 1_000_000);
    expect(await attempt(wholeDay(second, 'A2', date))).toEqual({ passed: true });
    expect(await attempt(wholeDay(second, 'A3', date))).toMatchObject(limitRule('GLOBAL_DAILY_LIMIT'));
    expect(await liveCount(`date = '${date}'`)).toBe(4);
  });

  it("RESTAURANT_DAILY_LIMIT: the stored default, and a restaurant's own daily_limit above and below it", async () => {
    await setLimits(1_000_000, 2);
    const date = freshDay();
    const byDefault = await insertRestaurant(session, 'Por Defecto');
    const larger = await insertRestaurant(session, 'Limite Propio Alto', { dailyLimit: 4 });
    const smaller = await insertRestaurant(session, 'Limite Propio Bajo', { dailyLimit: 1 });

    expect(await attempt(wholeDay(byDefault, 'A1', date))).toEqual({ passed: true });
    expect(await attempt(wholeDay(byDefault, 'A2', date))).toEqual({ passed: true });
    const refused = await attempt(wholeDay(byDefault, 'A3', date));
    expect(refused).toMatchObject(limitRule('RESTAURANT_DAILY_LIMIT'));
    expect(refused.message).toBe(
      `RESTAURANT_DAILY_LIMIT: restaurant ${byDefault} already has 2 reservation(s) on ${date} (its daily limit is 2)`,
    );

    for (const table of ['A1', 'A2', 'A3', 'A4']) expect(await attempt(wholeDay(larger, table, date))).toEqual({ passed: true });
    expect(await attempt(wholeDay(larger, 'A5', date))).toMatchObject(limitRule('RESTAURANT_DAILY_LIMIT'));

    expect(await attempt(wholeDay(smaller, 'A1', date))).toEqual({ passed: true });
    expect(await attempt(wholeDay(smaller, 'A2', date))).toMatchObject(limitRule('RESTAURANT_DAILY_LIMIT'));

    // Without its own limit the restaurant falls back to the stored default: room for a second booking.
    await session.query(`update restaurants set daily_limit = null where id = '${smaller}'`);
    expect(await attempt(wholeDay(smaller, 'A2', date))).toEqual({ passed: true });
    expect(await attempt(wholeDay(smaller, 'A3', date))).toMatchObject(limitRule('RESTAURANT_DAILY_LIMIT'));
    expect(await liveCount(`date = '${date}'`)).toBe(2 + 4 + 2);
  });

  it('a multi-row INSERT that would take a day past its limit fails as a whole', async () => {
    await setLimits(1_000_000, 2);
    const date = freshDay();
    const restaurant = await insertRestaurant(session, 'Varias Filas');
    const refused = await attempt(
      `insert into reservations (restaurant_id, table_label, date, starts_at, ends_at)
       select '${restaurant}', label, '${date}', '${date}'::timestamp at time zone 'America/Bogota',
              ('${date}'::date + 1)::timestamp at time zone 'America/Bogota'
         from unnest(array['A1', 'A2', 'A3']) as label`,
    );
    expect(refused).toMatchObject(limitRule('RESTAURANT_DAILY_LIMIT'));
    expect(await liveCount(`restaurant_id = '${restaurant}'`)).toBe(0);
  });

  it('PACING_LIMIT: the covers starting in one interval of restaurants.pacing_* (from local midnight) stay within pacing_max_covers', async () => {
    const date = freshDay();
    const paced = await insertRestaurant(session, 'Ritmo', {
      hours: { opens: '18:00', closes: '23:00' },
      pacing: { intervalMinutes: 30, maxCovers: 6 },
    });
    expect(await attempt(timed(paced, 'A1', date, `${date} 19:00`, 120, 4))).toEqual({ passed: true });
    expect(await attempt(timed(paced, 'A2', date, `${date} 19:15`, 120, 2))).toEqual({ passed: true });
    const refused = await attempt(timed(paced, 'A3', date, `${date} 19:29`, 90, 1));
    expect(refused).toMatchObject(limitRule('PACING_LIMIT'));
    expect(refused.message).toBe(`PACING_LIMIT: the 19:00-19:30 interval on ${date} has 0 of 6 covers left; a party of 1 does not fit`);
    // The next interval has its own covers; a whole-day row at the same restaurant counts none.
    expect(await attempt(timed(paced, 'A3', date, `${date} 19:30`, 90, 6))).toEqual({ passed: true });
    expect(await attempt(timed(paced, 'A4', date, `${date} 19:45`, 90, 1))).toMatchObject(limitRule('PACING_LIMIT'));
    expect(await attempt(wholeDay(paced, 'W1', date))).toEqual({ passed: true });
    // A cancelled row's covers are free again.
    await session.query(`update reservations set status = 'cancelled' where restaurant_id = '${paced}' and start_time = '19:15'`);
    expect(await attempt(timed(paced, 'A5', date, `${date} 19:20`, 90, 2))).toEqual({ passed: true });

    // Intervals are on the local clock: in Kathmandu (+05:45) 19:50 and 20:10 are two hours' intervals,
    // though both fall in 14:00-15:00 UTC; 19:15 shares 19:50's.
    const kathmandu = await insertRestaurant(session, 'Ritmo Katmandu', {
      zone: 'Asia/Kathmandu',
      hours: { opens: '18:00', closes: '23:00' },
      pacing: { intervalMinutes: 60, maxCovers: 4 },
    });
    expect(await attempt(timed(kathmandu, 'A1', date, `${date} 19:50`, 90, 4, 'Asia/Kathmandu'))).toEqual({ passed: true });
    expect(await attempt(timed(kathmandu, 'A2', date, `${date} 20:10`, 90, 4, 'Asia/Kathmandu'))).toEqual({ passed: true });
    expect(await attempt(timed(kathmandu, 'A3', date, `${date} 19:15`, 90, 1, 'Asia/Kathmandu'))).toMatchObject({
      ...limitRule('PACING_LIMIT'),
      message: `PACING_LIMIT: the 19:00-20:00 interval on ${date} has 0 of 4 covers left; a party of 1 does not fit`,
    });
  });

  it('PACING_LIMIT on UPDATE: a larger party or a new start into a full interval fails; a smaller party, a move within the interval and one to a free interval pass', async () => {
    const date = freshDay();
    const paced = await insertRestaurant(session, 'Ritmo Cambios', {
      hours: { opens: '18:00', closes: '23:00' },
      pacing: { intervalMinutes: 15, maxCovers: 4 },
    });
    const early = (await session.query<{ id: string }>(timed(paced, 'A1', date, `${date} 19:00`, 90, 3)))[0]!.id;
    const late = (await session.query<{ id: string }>(timed(paced, 'A2', date, `${date} 19:15`, 90, 4)))[0]!.id;
    expect(await attempt(`update reservations set party_size = 5 where id = '${early}'`)).toMatchObject(limitRule('PACING_LIMIT'));
    expect(await attempt(`update reservations set party_size = 4 where id = '${early}'`)).toEqual({ passed: true });
    expect(await attempt(`update reservations set party_size = 2 where id = '${early}'`)).toEqual({ passed: true });
    // A move counts at its new start, leaving itself out: 19:15 is full (4 of 4), 19:10 is its own interval.
    const moveTo = (id: string, clock: string) =>
      `update reservations set start_time = '${clock}', starts_at = '${date} ${clock}'::timestamp at time zone 'America/Bogota',
              ends_at = '${date} ${clock}'::timestamp at time zone 'America/Bogota' + interval '90 minutes' where id = '${id}'`;
    expect(await attempt(moveTo(early, '19:20'))).toMatchObject(limitRule('PACING_LIMIT'));
    expect(await attempt(moveTo(early, '19:10'))).toEqual({ passed: true });
    expect(await attempt(moveTo(late, '19:25'))).toEqual({ passed: true });
    expect(await attempt(moveTo(early, '19:30'))).toEqual({ passed: true });
    const [covers] = await session.query<{ n: number }>(
      `select coalesce(sum(party_size), 0)::int as n from reservations where restaurant_id = '${paced}' and start_time >= '19:15' and start_time < '19:30'`,
    );
    expect(covers!.n).toBe(4);
  });

  it('an UPDATE that moves a reservation to a full day fails (either limit); a move within its day or to a day with room passes', async () => {
    await setLimits(3, 2);
    const full = freshDay();
    const open = freshDay();
    const restaurant = await insertRestaurant(session, 'Mudanza');
    const neighbour = await insertRestaurant(session, 'Mudanza Vecina');
    await session.query(wholeDay(restaurant, 'A1', full));
    await session.query(wholeDay(restaurant, 'A2', full));
    const mover = await idOf(wholeDay(restaurant, 'A1', open));
    const moveTo = (id: string, date: string, table = 'A3') =>
      `update reservations set date = '${date}', table_label = '${table}',
              starts_at = '${date}'::timestamp at time zone 'America/Bogota',
              ends_at = ('${date}'::date + 1)::timestamp at time zone 'America/Bogota' where id = '${id}'`;
    expect(await attempt(moveTo(mover, full))).toMatchObject(limitRule('RESTAURANT_DAILY_LIMIT'));
    // The neighbour's third booking of the day fills the system's 3.
    const neighbours = await idOf(wholeDay(neighbour, 'A1', full));
    const elsewhere = await idOf(wholeDay(neighbour, 'A2', open));
    expect(await attempt(moveTo(elsewhere, full))).toMatchObject(limitRule('GLOBAL_DAILY_LIMIT'));
    // Moving to another restaurant is judged as a new day there.
    expect(
      await attempt(`update reservations set restaurant_id = '${restaurant}', table_label = 'A9' where id = '${neighbours}'`),
    ).toMatchObject(limitRule('RESTAURANT_DAILY_LIMIT'));
    // Within its own day: another table passes.
    expect(await attempt(`update reservations set table_label = 'B1' where id = '${mover}'`)).toEqual({ passed: true });
    expect(await liveCount(`date = '${full}'`)).toBe(3);
    expect(await liveCount(`date = '${open}'`)).toBe(2);
  });

  it('a revived cancelled reservation is a new booking: refused on a full day, accepted when there is room', async () => {
    await setLimits(1_000_000, 2);
    const date = freshDay();
    const restaurant = await insertRestaurant(session, 'Resucitada');
    const first = await idOf(wholeDay(restaurant, 'A1', date));
    await session.query(wholeDay(restaurant, 'A2', date));
    expect(await attempt(`update reservations set status = 'cancelled', cancel_reason = 'psql' where id = '${first}'`)).toEqual({
      passed: true,
    });
    await session.query(wholeDay(restaurant, 'A3', date));
    expect(await attempt(`update reservations set status = 'confirmed', cancel_reason = null where id = '${first}'`)).toMatchObject(
      limitRule('RESTAURANT_DAILY_LIMIT'),
    );
    await setLimits(1_000_000, 3);
    expect(await attempt(`update reservations set status = 'confirmed', cancel_reason = null where id = '${first}'`)).toEqual({
      passed: true,
    });
    expect(await liveCount(`restaurant_id = '${restaurant}'`)).toBe(3);
  });

  it('lowering a limit cancels nothing: on a day over the lowered limits, notes, status changes, a turn ended early and a cancel pass; a new booking fails', async () => {
    await setLimits(1_000_000, 1_000_000);
    const date = freshDay();
    const restaurant = await insertRestaurant(session, 'Limite Rebajado', {
      hours: { opens: '18:00', closes: '23:00' },
      pacing: { intervalMinutes: 60, maxCovers: 10 },
    });
    const ids: string[] = [];
    for (const [table, clock] of [
      ['A1', '19:00'],
      ['A2', '19:15'],
      ['A3', '19:30'],
    ] as const) {
      ids.push((await session.query<{ id: string }>(timed(restaurant, table, date, `${date} ${clock}`, 120, 3)))[0]!.id);
    }
    // Every limit below the day's figures now: global 2, the restaurant's own 1, pacing 4 covers an hour.
    await setLimits(2, 1_000_000);
    await session.query(`update restaurants set daily_limit = 1, pacing_max_covers = 4 where id = '${restaurant}'`);
    expect(await liveCount(`date = '${date}'`)).toBe(3);

    const [a, b, c] = ids as [string, string, string];
    expect(await attempt(`update reservations set notes = 'ventana', guest_name = 'Ana' where id = '${a}'`)).toEqual({ passed: true });
    expect(await attempt(`update reservations set status = 'seated' where id = '${a}'`)).toEqual({ passed: true });
    expect(
      await attempt(`update reservations set status = 'completed', ends_at = starts_at + interval '40 minutes' where id = '${a}'`),
    ).toEqual({ passed: true });
    expect(await attempt(`update reservations set status = 'no_show', ends_at = starts_at where id = '${b}'`)).toEqual({ passed: true });
    // A smaller party asks nothing of pacing either.
    expect(await attempt(`update reservations set party_size = 2 where id = '${c}'`)).toEqual({ passed: true });
    expect(await attempt(`update reservations set status = 'cancelled' where id = '${c}'`)).toEqual({ passed: true });
    expect(await liveCount(`date = '${date}'`)).toBe(2);
    // Still at the lowered global limit (2 of 2): a new booking is refused; the first rule that fails is named.
    expect(await attempt(timed(restaurant, 'A4', date, `${date} 21:00`, 90, 1))).toMatchObject(limitRule('GLOBAL_DAILY_LIMIT'));
    await setLimits(3, 1_000_000);
    expect(await attempt(timed(restaurant, 'A4', date, `${date} 21:00`, 90, 1))).toMatchObject(limitRule('RESTAURANT_DAILY_LIMIT'));
  });

  it('a cancel always passes, even of a row that a lowered limit and pacing would refuse now', async () => {
    await setLimits(1_000_000, 1_000_000);
    const date = freshDay();
    const restaurant = await insertRestaurant(session, 'Siempre Cancela', {
      hours: { opens: '18:00', closes: '23:00' },
      pacing: { intervalMinutes: 30, maxCovers: 20 },
    });
    const ids: string[] = [];
    for (const table of ['A1', 'A2', 'A3', 'A4']) {
      ids.push((await session.query<{ id: string }>(timed(restaurant, table, date, `${date} 20:00`, 90, 5)))[0]!.id);
    }
    await setLimits(1, 1);
    await session.query(`update restaurants set pacing_max_covers = 1 where id = '${restaurant}'`);
    for (const id of ids) {
      expect(await attempt(`update reservations set status = 'cancelled', cancel_reason = 'psql' where id = '${id}'`)).toEqual({
        passed: true,
      });
    }
    expect(await liveCount(`date = '${date}'`)).toBe(0);
  });

  it('a turn past midnight takes the lock of its date and of the next day; a note change takes none', async () => {
    const date = freshDay();
    const restaurant = await insertRestaurant(session, 'Medianoche', { hours: { opens: '20:00', closes: '02:00' } });
    const dayKeys = async () =>
      (
        await session.query<{ day: string }>(
          `select (date '1970-01-01' + objid::int)::text as day from pg_locks
            where locktype = 'advisory' and pid = pg_backend_pid() and classid = 29794 and objsubid = 2 order by objid`,
        )
      ).map((row) => row.day);
    await session.query('begin');
    try {
      const id = (await session.query<{ id: string }>(timed(restaurant, 'A1', date, `${date} 23:30`, 150, 2)))[0]!.id;
      expect(await dayKeys()).toEqual([date, plusDays(date, 1)]);
      await session.query('commit');
      await session.query('begin');
      await session.query(`update reservations set notes = 'aniversario' where id = '${id}'`);
      expect(await dayKeys()).toEqual([]);
    } finally {
      await session.query('rollback');
    }
  });

  it('deferred to COMMIT, the rules judge the end state: over the limit then a cancel commits; over the limit fails at COMMIT', async () => {
    await setLimits(1_000_000, 2);
    const date = freshDay();
    const restaurant = await insertRestaurant(session, 'Diferido');
    await session.query(wholeDay(restaurant, 'A1', date));
    const second = await idOf(wholeDay(restaurant, 'A2', date));

    await session.query('begin');
    await session.query('set constraints all deferred');
    expect(await attempt(wholeDay(restaurant, 'A3', date))).toEqual({ passed: true });
    await session.query(`update reservations set status = 'cancelled' where id = '${second}'`);
    expect(await attempt('commit')).toEqual({ passed: true });
    expect(await liveCount(`restaurant_id = '${restaurant}'`)).toBe(2);

    await session.query('begin');
    await session.query('set constraints all deferred');
    expect(await attempt(wholeDay(restaurant, 'A4', date))).toEqual({ passed: true });
    expect(await attempt('commit')).toMatchObject(limitRule('RESTAURANT_DAILY_LIMIT'));
    expect(await liveCount(`restaurant_id = '${restaurant}'`)).toBe(2);
  });
}

describe('reservation rules for any writer, on PGlite', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = createDb('memory://');
    await migrate(handle);
  });
  afterAll(() => handle?.close());
  // Drizzle's documented handle on the driver underneath: PGlite's own session, statements as typed.
  rulesSuite(() => {
    const client = (handle.db as unknown as { $client: PGlite }).$client;
    return { query: async (text) => (await client.query(text)).rows as never };
  });
});

/** A session of its own on the real server, like one psql. */
async function openClient(url: string): Promise<Session & { end(): Promise<void> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return { query: async (text) => (await client.query(text)).rows, end: () => client.end() };
}

/** The installed psql: on PATH, else next to the server binaries. */
function findPsql(): string | undefined {
  const onPath = spawnSync('sh', ['-c', 'command -v psql'], { encoding: 'utf8' }).stdout.trim();
  if (onPath) return onPath;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  return readdirSync(root)
    .map((version) => join(root, version, 'bin', 'psql'))
    .find((candidate) => existsSync(candidate));
}

describe.skipIf(!postgresUrl)('reservation rules for any writer, on real PostgreSQL', () => {
  let testDatabase: TestDatabase;
  const clients: { end(): Promise<void> }[] = [];
  const client = async () => {
    const opened = await openClient(testDatabase.url);
    clients.push(opened);
    return opened;
  };
  let main: Session;
  beforeAll(async () => {
    testDatabase = await createTestDatabase(postgresUrl);
    const handle = createDb(testDatabase.url);
    try {
      await migrate(handle);
    } finally {
      await handle.close();
    }
    main = await client();
  });
  afterAll(async () => {
    await Promise.all(clients.map((opened) => opened.end()));
    await testDatabase?.drop();
  });

  rulesSuite(() => main);

  it('a writer that takes no lock of its own waits for the day lock of a transaction booking that day, then is refused by what it committed', async () => {
    await main.query('update settings set global_daily_limit = 1000000, restaurant_daily_limit = 2 where id = 1');
    const date = freshDay();
    const restaurant = await insertRestaurant(main, 'Dos Sesiones');
    await main.query(wholeDay(restaurant, 'A1', date));
    const first = await client();
    const second = await client();
    const [{ pid }] = (await second.query<{ pid: number }>('select pg_backend_pid() as pid')) as [{ pid: number }];
    await first.query('begin');
    await first.query(wholeDay(restaurant, 'A2', date));
    // Without the trigger's lock this INSERT would count one committed row and pass: two sessions, three rows.
    const late = outcomeOf(second)(wholeDay(restaurant, 'A3', date));
    const waiting = async () =>
      (
        await main.query<{ n: number }>(
          `select count(*)::int as n from pg_locks where pid = ${pid} and locktype = 'advisory' and not granted
              and classid = 29794 and objid = ${(Date.parse(date) / 86_400_000) | 0}`,
        )
      )[0]!.n;
    const deadline = Date.now() + 10_000;
    while ((await waiting()) === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await waiting()).toBe(1);
    await first.query('commit');
    expect(await late).toMatchObject(limitRule('RESTAURANT_DAILY_LIMIT'));
    const [count] = (await main.query<{ n: number }>(
      `select count(*)::int as n from reservations where restaurant_id = '${restaurant}'`,
    )) as [{ n: number }];
    expect(count.n).toBe(2);
  });

  const psql = findPsql();
  if (!psql) console.warn('[reservation-rules] no psql binary found: the typed-into-psql test is skipped');
  it.skipIf(!psql)(
    'typed into the real psql: the breaking INSERT ends the script with the reason code, SQLSTATE and constraint; one that breaks nothing passes',
    async () => {
      await main.query('update settings set global_daily_limit = 1000000, restaurant_daily_limit = 1 where id = 1');
      const date = freshDay();
      const restaurant = await insertRestaurant(main, 'Consola');
      const run = (script: string) =>
        spawnSync(psql!, ['-X', '-q', '-v', 'ON_ERROR_STOP=1', testDatabase.url], {
          input: `\\set VERBOSITY verbose\n${script}\n`,
          encoding: 'utf8',
          timeout: 20_000,
        });
      const booked = run(
        `${wholeDay(restaurant, 'A1', date)};\nupdate reservations set notes = 'desde psql' where restaurant_id = '${restaurant}';`,
      );
      expect({ status: booked.status, stderr: booked.stderr }).toEqual({ status: 0, stderr: '' });

      const refused = run(`${wholeDay(restaurant, 'A2', date)};\nselect 'not reached';`);
      expect(refused.status, refused.stderr).toBe(3); // psql: an error stopped the script
      expect(refused.stdout).not.toContain('not reached');
      expect(refused.stderr).toContain(
        `ERROR:  23514: RESTAURANT_DAILY_LIMIT: restaurant ${restaurant} already has 1 reservation(s) on ${date} (its daily limit is 1)`,
      );
      expect(refused.stderr).toContain('CONSTRAINT NAME:  reservations_restaurant_daily_limit');

      const overlap = run(`${wholeDay(restaurant, 'A1', date)};`);
      expect(overlap.status).toBe(3);
      expect(overlap.stderr).toMatch(
        /ERROR: {2}23P01: TABLE_ALREADY_BOOKED: table A1 is already held from .*\n(.*\n)*CONSTRAINT NAME: {2}reservations_table_no_overlap/,
      );

      const [row] = (await main.query<{ n: number; notes: string }>(
        `select count(*)::int as n, max(notes) as notes from reservations where restaurant_id = '${restaurant}'`,
      )) as [{ n: number; notes: string }];
      expect(row).toEqual({ n: 1, notes: 'desde psql' });
    },
  );
});
