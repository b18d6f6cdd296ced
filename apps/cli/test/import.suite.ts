import type { Reservation, Restaurant } from '@tablebook/client';
import type { SpawnedServer } from '@tablebook/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RowResult } from '../src/import/results.ts';
import { parseJson, runInProcess, writeTempFile } from './support/run-cli.ts';
import { ADMIN_TOKEN, dayFromNow } from './support/server.ts';

/** `tablebook import`: good, bad and duplicate rows, run twice. */
export function describeImport(server: () => SpawnedServer): void {
  const tablebook = (args: string[], options: { stderrIsTTY?: boolean } = {}) =>
    runInProcess(args, { env: { TABLEBOOK_URL: server().url, TABLEBOOK_TOKEN: ADMIN_TOKEN }, ...options });

  const TABLES = ['A0', 'A1', 'A2', 'A3', 'B0', 'B1', 'B2', 'B3', 'C0', 'C1', 'C2', 'C3', 'D0', 'D1', 'D2'];
  const csv = (lines: string[]) => `${lines.join('\n')}\n`;

  async function createRestaurant(name: string): Promise<Restaurant> {
    const run = await tablebook([
      'restaurants',
      'create',
      '--json',
      '--name',
      name,
      '--address',
      'Calle 5',
      '--city',
      '1',
      '--description',
      'Importada',
      '--photo-url',
      'https://example.com/i.jpg',
    ]);
    expect(run.code, run.stderr).toBe(0);
    return parseJson<Restaurant>(run);
  }

  async function reservationsOf(restaurant: Restaurant): Promise<Reservation[]> {
    return parseJson<Reservation[]>(await tablebook(['reservations', 'list', restaurant.id, '--json']));
  }

  describe('tablebook import', () => {
    let uno: Restaurant;
    let dos: Restaurant;
    const [day1, day2, day3] = [dayFromNow(20), dayFromNow(21), dayFromNow(22)];
    let file: string;

    beforeAll(async () => {
      uno = await createRestaurant('Importar Uno');
      dos = await createRestaurant('Importar Dos');
      file = writeTempFile(
        'bookings.csv',
        csv([
          'Restaurant,Table,Date,Guest',
          `Importar Uno,A0,${day1},Ana`,
          `importar uno,a1,${day1},Luis`,
          `${dos.id},A0,${day1},`,
          `Importar Uno,A0,${day1},the same table again`,
          `"Importar Dos",B1,${day2},"Pérez, Juan"`,
          `Importar Uno,A2,2020-01-01,a past day`,
          `Importar,A3,${day1},ambiguous`,
          `Nadie,A3,${day1},no such restaurant`,
          `Importar Uno,,${day1},no table`,
          `Importar Uno,A3,2027-02-30,no such day`,
          'Importar Uno',
          '',
          // Day 3: Uno takes 15, Dos 5: the system's 20 for the day; Dos's sixth is one too many.
          ...TABLES.map((table) => `Importar Uno,${table},${day3}`),
          ...TABLES.slice(0, 6).map((table) => `Importar Dos,${table},${day3}`),
        ]),
      );
    });

    it('books the good rows and reports every other one with its reason or line number', async () => {
      const run = await tablebook(['import', file]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(1);
      const lines = run.stdout.trimEnd().split('\n');
      expect(lines[0]).toMatch(/^LINE\s+RESTAURANT\s+TABLE\s+DATE\s+RESULT\s+DETAIL$/);
      const row = (line: number) => lines.find((text) => text.trimStart().startsWith(`${line} `)) ?? '';
      expect(row(2)).toMatch(/booked +reservation [0-9a-f-]{36}$/);
      expect(row(5)).toMatch(/already booked +reservation [0-9a-f-]{36} \(the same booking as line 2\)$/);
      expect(row(6)).toMatch(/Importar Dos +B1 .* booked/);
      expect(row(7)).toMatch(/refused +PAST_DATE: Cannot book 2020-01-01/);
      expect(row(8)).toMatch(/invalid row +"Importar" matches 2 restaurants/);
      expect(row(9)).toMatch(/invalid row +no restaurant's name starts with "Nadie"/);
      expect(row(10)).toMatch(/invalid row +no table: give a table, or a time at a restaurant with hours$/);
      expect(row(11)).toMatch(/invalid row +Invalid input: date: /);
      expect(row(12)).toMatch(/invalid row +date is empty or missing; no table: give a table, or a time at a restaurant with hours$/);
      expect(row(34)).toMatch(/Importar Dos +B1 .* refused +GLOBAL_DAILY_LIMIT: /);
      expect(lines.at(-1)).toBe('32 rows: 24 booked, 1 already booked, 2 refused, 5 invalid');
      expect(await reservationsOf(uno)).toHaveLength(2 + 15);
    });

    it('is safe to run again: booked rows are reported as already booked, nothing is booked twice', async () => {
      const before = [...(await reservationsOf(uno)), ...(await reservationsOf(dos))].length;
      const run = await tablebook(['import', file, '--json']);
      expect(run.code).toBe(1);
      const results = parseJson<RowResult[]>(run);
      expect(results).toHaveLength(32);
      expect(results.map((result) => result.line)).toEqual([...results.map((result) => result.line)].sort((a, b) => a - b));
      const count = (outcome: RowResult['outcome']) => results.filter((result) => result.outcome === outcome).length;
      expect([count('booked'), count('already-booked'), count('refused'), count('invalid')]).toEqual([0, 25, 2, 5]);
      expect(results.find((result) => result.line === 34)).toMatchObject({ outcome: 'refused', reason: 'GLOBAL_DAILY_LIMIT' });
      expect(results.find((result) => result.line === 12)).toMatchObject({ outcome: 'invalid', restaurant: 'Importar Uno', table: '' });
      expect([...(await reservationsOf(uno)), ...(await reservationsOf(dos))]).toHaveLength(before);
    });

    it('exits 0 when every row is booked or already booked, on the first run and the next', async () => {
      const day = dayFromNow(23);
      const clean = writeTempFile('clean.csv', csv(['restaurant,table,date', `Importar Uno,C3,${day}`, `Importar Dos,C3,${day}`]));
      const first = await tablebook(['import', clean]);
      expect(first.code, first.stdout).toBe(0);
      expect(first.stdout.trimEnd().split('\n').at(-1)).toBe('2 rows: 2 booked, 0 already booked, 0 refused, 0 invalid');
      const second = await tablebook(['import', clean, '--json']);
      expect(second.code).toBe(0);
      expect(parseJson<RowResult[]>(second).map((result) => result.outcome)).toEqual(['already-booked', 'already-booked']);
    });

    it('shows progress on stderr with --progress, in place on a terminal', async () => {
      const day = dayFromNow(24);
      const small = writeTempFile('small.csv', csv(['restaurant,table,date', `Importar Uno,D0,${day}`, `Importar Uno,D1,${day}`]));
      const quiet = await tablebook(['import', small], { stderrIsTTY: true });
      expect(quiet.stderr).toBe('');
      const logged = await tablebook(['import', small, '--progress']);
      expect(logged.stderr).toBe('Importing: 1/2 rows\nImporting: 2/2 rows\n');
      const drawn = await tablebook(['import', small, '--progress'], { stderrIsTTY: true });
      // biome-ignore lint/suspicious/noControlCharactersInRegex: on a terminal the progress line is erased with ESC [2K, which this matches
      expect(drawn.stderr).toMatch(/^\rImporting: 1\/2 rows.*\r\x1b\[2K$/s);
    });

    it('refuses a file that cannot be read or has no usable header, before booking anything', async () => {
      const missing = await tablebook(['import', '/nonexistent/bookings.csv']);
      expect(missing).toMatchObject({ code: 1, stdout: '', stderr: 'tablebook: cannot read /nonexistent/bookings.csv: no such file\n' });
      const headless = await tablebook(['import', writeTempFile('bad.csv', csv(['name,when', `Importar Uno,${day1}`]))]);
      expect(headless).toMatchObject({
        code: 1,
        stderr: 'tablebook: line 1: the header must name the columns restaurant,table,date (missing restaurant, table, date)\n',
      });
      expect((await tablebook(['import'])).code).toBe(2);
    });
  });

  describe('tablebook import with guest columns', () => {
    const day = dayFromNow(25);
    let restaurant: Restaurant;
    let file: string;
    let other: Reservation;

    beforeAll(async () => {
      restaurant = await createRestaurant('Importar Huespedes');
      const booked = (table: string, ...extra: string[]) =>
        tablebook(['book', restaurant.id, '--table', table, '--date', day, '--json', ...extra]).then((run) => parseJson<Reservation>(run));
      // B0 is held by a different booking (another guest); B1 by one without guest details, as line 7 asks.
      other = await booked('B0', '--guest-name', 'Otra Persona');
      await booked('B1');
      file = writeTempFile(
        'guests.csv',
        csv([
          'restaurant,table,date,notes,GuestName,partySize,guestPhone,guestEmail,source',
          `Importar Huespedes,A0,${day},ventana,Ana Gómez,4,+57 300 123 4567,ana@example.com,web`,
          `Importar Huespedes,a1,${day},,Luis,1,,,`,
          `Importar Huespedes,A2,${day},,Sin Número,muchos,,,`,
          `Importar Huespedes,A3,${day},,Correo Malo,2,,no-es-correo,`,
          `Importar Huespedes,B0,${day},,Intruso,,,,`,
          `Importar Huespedes,B1,${day},,,,,,`,
          `Importar Huespedes,B2,${day},,Grupo Grande,12,,,`,
        ]),
      );
    });

    const outcomes = (results: RowResult[]) => results.map((result) => [result.line, result.outcome, result.reason ?? '']);

    it('books with the guest columns, refuses a table another booking holds, and reports bad values with their line', async () => {
      const run = await tablebook(['import', file, '--json']);
      expect(run.code).toBe(1);
      const results = parseJson<RowResult[]>(run);
      expect(outcomes(results)).toEqual([
        [2, 'booked', ''],
        [3, 'booked', ''],
        [4, 'invalid', ''],
        [5, 'invalid', 'INVALID_INPUT'],
        [6, 'refused', 'TABLE_ALREADY_BOOKED'],
        [7, 'already-booked', ''],
        [8, 'refused', 'PARTY_TOO_LARGE'],
      ]);
      expect(results[0]?.reservation).toMatchObject({
        table: 'A0',
        partySize: 4,
        guestName: 'Ana Gómez',
        guestPhone: '+57 300 123 4567',
        guestEmail: 'ana@example.com',
        notes: 'ventana',
      });
      expect(results[1]?.reservation).toMatchObject({ table: 'A1', partySize: 1, guestName: 'Luis', guestEmail: null, notes: null });
      expect(results[2]?.message).toBe('partySize must be a whole number from 1 to 20, not "muchos"');
      expect(results[3]?.message).toContain('guestEmail must be an e-mail address');
      expect((await tablebook(['reservations', 'show', restaurant.id, other.id, '--json'])).stdout).toContain(
        '"guestName": "Otra Persona"',
      );
    });

    it('run again, books nothing twice and reports the booked rows as already booked', async () => {
      const before = await reservationsOf(restaurant);
      expect(before).toHaveLength(4);
      const run = await tablebook(['import', file]);
      expect(run.code).toBe(1);
      const lines = run.stdout.trimEnd().split('\n');
      const row = (line: number) => lines.find((text) => text.trimStart().startsWith(`${line} `)) ?? '';
      const a0 = before.find((reservation) => reservation.table === 'A0') as Reservation;
      expect(row(2)).toMatch(new RegExp(`already booked +reservation ${a0.id} \\(booked by an earlier run\\)$`));
      expect(row(6)).toMatch(/refused +TABLE_ALREADY_BOOKED: /);
      expect(lines.at(-1)).toBe('7 rows: 0 booked, 3 already booked, 2 refused, 2 invalid');
      expect(await reservationsOf(restaurant)).toEqual(before);
    });

    it('with --retry-refused tries refused rows again; later runs then see them as already booked', async () => {
      expect((await tablebook(['reservations', 'cancel', restaurant.id, other.id])).code).toBe(0);
      // Without the flag the server replays line 6's refusal; B0 is free now, but not held by line 6's booking.
      const replayed = parseJson<RowResult[]>(await tablebook(['import', file, '--json']));
      expect(replayed.find((result) => result.line === 6)).toMatchObject({ outcome: 'refused', reason: 'TABLE_ALREADY_BOOKED' });

      const retried = await tablebook(['import', file, '--retry-refused', '--json']);
      expect(retried.code).toBe(1);
      expect(outcomes(parseJson<RowResult[]>(retried))).toEqual([
        [2, 'already-booked', ''],
        [3, 'already-booked', ''],
        [4, 'invalid', ''],
        [5, 'invalid', 'INVALID_INPUT'],
        [6, 'booked', ''],
        [7, 'already-booked', ''],
        [8, 'refused', 'PARTY_TOO_LARGE'],
      ]);
      // The key of line 6 still replays the old refusal, but the table is held by line 6's booking now.
      const after = parseJson<RowResult[]>(await tablebook(['import', file, '--json']));
      expect(after.find((result) => result.line === 6)).toMatchObject({ outcome: 'already-booked' });
      expect(await reservationsOf(restaurant)).toHaveLength(4);
    });
  });
}
