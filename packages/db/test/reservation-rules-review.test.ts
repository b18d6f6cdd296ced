// Issue 15, the review's findings against the reservation trigger (migration 0008), each as plain SQL
// straight to the database: a judged change outside READ COMMITTED is refused (an older snapshot counts
// too few); a row whose instants contradict its date and local time is refused (INVALID_TIMES), while
// the rows the api writes on daylight-saving days pass; a missing settings row refuses instead of
// storing without limits; a zone change moving turns with their local time is not re-judged by pacing
// (but a turn moved a whole day is); a whole day on a 25-hour day locks only its date, as the api does.
// On in-memory PGlite and on a fresh database of the real PostgreSQL; on the real server also the
// reviewer's two-session scenario.
import type { PGlite } from '@electric-sql/pglite';
import { createTestDatabase, type TestDatabase } from '@tablebook/testing';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { createDb, type DatabaseHandle, migrate } from '../src/index.ts';
import { attempt, dayGenerator, insertRestaurant, plusDays, type Session, triggerRefusal } from './support/sql-writer.ts';

const postgresUrl = inject('postgresUrl');

/** The trigger's refusals: 23514, the constraint it names, the message starting with the reason code. */
const refusal = triggerRefusal;
const readCommittedRequired = refusal('READ_COMMITTED_REQUIRED', 'reservations_read_committed');
const invalidTimes = refusal('INVALID_TIMES', 'reservations_times_consistent');

/** A whole-day row with the instants given as SQL (by default its local midnights, as the api writes them). */
const wholeDay = (
  restaurant: string,
  table: string,
  date: string,
  zone = 'America/Bogota',
  startsAt = `'${date}'::date::timestamp at time zone '${zone}'`,
  endsAt = `('${date}'::date + 1)::timestamp at time zone '${zone}'`,
) =>
  `insert into reservations (restaurant_id, table_label, date, starts_at, ends_at)
   values ('${restaurant}', '${table}', '${date}', ${startsAt}, ${endsAt}) returning id`;

/** A turn: `date` is its opening range's day, `startsAt` an instant as SQL, held `heldMinutes` (its duration by default). */
const turn = (
  restaurant: string,
  table: string,
  date: string,
  startTime: string,
  startsAt: string,
  options: { minutes?: number; heldMinutes?: number; partySize?: number } = {},
) => {
  const minutes = options.minutes ?? 90;
  return `insert into reservations (restaurant_id, table_label, date, start_time, duration_minutes, starts_at, ends_at, party_size)
   values ('${restaurant}', '${table}', '${date}', '${startTime}', ${minutes}, ${startsAt},
           (${startsAt}) + interval '${options.heldMinutes ?? minutes} minutes', ${options.partySize ?? 2}) returning id`;
};
/** A local wall-clock time in `zone`, as SQL. */
const local = (clock: string, zone = 'America/Bogota') => `'${clock}'::timestamp at time zone '${zone}'`;

/** Distinct far-future days, so no two tests share a day's count. */
const freshDay = dayGenerator('2045-01-01');

