// Issue 19: a multi-row INSERT (INSERT ... SELECT, COPY) is judged once per statement, set-based, by the
// trigger Reservation_rules_bulk (migration 0014), not row by row: the same rules, SQLSTATEs, constraint
// names and messages. Plain SQL straight to the database, as a loader or psql would send it. On PGlite and
// a fresh database of the real PostgreSQL; on the real server also two bulk writers at once, a bulk writer
// against a single booking, COPY through psql, and a role that may write reservations but cannot mark a
// statement as judged.
import { spawnSync } from 'node:child_process';
import type { PGlite } from '@electric-sql/pglite';
import { createTestDatabase, type TestDatabase } from '@tablebook/testing';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { createDb, type DatabaseHandle, migrate } from '../src/index.ts';
import { dayGenerator, insertRestaurant, plusDays, type Session, triggerRefusal } from './support/sql-writer.ts';

const postgresUrl = inject('postgresUrl');

/** A statement's outcome, with the PL/pgSQL function that raised it (the error's context). */
interface Outcome {
  passed?: true;
  code?: string;
  constraint?: string;
  message?: string;
  raisedBy?: string;
}

async function attempt(session: Session, text: string): Promise<Outcome> {
  try {
    await session.query(text);
    return { passed: true };
  } catch (error) {
    const { code, constraint, message, where } = error as Record<string, string | undefined>;
    return { code, constraint, message, raisedBy: /PL\/pgSQL function (\w+)\(\)/.exec(where ?? '')?.[1] };
  }
}

/** Refused by the set-based check (the row check has the same SQLSTATE, constraint and message). */
const bulkRefusal = (reason: string, constraint: string) => ({
  ...triggerRefusal(reason, constraint),
  raisedBy: 'tablebook_reservation_rules_bulk',
});
const tableRule = {
  code: '23P01',
  constraint: 'reservations_table_no_overlap',
  message: expect.stringMatching(/^TABLE_ALREADY_BOOKED: table [A-Z0-9]+ is already held from /),
  raisedBy: 'tablebook_reservation_rules_bulk',
};

/**
 * One row of a multi-row INSERT: a whole local day, or a turn starting at `clock` (local) on `startsOn`
 * (its date, or the next day for a turn past midnight), at `restaurant` if given.
 */
interface Row {
  table: string;
  date: string;
  clock?: string;
  startsOn?: string;
  minutes?: number;
  partySize?: number;
  restaurant?: string;
}
const rowValues = (restaurant: string, row: Row, ordinal: number) => {
  const zone = 'America/Bogota';
  const id = `'${row.restaurant ?? restaurant}'::uuid`;
  if (!row.clock) {
    return `(${ordinal}, ${id}, '${row.table}', '${row.date}'::date, null::time, null::int,
             '${row.date}'::timestamp at time zone '${zone}', ('${row.date}'::date + 1)::timestamp at time zone '${zone}', 2)`;
  }
  const start = `'${row.startsOn ?? row.date} ${row.clock}'::timestamp at time zone '${zone}'`;
  const minutes = row.minutes ?? 90;
  return `(${ordinal}, ${id}, '${row.table}', '${row.date}'::date, '${row.clock}'::time, ${minutes},
           ${start}, ${start} + interval '${minutes} minutes', ${row.partySize ?? 2})`;
};
/**
 * An INSERT ... SELECT of several rows, written in the order given. A statement's first row is judged by
 * the rules trigger before the set-based check runs, so a test of the set-based check leads with a row
 * that breaks nothing.
 */
const bulkInsert = (restaurant: string, rows: Row[]) =>
  `insert into reservations (restaurant_id, table_label, date, start_time, duration_minutes, starts_at, ends_at, party_size)
   select restaurant_id, table_label, date, start_time, duration_minutes, starts_at, ends_at, party_size
     from (values ${rows.map((row, ordinal) => rowValues(restaurant, row, ordinal)).join(', ')})
          as v(ordinal, restaurant_id, table_label, date, start_time, duration_minutes, starts_at, ends_at, party_size)
    order by ordinal`;
const wholeDays = (date: string, tables: string[]) => tables.map((table) => ({ table, date }));

/** Distinct far-future days, so no two tests share a day's count. */
const freshDay = dayGenerator('2049-01-01');

