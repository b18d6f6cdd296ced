// Issue 15: one set of day locks for every writer. The api locks lockDaysFor(...) before it writes; the
// reservation trigger locks tablebook_reservation_days(...) (migration 0008) for writers that never went
// through the api. If the two ever disagreed, a booking and a psql UPDATE could decide one day's limits
// under different locks. Held to each other over a spread of inputs: zones with daylight-saving shifts
// (whole-hour, half-hour and Lord Howe's 30-minute one), odd offsets, the date line, every start on a
// 15-minute grid around each shift, turns from 0 minutes to 12 hours and a 60-hour range (the 3-day
// cap), ranges crossing midnight booked on the day before, and whole local days.
import { createDb, type DatabaseHandle, migrate, queryRows } from '@tablebook/db';
import { createTestDatabase, type TestDatabase } from '@tablebook/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { lockDaysFor } from '../src/rules/timed-booking.ts';

const postgresUrl = inject('postgresUrl');

const ZONES = [
  'America/Bogota',
  'America/New_York',
  'America/St_Johns',
  'America/Santiago',
  'Europe/London',
  'Europe/Berlin',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The local calendar date of an instant, by Intl (not the api's zoned-time code under test). */
const formatters = new Map<string, Intl.DateTimeFormat>();
function localDate(instant: number, zone: string): string {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(zone, formatter);
  }
  return formatter.format(instant);
}

/** The zone's UTC offset at an instant, in minutes. */
const offsetFormatters = new Map<string, Intl.DateTimeFormat>();
function offsetMinutes(instant: number, zone: string): number {
  let formatter = offsetFormatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    offsetFormatters.set(zone, formatter);
  }
  const parts = formatter.formatToParts(instant);
  const name = parts.find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d\d):(\d\d)/.exec(name);
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** The local dates of the zone's offset changes in 2027, and two ordinary days (one at the year's end). */
function anchorDates(zone: string): string[] {
  const anchors = new Set(['2027-06-09', '2027-12-31']);
  const start = Date.parse('2027-01-01T00:00:00Z');
  let previous = offsetMinutes(start, zone);
  for (let instant = start + HOUR; instant < start + 365 * DAY; instant += HOUR) {
    const offset = offsetMinutes(instant, zone);
    if (offset !== previous) anchors.add(localDate(instant, zone));
    previous = offset;
  }
  return [...anchors].sort();
}

interface Case {
  date: string;
  startsAt: number;
  endsAt: number;
  zone: string;
}

/** 0 min (a no-show's ended turn), a quarter, the default turns, the longest turn, and a 60-hour range. */
const DURATIONS = [0, 15, 90, 150, 720, 60 * 60].map((minutes) => minutes * MINUTE);

/** Starts every `stepMinutes` over 52 hours around the anchor's day. */
function timedCases(zone: string, anchor: string, stepMinutes: number): Case[] {
  const cases: Case[] = [];
  const from = Date.parse(`${anchor}T00:00:00Z`) - 14 * HOUR;
  for (let startsAt = from; startsAt < from + 52 * HOUR; startsAt += stepMinutes * MINUTE) {
    const own = localDate(startsAt, zone);
    for (const duration of DURATIONS) {
      // Booked on the day its start falls on, and as a turn past midnight of the day before's range.
      for (const date of [own, addDays(own, -1)]) cases.push({ date, startsAt, endsAt: startsAt + duration, zone });
    }
  }
  return cases;
}

/**
 * `stepMinutes`: the start grid. 15 on PostgreSQL (about 95,000 cases, 1.5 s); 45 on PGlite, whose
 * WebAssembly server takes 8 times as long per row (45 still meets every quarter-hour offset).
 */