function reviewSuite(connect: () => Session) {
  let session: Session;
  const idOf = async (text: string) => (await session.query<{ id: string }>(text))[0]!.id;
  const count = async (where: string) =>
    (await session.query<{ n: number }>(`select count(*)::int as n from reservations where ${where}`))[0]!.n;

  beforeAll(() => {
    session = connect();
  });
  beforeEach(() => session.query('update settings set global_daily_limit = 1000000, restaurant_daily_limit = 1000000 where id = 1'));

  it.each(['repeatable read', 'serializable'])(
    'in %s a live insert, a revival and a move to another day fail with READ_COMMITTED_REQUIRED; a status or notes change passes',
    async (level) => {
      const date = freshDay();
      const restaurant = await insertRestaurant(session, `Aislada ${level}`);
      const booked = await idOf(wholeDay(restaurant, 'A1', date));
      const cancelled = await idOf(wholeDay(restaurant, 'A2', date));
      await session.query(`update reservations set status = 'cancelled' where id = '${cancelled}'`);
      const inLevel = async (statement: string) => {
        await session.query(`begin isolation level ${level}`);
        try {
          return await attempt(session, statement);
        } finally {
          await session.query('rollback');
        }
      };
      const refused = await inLevel(wholeDay(restaurant, 'A3', date));
      expect(refused).toMatchObject(readCommittedRequired);
      expect(refused.message).toContain(`this transaction is ${level}`);
      expect(await inLevel(`update reservations set status = 'confirmed' where id = '${cancelled}'`)).toMatchObject(readCommittedRequired);
      const next = plusDays(date, 1);
      expect(
        await inLevel(`update reservations set date = '${next}', starts_at = ${local(next)}, ends_at = ${local(plusDays(next, 1))}
                       where id = '${booked}'`),
      ).toMatchObject(readCommittedRequired);
      expect(await inLevel(`update reservations set status = 'seated' where id = '${booked}'`)).toEqual({ passed: true });
      expect(await inLevel(`update reservations set notes = 'ventana' where id = '${booked}'`)).toEqual({ passed: true });
      // The same insert in READ COMMITTED passes.
      expect(await attempt(session, wholeDay(restaurant, 'A3', date))).toEqual({ passed: true });
      expect(await count(`restaurant_id = '${restaurant}' and status <> 'cancelled'`)).toBe(2);
    },
  );

  it('INVALID_TIMES: a whole-day row off its local midnights, or moved off them, is refused', async () => {
    const date = freshDay();
    const restaurant = await insertRestaurant(session, 'Dia Torcido');
    const utcMidnight = `'${date}'::date::timestamp at time zone 'UTC'`;
    const refused = await attempt(session, wholeDay(restaurant, 'A1', date, 'America/Bogota', utcMidnight));
    expect(refused).toMatchObject(invalidTimes);
    expect(refused.message).toBe(
      `INVALID_TIMES: a whole-day reservation holds its local day: starts_at and ends_at must be the local midnights of ${date} and ${plusDays(date, 1)} in America/Bogota, and start_time and duration_minutes null`,
    );
    // The end a day late, and the end an hour short.
    expect(
      await attempt(
        session,
        wholeDay(restaurant, 'A1', date, 'America/Bogota', undefined, `('${date}'::date + 2)::timestamp at time zone 'America/Bogota'`),
      ),
    ).toMatchObject(invalidTimes);
    expect(
      await attempt(
        session,
        wholeDay(
          restaurant,
          'A1',
          date,
          'America/Bogota',
          undefined,
          `('${date}'::date + 1)::timestamp at time zone 'America/Bogota' - interval '1 hour'`,
        ),
      ),
    ).toMatchObject(invalidTimes);
    // A duration on a whole-day row.
    expect(
      await attempt(
        session,
        `insert into reservations (restaurant_id, table_label, date, duration_minutes, starts_at, ends_at)
         values ('${restaurant}', 'A1', '${date}', 90, ${local(date)}, ${local(plusDays(date, 1))})`,
      ),
    ).toMatchObject(invalidTimes);
    // Stored right, then shifted by an hour (before, an instant-only change of a whole day asked nothing).
    const id = await idOf(wholeDay(restaurant, 'A1', date));
    expect(
      await attempt(
        session,
        `update reservations set starts_at = starts_at + interval '1 hour', ends_at = ends_at + interval '1 hour' where id = '${id}'`,
      ),
    ).toMatchObject(invalidTimes);
    expect(await count(`restaurant_id = '${restaurant}'`)).toBe(1);
  });

  it('INVALID_TIMES: a turn whose local start differs from start_time, lies two days off, or ends past its duration is refused', async () => {
    const date = freshDay();
    const restaurant = await insertRestaurant(session, 'Turno Torcido');
    const refused = await attempt(session, turn(restaurant, 'A1', date, '19:00', local(`${date} 20:00`)));
    expect(refused).toMatchObject(invalidTimes);
    expect(refused.message).toBe(
      `INVALID_TIMES: a turn starting at 19:00:00 on ${date} must start then in America/Bogota (or that time the next day, past midnight) and end within its duration_minutes`,
    );
    // The local clock right, the day two days on.
    expect(await attempt(session, turn(restaurant, 'A1', date, '19:00', local(`${plusDays(date, 2)} 19:00`)))).toMatchObject(invalidTimes);
    // A day early.
    expect(await attempt(session, turn(restaurant, 'A1', date, '19:00', local(`${plusDays(date, -1)} 19:00`)))).toMatchObject(invalidTimes);
    // Held a minute past its 90 minutes.
    expect(await attempt(session, turn(restaurant, 'A1', date, '19:00', local(`${date} 19:00`), { heldMinutes: 91 }))).toMatchObject(
      invalidTimes,
    );
    // No duration.
    expect(
      await attempt(
        session,
        `insert into reservations (restaurant_id, table_label, date, start_time, starts_at, ends_at)
         values ('${restaurant}', 'A1', '${date}', '19:00', ${local(`${date} 19:00`)}, ${local(`${date} 20:30`)})`,
      ),
    ).toMatchObject(invalidTimes);
    // Stored right, then its instants moved an hour without its start_time.
    const id = await idOf(turn(restaurant, 'A1', date, '19:00', local(`${date} 19:00`)));
    expect(
      await attempt(
        session,
        `update reservations set starts_at = starts_at + interval '1 hour', ends_at = ends_at + interval '1 hour' where id = '${id}'`,
      ),
    ).toMatchObject(invalidTimes);
    // Ended early (completed) and past midnight are consistent.
    expect(
      await attempt(
        session,
        `update reservations set status = 'completed', ends_at = starts_at + interval '30 minutes' where id = '${id}'`,
      ),
    ).toEqual({
      passed: true,
    });
    expect(await attempt(session, turn(restaurant, 'A2', date, '00:30', local(`${plusDays(date, 1)} 00:30`)))).toEqual({ passed: true });
    expect(await count(`restaurant_id = '${restaurant}'`)).toBe(2);
  });

  it('passes the rows the api writes on daylight-saving days: whole days where midnight is skipped or repeated, both turns of a repeated hour, a turn past midnight into it', async () => {
    // Santiago skips 2027-09-05 00:00 and repeats the hour before 2027-04-04; Havana skips 2027-03-14
    // 00:00 and repeats 2027-11-07 00:00-01:00; the Azores skip 2027-03-28 00:00 and repeat 2027-10-31 00:00-01:00.
    const days: [string, string[]][] = [
      ['America/Santiago', ['2027-04-03', '2027-04-04', '2027-09-04', '2027-09-05']],
      ['America/Havana', ['2027-03-13', '2027-03-14', '2027-11-06', '2027-11-07']],
      ['Atlantic/Azores', ['2027-03-27', '2027-03-28', '2027-10-30', '2027-10-31']],
    ];
    for (const [zone, dates] of days) {
      const restaurant = await insertRestaurant(session, `Cambio de Hora ${zone}`, { zone });
      for (const date of dates)
        expect(await attempt(session, wholeDay(restaurant, 'A1', date, zone)), `${zone} ${date}`).toEqual({ passed: true });
      expect(await count(`restaurant_id = '${restaurant}'`)).toBe(4);
    }
    // Havana's 00:30 on 2027-11-07 happens twice: at 04:30 UTC (daylight time) and 05:30 UTC. Both are
    // that night's turn of Saturday's range (date 2027-11-06), past midnight; and one of the Sunday range.
    const havana = await insertRestaurant(session, 'Hora Repetida', { zone: 'America/Havana' });
    expect(await attempt(session, turn(havana, 'A1', '2027-11-06', '00:30', `'2027-11-07 04:30+00'::timestamptz`))).toEqual({
      passed: true,
    });
    expect(await attempt(session, turn(havana, 'A2', '2027-11-06', '00:30', `'2027-11-07 05:30+00'::timestamptz`))).toEqual({
      passed: true,
    });
    expect(await attempt(session, turn(havana, 'A3', '2027-11-07', '00:30', `'2027-11-07 04:30+00'::timestamptz`))).toEqual({
      passed: true,
    });
    // The Azores' repeated 00:15 on 2027-10-31, its first occurrence (00:15 UTC, summer time).
    const azores = await insertRestaurant(session, 'Hora Repetida Azores', { zone: 'Atlantic/Azores' });
    expect(await attempt(session, turn(azores, 'A1', '2027-10-30', '00:15', `'2027-10-31 00:15+00'::timestamptz`))).toEqual({
      passed: true,
    });
    expect(await count(`restaurant_id in ('${havana}', '${azores}')`)).toBe(4);
  });

  it('a whole day on a 25-hour day locks only its date, as the api does', async () => {
    const restaurant = await insertRestaurant(session, 'Dia Largo', { zone: 'America/Havana' });
    const dayKeys = async () =>
      (
        await session.query<{ day: string }>(
          `select (date '1970-01-01' + objid::int)::text as day from pg_locks
            where locktype = 'advisory' and pid = pg_backend_pid() and classid = 29794 and objsubid = 2 order by objid`,
        )
      ).map((row) => row.day);
    await session.query('begin');
    try {
      // 2027-11-06 lasts 25 hours in Havana: its last instant is on the repeated 00:xx of the 7th.
      await session.query(wholeDay(restaurant, 'A1', '2027-11-06', 'America/Havana'));
      expect(await dayKeys()).toEqual(['2027-11-06']);
    } finally {
      await session.query('rollback');
    }
  });

  it('SETTINGS_MISSING: without the settings row a live insert is refused instead of stored without limits', async () => {
    const date = freshDay();
    const restaurant = await insertRestaurant(session, 'Sin Ajustes');
    await session.query('begin');
    try {
      await session.query('delete from settings');
      const refused = await attempt(session, wholeDay(restaurant, 'A1', date));
      expect(refused).toMatchObject(refusal('SETTINGS_MISSING', 'reservations_global_daily_limit'));
      expect(refused.message).toBe(
        'SETTINGS_MISSING: the settings row (id 1) holds the daily limits; restore it before writing reservations',
      );
    } finally {
      await session.query('rollback');
    }
    expect(await count(`restaurant_id = '${restaurant}'`)).toBe(0);
    expect(await attempt(session, wholeDay(restaurant, 'A1', date))).toEqual({ passed: true });
  });

  it('a zone change moving turns with their local time passes over a lowered pacing; a turn moved a whole day keeping its clock is judged', async () => {
    const date = freshDay();
    const restaurant = await insertRestaurant(session, 'Mudanza de Zona', { pacing: { intervalMinutes: 30, maxCovers: 4 } });
    await session.query(turn(restaurant, 'A1', date, '19:00', local(`${date} 19:00`), { partySize: 2 }));
    await session.query(turn(restaurant, 'A2', date, '19:10', local(`${date} 19:10`), { partySize: 2 }));
    await session.query(wholeDay(restaurant, 'W1', date));
    // The 19:00 interval holds 4 covers; pacing lowered to 2 cancels nothing.
    await session.query(`update restaurants set pacing_max_covers = 2 where id = '${restaurant}'`);
    // As the api moves them: the zone, every whole day to its local midnights, every turn to its local start there.
    const zone = 'America/Argentina/Buenos_Aires';
    // Judged at COMMIT, on the end state (the api defers the table rule and the trigger's rules too).
    await session.query('begin');
    try {
      await session.query('set constraints all deferred');
      await session.query(`update restaurants set time_zone = '${zone}' where id = '${restaurant}'`);
      await session.query(
        `update reservations set starts_at = date::timestamp at time zone '${zone}', ends_at = (date + 1)::timestamp at time zone '${zone}'
          where restaurant_id = '${restaurant}' and start_time is null`,
      );
      await session.query(
        `update reservations set starts_at = (date + start_time) at time zone '${zone}',
                ends_at = (date + start_time) at time zone '${zone}' + make_interval(mins => duration_minutes)
          where restaurant_id = '${restaurant}' and start_time is not null`,
      );
    } catch (error) {
      await session.query('rollback');
      throw error;
    }
    expect(await attempt(session, 'commit')).toEqual({ passed: true });
    const rows = await session.query<{ clock: string }>(
      `select to_char(starts_at at time zone '${zone}', 'HH24:MI') as clock from reservations
        where restaurant_id = '${restaurant}' and start_time is not null order by starts_at`,
    );
    expect(rows.map((row) => row.clock)).toEqual(['19:00', '19:10']);
    // Same clock, a day later, same date: not a rehome but a new start, and that interval has room for 2.
    const next = plusDays(date, 1);
    await session.query(turn(restaurant, 'A3', next, '19:00', local(`${next} 19:00`, zone), { partySize: 2 }));
    expect(
      await attempt(
        session,
        `update reservations set starts_at = starts_at + interval '1 day', ends_at = ends_at + interval '1 day'
          where restaurant_id = '${restaurant}' and start_time = '19:10'`,
      ),
    ).toMatchObject(refusal('PACING_LIMIT', 'reservations_pacing_limit'));
  });
}

