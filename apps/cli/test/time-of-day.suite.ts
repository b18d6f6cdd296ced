import type { Reservation, Restaurant, RouterOutputs } from '@tablebook/client';
import type { SpawnedServer } from '@tablebook/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RowResult } from '../src/import/results.ts';
import { parseJson, runInProcess, writeTempFile, type CliRun } from './support/run-cli.ts';
import { expectFailed, expectOk as ok } from './support/expect-run.ts';
import { ADMIN_TOKEN, dayFromNow } from './support/server.ts';

type Slot = RouterOutputs['reservation']['slots']['slots'][number];

/** Issue 14 in the command line: restaurants' time-of-day settings, slots, and bookings at a time. */
export function describeTimeOfDay(server: () => SpawnedServer): void {
  const tablebook = (...args: string[]) => runInProcess(args, { env: { TABLEBOOK_URL: server().url, TABLEBOOK_TOKEN: ADMIN_TOKEN } });

  function failed(run: CliRun, code: number): string {
    expect(run.stdout).toBe('');
    return expectFailed(run, code);
  }

  const createFlags = (name: string) => [
    '--name',
    name,
    '--address',
    'Calle 14',
    '--city',
    'Leticia',
    '--description',
    'A la hora',
    '--photo-url',
    'https://example.com/h.jpg',
  ];

  describe('tablebook restaurants with --hours and the other time-of-day flags', () => {
    it('creates with them, prints them as the flags take them, keeps them on an update, and clears the hours', async () => {
      const hours = 'mon-fri 12:00-15:00 19:00-23:00; sat,sun 12:00-23:00';
      const created = ok(
        await tablebook(
          'restaurants',
          'create',
          ...createFlags('Horario Propio'),
          '--time-zone',
          'America/New_York',
          '--hours',
          'sun,sat 12:00-23:00; mon-fri 12:00-15:00 19:00-23:00',
          '--special-dates',
          '2031-12-24 12:00-16:00; 2031-12-25 closed',
          '--slot-minutes',
          '15',
          '--turn-times',
          '2:60,6:120',
          '--min-advance-minutes',
          '30',
          '--max-advance-days',
          '90',
        ),
      );
      expect(created.stdout).toContain(`\n  hours                ${hours}\n`);
      expect(created.stdout).toMatch(/\n {2}time zone +America\/New_York\n/);
      expect(created.stdout).toMatch(/\n {2}special dates +2031-12-24 12:00-16:00; 2031-12-25 closed\n/);
      expect(created.stdout).toMatch(
        /\n {2}turn times +2:60,6:120\n {2}min advance minutes +30\n {2}max advance days +90\n {2}daily limit +default\n {2}pacing +none\n {2}reminders +1440,120\n$/,
      );

      const [restaurant] = parseJson<Restaurant[]>(ok(await tablebook('restaurants', 'list', '--starts-with', 'Horario Propio', '--json')));
      expect(restaurant).toMatchObject({
        timeZone: 'America/New_York',
        slotMinutes: 15,
        turnTimes: [
          { maxPartySize: 2, minutes: 60 },
          { maxPartySize: 6, minutes: 120 },
        ],
        specialDates: [
          { date: '2031-12-24', hours: [{ opens: '12:00', closes: '16:00' }] },
          { date: '2031-12-25', hours: [] },
        ],
        minAdvanceMinutes: 30,
        maxAdvanceDays: 90,
      });
      expect(restaurant?.hours).toHaveLength(12);
      const id = (restaurant as Restaurant).id;

      const kept = parseJson<Restaurant>(ok(await tablebook('restaurants', 'update', id, '--description', 'Otra', '--json')));
      expect(kept).toMatchObject({ description: 'Otra', timeZone: 'America/New_York', hours: restaurant?.hours, slotMinutes: 15 });
      const cleared = parseJson<Restaurant>(
        ok(await tablebook('restaurants', 'update', id, '--hours', 'none', '--max-advance-days', 'none', '--json')),
      );
      expect(cleared).toMatchObject({ hours: [], maxAdvanceDays: null, slotMinutes: 15, timeZone: 'America/New_York' });
      expect(ok(await tablebook('restaurants', 'update', id, '--special-dates', ''))).toMatchObject({
        stdout: expect.stringMatching(/\n {2}hours +none \(books whole days\)\n {2}special dates +none\n/),
      });
    });

    it('refuses a malformed value as a usage error naming it, and what the API refuses with exit 1', async () => {
      expect(failed(await tablebook('restaurants', 'update', 'Horario', '--hours', 'lun-vie 12:00-15:00'), 2)).toContain(
        '--hours: "lun" is not a day (mon, tue, wed, thu, fri, sat, sun), in "lun-vie 12:00-15:00"',
      );
      expect(failed(await tablebook('restaurants', 'create', ...createFlags('Horario Malo'), '--turn-times', '2-90'), 2)).toContain(
        'not "2-90"',
      );
      expect(failed(await tablebook('restaurants', 'create', ...createFlags('Horario Malo'), '--time-zone', 'Mars/Olympus'), 1)).toContain(
        'timeZone must be an IANA time zone such as America/Bogota (INVALID_INPUT)',
      );
      expect(
        failed(await tablebook('restaurants', 'create', ...createFlags('Horario Malo'), '--hours', 'mon 12:00-16:00 15:00-18:00'), 1),
      ).toContain('(INVALID_INPUT)');
    });
  });

  describe('tablebook slots, book --time, reservations move --time and import with a time column', () => {
    let restaurant: Restaurant;
    const day = dayFromNow(50);
    beforeAll(async () => {
      const run = await tablebook(
        'restaurants',
        'create',
        ...createFlags('Turnos'),
        '--time-zone',
        'America/New_York',
        '--hours',
        'mon-sun 19:00-22:00',
        '--tables',
        'A0:2,A1:4,B0:6',
        '--turn-times',
        '2:60,4:90,6:120',
        '--json',
      );
      restaurant = parseJson<Restaurant>(ok(run));
    });

    const bookAt = (time: string, ...extra: string[]) =>
      tablebook('book', restaurant.id, '--date', day, '--time', time, '--party-size', '4', ...extra);

    it('lists the slots of a day, books the smallest free table at a time, and shows what is left', async () => {
      const slots = parseJson<Slot[]>(ok(await tablebook('slots', 'Turnos', '--date', day, '--party-size', '4', '--json')));
      expect(slots.map((slot) => [slot.time, slot.freeTables, slot.bookable])).toEqual(
        ['19:00', '19:30', '20:00', '20:30'].map((time) => [time, ['A1', 'B0'], true]),
      );

      const booked = ok(await bookAt('19:00'));
      expect(booked.stdout).toMatch(
        new RegExp(
          `^Booked table A1 at "Turnos" \\(${restaurant.id}\\) on ${day} at 19:00-20:30 for 4 people \\(reservation [0-9a-f-]{36}\\)\\n$`,
        ),
      );
      expect(parseJson<Reservation>(ok(await bookAt('19:00', '--json')))).toMatchObject({
        table: 'B0',
        time: '19:00',
        durationMinutes: 90,
      });
      expect(failed(await bookAt('19:30'), 1)).toContain('(NO_TABLE_AVAILABLE)');

      const { stdout } = ok(await tablebook('slots', restaurant.id, '--date', day, '--party-size', '4'));
      expect(stdout.split('\n').slice(0, 3)).toEqual([
        `"Turnos" on ${day} for 4 people (America/New_York)`,
        'TIME   UNTIL  FREE  FREE TABLES  BOOKABLE',
        '19:00  20:30     0  none         no: NO_TABLE_AVAILABLE',
      ]);
      expect(stdout).toMatch(/\n20:30 {2}22:00 {5}2 {2}A1,B0 {8}yes\n$/);
      expect(ok(await tablebook('reservations', 'list', restaurant.id, '--date', day)).stdout).toMatch(
        new RegExp(`\\n${day}  19:00-20:30  A1 +4  confirmed`),
      );
    });

    it('moves a reservation to another time and duration; refuses a booking with neither table nor time', async () => {
      const reservation = parseJson<Reservation>(ok(await bookAt('20:30', '--party-size', '2', '--json')));
      expect(reservation).toMatchObject({ table: 'A0', time: '20:30', durationMinutes: 60 });
      const moved = parseJson<Reservation>(
        ok(await tablebook('reservations', 'move', restaurant.id, reservation.id, '--time', '21:00', '--duration-minutes', '45', '--json')),
      );
      expect(moved).toMatchObject({ id: reservation.id, table: 'A0', time: '21:00', durationMinutes: 45 });
      expect(moved.startsAt).toBe(`${day}T21:00:00${moved.startsAt.slice(19)}`);
      expect(failed(await tablebook('book', restaurant.id, '--date', day), 2)).toContain('give --table');
      expect(failed(await bookAt('19:7'), 2)).toContain('--time must be a time of day written HH:MM');
    });

    it('at a restaurant that books whole days: no slots, and a time is refused', async () => {
      const wholeDay = parseJson<Restaurant>(ok(await tablebook('restaurants', 'create', ...createFlags('Dia Entero'), '--json')));
      expect(ok(await tablebook('slots', wholeDay.id, '--date', day)).stdout).toBe(
        `"Dia Entero" books whole days, not times: see 'tablebook availability'.\n`,
      );
      expect(failed(await tablebook('book', wholeDay.id, '--date', day, '--time', '20:00', '--table', 'A0'), 1)).toContain(
        '(TIME_NOT_OFFERED)',
      );
    });

    it('imports rows with a time, with or without a table, and a re-run books nothing twice', async () => {
      const next = dayFromNow(51);
      const file = writeTempFile(
        'timed.csv',
        [
          'restaurant,table,date,time,partySize,guestName',
          `Turnos,,${next},19:00,4,Ana`,
          `Turnos,B0,${next},19:00,4,Luis`,
          `Turnos,,${next},19:00,4,Eva`,
          '',
        ].join('\n'),
      );
      const first = await tablebook('import', file, '--json');
      expect(first.code).toBe(1);
      const outcomes = (run: CliRun) => parseJson<RowResult[]>(run).map((row) => [row.outcome, row.reservation?.table ?? row.reason]);
      expect(outcomes(first)).toEqual([
        ['booked', 'A1'],
        ['booked', 'B0'],
        ['refused', 'NO_TABLE_AVAILABLE'],
      ]);
      const again = await tablebook('import', file);
      expect(again.stdout.split('\n')[0]).toMatch(/^LINE\s+RESTAURANT\s+TABLE\s+DATE\s+TIME\s+RESULT\s+DETAIL$/);
      expect(again.stdout).toMatch(new RegExp(`\\n +2 +Turnos +A1 +${next} +19:00 +already booked `));
      expect(again.stdout).toMatch(/\n3 rows: 0 booked, 2 already booked, 1 refused, 0 invalid\n$/);
    });
  });

  describe('after midnight, days without slots, and identical rows that leave the table to the API', () => {
    const [day, special] = [dayFromNow(60), dayFromNow(61)];
    let restaurant: Restaurant;
    beforeAll(async () => {
      const run = await tablebook(
        'restaurants',
        'create',
        ...createFlags('Trasnoche'),
        '--hours',
        'mon-sun 18:00-02:00',
        // One date given in two groups: its hours are both ranges.
        '--special-dates',
        `${special} 12:00-13:00; ${special} 19:00-20:00`,
        '--tables',
        'A0:2,A1:2,B0:4',
        '--turn-times',
        '2:90,4:120',
        '--json',
      );
      restaurant = parseJson<Restaurant>(ok(run));
    });

    it('books each identical row on a table of its own, marks a start after midnight, and a re-run books none twice', async () => {
      const file = writeTempFile(
        'night.csv',
        ['restaurant,date,time,partySize', `Trasnoche,${day},01:00:00,2`, `Trasnoche,${day},1:00,2`, ''].join('\n'),
      );
      const first = ok(await tablebook('import', file));
      expect(first.stdout).toMatch(new RegExp(`\\n +2 +Trasnoche +A0 +${day} +01:00 \\(\\+1\\) +booked `));
      expect(first.stdout).toMatch(new RegExp(`\\n +3 +Trasnoche +A1 +${day} +01:00 \\(\\+1\\) +booked `));
      expect(ok(await tablebook('import', file)).stdout).toMatch(/\n2 rows: 0 booked, 2 already booked, 0 refused, 0 invalid\n$/);
      // Fresh keys, and B0 still free: the day's reservations tell that both rows were booked.
      expect(ok(await tablebook('import', file, '--retry-refused')).stdout).toMatch(/\n2 rows: 0 booked, 2 already booked/);
      expect(parseJson<Reservation[]>(ok(await tablebook('reservations', 'list', restaurant.id, '--date', day, '--json')))).toHaveLength(2);

      const booked = ok(await tablebook('book', restaurant.id, '--date', day, '--time', '01:00'));
      expect(booked.stdout).toContain(`Booked table B0 at "Trasnoche" (${restaurant.id}) on ${day} at 01:00 (+1)-02:30 (+1) for 2 people`);
      expect(ok(await tablebook('reservations', 'list', restaurant.id, '--date', day)).stdout).toMatch(
        new RegExp(`\\n${day}  01:00 \\(\\+1\\)-02:30 \\(\\+1\\)  B0 `),
      );
    });

    it('says why a day has no slots, and refuses a malformed date or a negative count as usage errors', async () => {
      expect(ok(await tablebook('slots', restaurant.id, '--date', special)).stdout).toBe(
        `"Trasnoche" has no slots on ${special}: no start time in its hours (12:00-13:00 19:00-20:00) leaves room for a turn of 90 minutes.\n`,
      );
      expect(failed(await tablebook('slots', restaurant.id, '--date', 'tomorrow'), 2)).toContain(
        '--date must be a calendar day written YYYY-MM-DD, not "tomorrow"',
      );
      expect(failed(await tablebook('book', restaurant.id, '--date', '2026-13-01', '--time', '19:00'), 2)).toContain('not "2026-13-01"');
      expect(failed(await tablebook('restaurants', 'update', restaurant.id, '--min-advance-minutes', '-5'), 2)).toContain(
        '--min-advance-minutes must be a whole number (0 or more), not "-5"',
      );
    });
  });
}