function bulkSuite(connect: () => Session) {
  let session: Session;
  const setLimits = (global: number, restaurant: number) =>
    session.query(`update settings set global_daily_limit = ${global}, restaurant_daily_limit = ${restaurant} where id = 1`);
  const liveCount = async (where: string) =>
    (await session.query<{ n: number }>(`select count(*)::int as n from reservations where status <> 'cancelled' and ${where}`))[0]!.n;

  beforeAll(() => {
    session = connect();
  });
  beforeEach(() => setLimits(1_000_000, 1_000_000));

  it('refuses a multi-row INSERT that breaks the times, the table rule, either daily limit or pacing, with the rule’s constraint and message; nothing is stored', async () => {
    const date = freshDay();
    const next = plusDays(date, 1);
    const restaurant = await insertRestaurant(session, 'Carga Masiva', {
      hours: { opens: '18:00', closes: '23:00' },
      pacing: { intervalMinutes: 30, maxCovers: 6 },
    });
    const other = await insertRestaurant(session, 'Carga Vecina');
    await session.query(bulkInsert(other, wholeDays(date, ['Z1'])));
    const harmless = { table: 'H1', date: next };

    // A row off its local midnight, third of three.
    const skewed = `insert into reservations (restaurant_id, table_label, date, starts_at, ends_at)
      select '${restaurant}', label, '${date}', '${date}'::timestamp at time zone 'America/Bogota' + shift,
             ('${date}'::date + 1)::timestamp at time zone 'America/Bogota' + shift
        from (values (1, 'W1', interval '0'), (2, 'W2', interval '0'), (3, 'W3', interval '1 hour')) as v(ordinal, label, shift)
       order by ordinal`;
    expect(await attempt(session, skewed)).toMatchObject({
      ...bulkRefusal('INVALID_TIMES', 'reservations_times_consistent'),
      message: `INVALID_TIMES: a whole-day reservation holds its local day: starts_at and ends_at must be the local midnights of ${date} and ${next} in America/Bogota, and start_time and duration_minutes null`,
    });
    // Two new rows on one table, and a new row onto a table the neighbour already holds.
    expect(await attempt(session, bulkInsert(restaurant, wholeDays(date, ['W1', 'W2', 'W2'])))).toMatchObject(tableRule);
    expect(await attempt(session, bulkInsert(other, wholeDays(date, ['Z2', 'Z1'])))).toMatchObject(tableRule);

    // The neighbour's Z1 and three more: 4 of 3.
    await setLimits(3, 1_000_000);
    const global = await attempt(session, bulkInsert(restaurant, [harmless, ...wholeDays(date, ['W1', 'W2', 'W3'])]));
    expect(global).toMatchObject(bulkRefusal('GLOBAL_DAILY_LIMIT', 'reservations_global_daily_limit'));
    expect(global.message).toBe(`GLOBAL_DAILY_LIMIT: the system already has 3 reservation(s) on ${date} (its daily limit is 3)`);

    await setLimits(1_000_000, 2);
    const own = await attempt(session, bulkInsert(restaurant, [harmless, ...wholeDays(date, ['W1', 'W2', 'W3'])]));
    expect(own).toMatchObject(bulkRefusal('RESTAURANT_DAILY_LIMIT', 'reservations_restaurant_daily_limit'));
    expect(own.message).toBe(
      `RESTAURANT_DAILY_LIMIT: restaurant ${restaurant} already has 2 reservation(s) on ${date} (its daily limit is 2)`,
    );

    // 4 + 2 covers start in 19:00-19:30, so a party of 1 at 19:29 does not fit; 19:30 starts the next interval.
    await setLimits(1_000_000, 1_000_000);
    const paced = await attempt(
      session,
      bulkInsert(restaurant, [
        { table: 'A4', date, clock: '19:30', partySize: 6 },
        { table: 'A1', date, clock: '19:00', partySize: 4 },
        { table: 'A2', date, clock: '19:15', partySize: 2 },
        { table: 'A3', date, clock: '19:29', partySize: 1 },
      ]),
    );
    expect(paced).toMatchObject(bulkRefusal('PACING_LIMIT', 'reservations_pacing_limit'));
    expect(paced.message).toBe(`PACING_LIMIT: the 19:00-19:30 interval on ${date} has 0 of 6 covers left; a party of 1 does not fit`);
    expect(await liveCount(`restaurant_id = '${restaurant}'`)).toBe(0);
  });

  it('accepts a multi-row INSERT that keeps every rule, up to each limit exactly, judged once for the statement', async () => {
    await setLimits(1_000_000, 4);
    const date = freshDay();
    const next = plusDays(date, 1);
    const restaurant = await insertRestaurant(session, 'Carga Justa', {
      hours: { opens: '18:00', closes: '02:00' },
      pacing: { intervalMinutes: 30, maxCovers: 6 },
    });
    const rows: Row[] = [
      { table: 'A1', date, clock: '19:00', partySize: 4 },
      { table: 'A2', date, clock: '19:15', partySize: 2 },
      { table: 'A1', date, clock: '20:30', partySize: 6 },
      // Past midnight: held on the next local day, counted on its date.
      { table: 'A2', date, clock: '00:30', startsOn: next, partySize: 6 },
      { table: 'A1', date: next, clock: '19:00', partySize: 6 },
    ];
    await session.query('begin');
    try {
      expect(await attempt(session, bulkInsert(restaurant, rows))).toEqual({ passed: true });
      const [judged] = await session.query<{ n: number }>(
        'select count(*)::int as n from reservation_statements_judged where transaction_id = pg_current_xact_id()',
      );
      expect(judged!.n).toBe(1);
      await session.query('commit');
    } catch (error) {
      await session.query('rollback');
      throw error;
    }
    expect(await liveCount(`restaurant_id = '${restaurant}' and date = '${date}'`)).toBe(4);
    // The day holds the restaurant's 4 now: one more is refused.
    expect(
      await attempt(
        session,
        bulkInsert(restaurant, [
          { table: 'B2', date: plusDays(date, 2) },
          { table: 'B1', date },
        ]),
      ),
    ).toMatchObject(bulkRefusal('RESTAURANT_DAILY_LIMIT', 'reservations_restaurant_daily_limit'));
  });

  it('two INSERTs of one WITH query: every row is judged, the single row of the second too', async () => {
    await setLimits(1_000_000, 2);
    const date = freshDay();
    const restaurant = await insertRestaurant(session, 'Dos Inserciones');
    await session.query(bulkInsert(restaurant, wholeDays(date, ['A1', 'A2'])));
    const next = plusDays(date, 1);
    const twoThenOne = `with first as (${bulkInsert(restaurant, wholeDays(next, ['A1', 'A2']))} returning id)
      insert into reservations (restaurant_id, table_label, date, starts_at, ends_at)
      select '${restaurant}', 'A3', '${date}', '${date}'::timestamp at time zone 'America/Bogota',
             ('${date}'::date + 1)::timestamp at time zone 'America/Bogota' from (select count(*) from first) as written`;
    expect(await attempt(session, twoThenOne)).toMatchObject(
      triggerRefusal('RESTAURANT_DAILY_LIMIT', 'reservations_restaurant_daily_limit'),
    );
    expect(await liveCount(`restaurant_id = '${restaurant}'`)).toBe(2);
  });

  it('deferred to COMMIT, a multi-row INSERT is judged on the end state: over the limit then a cancel commits; over the limit fails at COMMIT', async () => {
    await setLimits(1_000_000, 2);
    const date = freshDay();
    const restaurant = await insertRestaurant(session, 'Carga Diferida');
    await session.query('begin');
    await session.query('set constraints all deferred');
    expect(await attempt(session, bulkInsert(restaurant, wholeDays(date, ['A1', 'A2', 'A3'])))).toEqual({ passed: true });
    await session.query(`update reservations set status = 'cancelled' where restaurant_id = '${restaurant}' and table_label = 'A3'`);
    expect(await attempt(session, 'commit')).toEqual({ passed: true });
    expect(await liveCount(`restaurant_id = '${restaurant}'`)).toBe(2);

    const next = plusDays(date, 1);
    await session.query('begin');
    await session.query('set constraints all deferred');
    expect(await attempt(session, bulkInsert(restaurant, wholeDays(next, ['A1', 'A2', 'A3'])))).toEqual({ passed: true });
    expect(await attempt(session, 'commit')).toMatchObject(triggerRefusal('RESTAURANT_DAILY_LIMIT', 'reservations_restaurant_daily_limit'));
    expect(await liveCount(`restaurant_id = '${restaurant}' and date = '${next}'`)).toBe(0);
  });

  it('no setting lets a row through: with the hints a writer could set, a row over the limit is refused at once and when deferred to COMMIT', async () => {
    await setLimits(1_000_000, 1);
    const date = freshDay();
    const restaurant = await insertRestaurant(session, 'Sin Atajos');
    await session.query(bulkInsert(restaurant, wholeDays(date, ['A1'])));
    const forge = "select set_config('tablebook.bulk_judged', 'on', true), set_config('tablebook.rules_fired', 'x', true)";
    for (const deferred of [false, true]) {
      await session.query('begin');
      try {
        if (deferred) await session.query('set constraints all deferred');
        await session.query(forge);
        const outcome = await attempt(session, bulkInsert(restaurant, wholeDays(date, ['A2'])));
        expect(deferred ? await attempt(session, 'commit') : outcome).toMatchObject(
          triggerRefusal('RESTAURANT_DAILY_LIMIT', 'reservations_restaurant_daily_limit'),
        );
      } finally {
        await session.query('rollback');
      }
    }
    expect(await liveCount(`restaurant_id = '${restaurant}'`)).toBe(1);
  });
}