describe('the review fixes of the reservation trigger, on PGlite', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = createDb('memory://');
    await migrate(handle);
  });
  afterAll(() => handle?.close());
  reviewSuite(() => {
    const client = (handle.db as unknown as { $client: PGlite }).$client;
    return { query: async (text) => (await client.query(text)).rows as never };
  });
});

describe.skipIf(!postgresUrl)('the review fixes of the reservation trigger, on real PostgreSQL', () => {
  let testDatabase: TestDatabase;
  const clients: pg.Client[] = [];
  const open = async (): Promise<Session> => {
    const client = new pg.Client({ connectionString: testDatabase.url });
    await client.connect();
    clients.push(client);
    return { query: async (text) => (await client.query(text)).rows };
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

  reviewSuite(() => main);

  it("the reviewer's scenario: A takes a REPEATABLE READ snapshot, B books the last place and commits, A's insert is refused; 1 row, not 2", async () => {
    await main.query('update settings set global_daily_limit = 1000000, restaurant_daily_limit = 1 where id = 1');
    const date = freshDay();
    const restaurant = await insertRestaurant(main, 'Instantanea Vieja');
    const a = await open();
    const b = await open();
    await a.query('begin isolation level repeatable read');
    // The snapshot is taken here: it sees no reservation at the restaurant.
    expect(await a.query(`select id from reservations where restaurant_id = '${restaurant}'`)).toEqual([]);
    expect(await attempt(b, wholeDay(restaurant, 'A1', date))).toEqual({ passed: true });
    // A counts in its snapshot (0 of 1) under the day lock B released: without the refusal, a second row.
    const refused = await attempt(a, wholeDay(restaurant, 'A2', date));
    expect(refused).toMatchObject(readCommittedRequired);
    await a.query('rollback');
    const [row] = await main.query<{ n: number }>(`select count(*)::int as n from reservations where restaurant_id = '${restaurant}'`);
    expect(row!.n).toBe(1);
  });
});