function lockDaysSuite(open: () => DatabaseHandle, stepMinutes: number) {
  /** tablebook_reservation_days for every case, in one statement. */
  const sqlDays = async (cases: readonly Case[]) => {
    const rows = await queryRows<{ i: number; days: string[] }>(
      open().db,
      sql`select t.i, tablebook_reservation_days(t.d, t.s, t.e, t.z)::text[] as days
            from jsonb_to_recordset(${JSON.stringify(
              cases.map((entry, i) => ({
                i,
                d: entry.date,
                s: new Date(entry.startsAt).toISOString(),
                e: new Date(entry.endsAt).toISOString(),
                z: entry.zone,
              })),
            )}::jsonb) as t(i int, d date, s timestamptz, e timestamptz, z text)
           order by t.i`,
    );
    return rows.map((row) => row.days);
  };

  const disagreements = async (cases: readonly Case[]) => {
    const fromSql = await sqlDays(cases);
    expect(fromSql).toHaveLength(cases.length);
    return cases.flatMap((entry, i) => {
      const api = lockDaysFor(entry.date, entry, entry.zone);
      if (api.join() === fromSql[i]?.join()) return [];
      return [
        { ...entry, startsAt: new Date(entry.startsAt).toISOString(), endsAt: new Date(entry.endsAt).toISOString(), api, sql: fromSql[i] },
      ];
    });
  };

  it(`lockDaysFor and tablebook_reservation_days give the same days for timed turns around every 2027 clock change in 12 zones (starts every ${stepMinutes} min)`, async () => {
    const anchors = ZONES.flatMap((zone) => anchorDates(zone).map((anchor) => ({ zone, anchor })));
    // Seven zones shift their clocks twice in 2027; with the two ordinary days of each zone, 38 anchors.
    expect(anchors).toHaveLength(7 * 4 + 5 * 2);
    const cases = anchors.flatMap(({ zone, anchor }) => timedCases(zone, anchor, stepMinutes));
    expect(await disagreements(cases)).toEqual([]);
    // The spread reached one to four days (the day before and the 3-day cap of a 60-hour range).
    const sizes = new Set(cases.map((entry) => lockDaysFor(entry.date, entry, entry.zone).length));
    expect([...sizes].sort()).toEqual([1, 2, 3, 4]);
  });

  it('agree on whole local days (local midnight to the next, from the database), short and long days included', async () => {
    const days = ZONES.flatMap((zone) =>
      anchorDates(zone).flatMap((anchor) => [-1, 0, 1].map((offset) => ({ zone, date: addDays(anchor, offset) }))),
    );
    const bounds = await queryRows<{ starts: number; ends: number }>(
      open().db,
      sql`select (extract(epoch from t.date::timestamp at time zone t.zone) * 1000)::float8 as starts,
                 (extract(epoch from (t.date + 1)::timestamp at time zone t.zone) * 1000)::float8 as ends
            from jsonb_to_recordset(${JSON.stringify(days.map((entry, i) => ({ i, ...entry })))}::jsonb) as t(i int, zone text, date date)
           order by t.i`,
    );
    const cases = days.map((entry, i) => ({ ...entry, startsAt: bounds[i]!.starts, endsAt: bounds[i]!.ends }));
    expect(await disagreements(cases)).toEqual([]);
    // A whole day locks only itself, on a 23- or 25-hour day too.
    for (const entry of cases) expect(lockDaysFor(entry.date, entry, entry.zone), JSON.stringify(entry)).toEqual([entry.date]);
    expect(new Set(cases.map((entry) => (entry.endsAt - entry.startsAt) / HOUR))).toEqual(new Set([23, 23.5, 24, 24.5, 25]));
  });

  it('agree at the edges: a turn ending exactly at midnight, one a millisecond past it, and the last days of year 9999', async () => {
    const midnight = Date.parse('2027-03-20T05:00:00Z'); // 00:00 in Bogota
    const cases: Case[] = [
      { date: '2027-03-19', startsAt: midnight - 90 * MINUTE, endsAt: midnight, zone: 'America/Bogota' },
      { date: '2027-03-19', startsAt: midnight - 90 * MINUTE, endsAt: midnight + 1, zone: 'America/Bogota' },
      { date: '2027-03-19', startsAt: midnight, endsAt: midnight, zone: 'America/Bogota' },
      {
        date: '9999-12-30',
        startsAt: Date.parse('9999-12-31T03:00:00Z'),
        endsAt: Date.parse('9999-12-31T05:30:00Z'),
        zone: 'America/Bogota',
      },
    ];
    expect(await disagreements(cases)).toEqual([]);
    expect(cases.map((entry) => lockDaysFor(entry.date, entry, entry.zone))).toEqual([
      ['2027-03-19'],
      ['2027-03-19', '2027-03-20'],
      ['2027-03-19', '2027-03-20'],
      ['9999-12-30', '9999-12-31'],
    ]);
  });
}

describe('the day locks of the api and of the trigger, on PGlite', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = createDb('memory://');
    await migrate(handle);
  });
  afterAll(() => handle?.close());
  lockDaysSuite(() => handle, 45);
});

describe.skipIf(!postgresUrl)('the day locks of the api and of the trigger, on real PostgreSQL', () => {
  let testDatabase: TestDatabase;
  let handle: DatabaseHandle;
  beforeAll(async () => {
    testDatabase = await createTestDatabase(postgresUrl);
    handle = createDb(testDatabase.url);
    await migrate(handle);
  });
  afterAll(async () => {
    await handle?.close();
    await testDatabase?.drop();
  });
  lockDaysSuite(() => handle, 15);
});