describe('multi-row INSERTs judged set-based, on PGlite', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = createDb('memory://');
    await migrate(handle);
  });
  afterAll(() => handle?.close());
  bulkSuite(() => {
    const client = (handle.db as unknown as { $client: PGlite }).$client;
    return { query: async (text) => (await client.query(text)).rows as never };
  });
});

describe.skipIf(!postgresUrl)('multi-row INSERTs judged set-based, on real PostgreSQL', () => {
  let testDatabase: TestDatabase;
  const clients: pg.Client[] = [];
  const open = async (): Promise<Session & { pid: number }> => {
    const client = new pg.Client({ connectionString: testDatabase.url });
    await client.connect();
    clients.push(client);
    const pid = (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
    return { pid, query: async (text) => (await client.query(text)).rows };
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
    main = await open();
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.end()));
    await testDatabase?.drop();
  });

  bulkSuite(() => main);

  /** Resolves once `pid` waits for the day lock of `date`. */
  const waitsForDay = async (pid: number, date: string) => {
    const day = (Date.parse(date) / 86_400_000) | 0;
    const deadline = Date.now() + 10_000;
    for (;;) {
      const [row] = await main.query<{ n: number }>(
        `select count(*)::int as n from pg_locks where pid = ${pid} and locktype = 'advisory' and not granted and classid = 29794 and objid = ${day}`,
      );
      if (row!.n === 1) return;
      if (Date.now() > deadline) throw new Error(`session ${pid} never waited for the lock of ${date}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const count = async (where: string) =>
    (await main.query<{ n: number }>(`select count(*)::int as n from reservations where status <> 'cancelled' and ${where}`))[0]!.n;

  it('two bulk writers on overlapping days: the second waits for the first’s day lock, then is judged on what the first committed', async () => {
    await main.query('update settings set global_daily_limit = 1000000, restaurant_daily_limit = 4 where id = 1');
    const date = freshDay();
    const next = plusDays(date, 1);
    const restaurant = await insertRestaurant(main, 'Dos Cargas');
    const neighbour = await insertRestaurant(main, 'Dos Cargas Vecina');
    const first = await open();
    const second = await open();
    await first.query('begin');
    await first.query(bulkInsert(restaurant, wholeDays(date, ['A1', 'A2', 'A3'])));
    // In calendar order; 3 + 2 on `date` would be 5 of 4. Without the day lock each would have counted
    // only its own rows and both would be stored.
    const rows = (tables: string[], nextTables: string[]) => [
      { table: 'N1', date, restaurant: neighbour },
      ...wholeDays(date, tables),
      ...wholeDays(next, nextTables),
    ];
    const refused = attempt(second, bulkInsert(restaurant, rows(['B1', 'B2'], ['B1'])));
    await waitsForDay(second.pid, date);
    await first.query('commit');
    expect(await refused).toMatchObject(bulkRefusal('RESTAURANT_DAILY_LIMIT', 'reservations_restaurant_daily_limit'));
    expect(await count(`restaurant_id = '${restaurant}'`)).toBe(3);
    // One more fits: 4 of 4, with the next day's rows.
    expect(await attempt(second, bulkInsert(restaurant, rows(['B1'], ['B1', 'B2'])))).toEqual({ passed: true });
    expect(await count(`restaurant_id = '${restaurant}' and date = '${date}'`)).toBe(4);
  });

  it('a bulk writer and a single booking as the api makes it: each waits for the other’s day lock and counts what it committed', async () => {
    await main.query('update settings set global_daily_limit = 1000000, restaurant_daily_limit = 3 where id = 1');
    const date = freshDay();
    const restaurant = await insertRestaurant(main, 'Carga y Reserva');
    const neighbour = await insertRestaurant(main, 'Carga y Reserva Vecina');
    const booking = await open();
    const loader = await open();
    const book = async (table: string) => {
      // The api's order: the day lock, then one INSERT.
      await booking.query(`select tablebook_lock_days(array['${date}']::date[])`);
      return attempt(booking, bulkInsert(restaurant, wholeDays(date, [table])));
    };
    const load = (tables: string[], neighbourTable: string) =>
      bulkInsert(restaurant, [{ table: neighbourTable, date, restaurant: neighbour }, ...wholeDays(date, tables)]);

    await booking.query('begin');
    expect(await book('A1')).toEqual({ passed: true });
    const refused = attempt(loader, load(['B1', 'B2', 'B3'], 'N1'));
    await waitsForDay(loader.pid, date);
    await booking.query('commit');
    expect(await refused).toMatchObject(bulkRefusal('RESTAURANT_DAILY_LIMIT', 'reservations_restaurant_daily_limit'));

    // The other way round: a booking waits for a load in progress, then is refused by what it stored.
    await loader.query('begin');
    expect(await attempt(loader, load(['B1', 'B2'], 'N2'))).toEqual({ passed: true });
    await booking.query('begin');
    const late = book('A2');
    await waitsForDay(booking.pid, date);
    await loader.query('commit');
    expect(await late).toMatchObject(triggerRefusal('RESTAURANT_DAILY_LIMIT', 'reservations_restaurant_daily_limit'));
    await booking.query('rollback');
    expect(await count(`restaurant_id = '${restaurant}'`)).toBe(3);
  });

  it('a role that may write reservations cannot mark a statement as judged; its bulk INSERT is judged all the same', async () => {
    await main.query('update settings set global_daily_limit = 1000000, restaurant_daily_limit = 2 where id = 1');
    const date = freshDay();
    const restaurant = await insertRestaurant(main, 'Rol Limitado');
    const role = `tb_writer_${testDatabase.name}`;
    await main.query(`create role ${role}`);
    try {
      await main.query(`grant select, insert, update on reservations to ${role}; grant select on restaurants, settings to ${role}`);
      const writer = await open();
      await writer.query(`set role ${role}`);
      expect(await attempt(writer, "insert into reservation_statements_judged values (pg_current_xact_id(), '1:0')")).toMatchObject({
        code: '42501',
      });
      const harmless = { table: 'H1', date: plusDays(date, 1) };
      expect(await attempt(writer, bulkInsert(restaurant, [harmless, ...wholeDays(date, ['A1', 'A2', 'A3'])]))).toMatchObject(
        bulkRefusal('RESTAURANT_DAILY_LIMIT', 'reservations_restaurant_daily_limit'),
      );
      expect(await attempt(writer, bulkInsert(restaurant, [harmless, ...wholeDays(date, ['A1', 'A2'])]))).toEqual({ passed: true });
      await writer.query('reset role');
    } finally {
      await main.query(`drop owned by ${role}; drop role ${role}`);
    }
    expect(await count(`restaurant_id = '${restaurant}'`)).toBe(3);
  });

  const psql = spawnSync('sh', ['-c', 'command -v psql'], { encoding: 'utf8' }).stdout.trim();
  it.skipIf(!psql)(
    'COPY through psql is judged as one statement: over the limit refused with the reason code, within it stored',
    async () => {
      await main.query('update settings set global_daily_limit = 1000000, restaurant_daily_limit = 2 where id = 1');
      const date = freshDay();
      const next = plusDays(date, 1);
      const restaurant = await insertRestaurant(main, 'Copia');
      // Whole days in Bogotá (UTC-5 all year), a first row on the next day.
      const line = (table: string, day: string) => `${restaurant},${table},${day},${day} 00:00-05,${plusDays(day, 1)} 00:00-05`;
      const copy = (tables: string[]) =>
        spawnSync(psql, ['-X', '-q', '-v', 'ON_ERROR_STOP=1', testDatabase.url], {
          input: [
            'copy reservations (restaurant_id, table_label, date, starts_at, ends_at) from stdin with (format csv);',
            line('H1', next),
            ...tables.map((table) => line(table, date)),
            '\\.',
            '',
          ].join('\n'),
          encoding: 'utf8',
          timeout: 20_000,
        });
      const refused = copy(['A1', 'A2', 'A3']);
      expect(refused.status, refused.stderr).toBe(3);
      expect(refused.stderr).toContain(
        `RESTAURANT_DAILY_LIMIT: restaurant ${restaurant} already has 2 reservation(s) on ${date} (its daily limit is 2)`,
      );
      expect(refused.stderr).toContain('tablebook_reservation_rules_bulk');
      expect(copy(['A1', 'A2'])).toMatchObject({ status: 0, stderr: '' });
      expect(await count(`restaurant_id = '${restaurant}'`)).toBe(3);
    },
  );
});
