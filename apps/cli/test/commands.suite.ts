import type { City, Reservation, Restaurant } from '@tablebook/client';
import type { SpawnedServer } from '@tablebook/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseJson, runInProcess } from './support/run-cli.ts';
import { expectFailed as failed, expectOk as ok } from './support/expect-run.ts';
import { ADMIN_TOKEN, dayFromNow } from './support/server.ts';

/** Every command, run in this process against the live server: output for people and for scripts. */
export function describeCommands(server: () => SpawnedServer): void {
  const tablebook = (...args: string[]) => runInProcess(args, { env: { TABLEBOOK_URL: server().url, TABLEBOOK_TOKEN: ADMIN_TOKEN } });

  const restaurantFlags = (name: string, city = 'Leticia') => [
    '--name',
    name,
    '--address',
    'Calle 1 # 2-3',
    '--city',
    city,
    '--description',
    'Comida de mar',
    '--photo-url',
    'https://example.com/p.jpg',
  ];

  async function createRestaurant(name: string, city = 'Leticia'): Promise<Restaurant> {
    return parseJson<Restaurant>(ok(await tablebook('restaurants', 'create', ...restaurantFlags(name, city), '--json')));
  }

  describe('usage errors', () => {
    it.each([
      [['restaurants', 'list', '--colour'], "Unknown option '--colour' (see 'tablebook restaurants list --help')"],
      [['book', 'Binario', '--table', 'A1'], "missing --date (see 'tablebook book --help')"],
      [['book', '--table', 'A1', '--date', '2030-01-01'], 'missing <restaurant>'],
      [['reservations', 'list', 'a', 'b'], 'unexpected argument "b"'],
      [['restaurants', 'list', '--date'], "Option '--date <value>' argument missing"],
      [['restaurants', 'rename'], 'unknown command "restaurants rename" (see \'tablebook restaurants --help\')'],
      [['restaurants'], 'missing subcommand: list, create, update, delete'],
      [
        [],
        "missing command: cities, restaurants, reservations, book, availability, slots, import, settings, webhooks, messages (see 'tablebook --help')",
      ],
      [['cities', '--url', 'ftp://example.com'], 'the server URL must be an http(s) URL, not "ftp://example.com"'],
    ])('exits 2 for %j, with one line on stderr and nothing on stdout', async (args, message) => {
      const run = await tablebook(...args);
      expect(failed(run, 2)).toContain(message);
      expect(run.stdout).toBe('');
    });
  });

  describe('tablebook cities', () => {
    it('prints an aligned table of cities, with the department', async () => {
      const { stdout } = ok(await tablebook('cities', '--search', 'Armenia'));
      const lines = stdout.trimEnd().split('\n');
      expect(lines[0]).toMatch(/^\s*ID {2}CITY\s+DEPARTMENT$/);
      expect(
        lines.slice(1).map((line) =>
          line
            .trim()
            .split(/\s{2,}/)
            .slice(1),
        ),
      ).toEqual([
        ['Armenia', 'Antioquia'],
        ['Armenia', 'Quindío'],
      ]);
    });

    it('prints the API data as a JSON array with --json, empty when nothing matches', async () => {
      const cities = parseJson<City[]>(ok(await tablebook('cities', '--search', 'Leticia', '--json')));
      expect(cities).toEqual([{ id: 1, name: 'Leticia', deptName: 'Amazonas' }]);
      expect(parseJson(ok(await tablebook('--json', 'cities', '--search', 'Atlantis')))).toEqual([]);
      expect(ok(await tablebook('cities', '--search', 'Atlantis')).stdout).toBe('No city matches.\n');
    });
  });

  describe('tablebook restaurants create, update and delete', () => {
    it('creates a restaurant in a city named by "Name, Department", accents optional', async () => {
      const { stdout } = ok(await tablebook('restaurants', 'create', ...restaurantFlags('Crear Quindío', 'armenia, quindio')));
      expect(stdout).toMatch(/^Created restaurant "Crear Quindío"\n/);
      expect(stdout).toMatch(/\n {2}city +Armenia, Quindío\n/);
      const created = await createRestaurant('Crear Por Id', '1');
      expect(created.city).toEqual({ id: 1, name: 'Leticia', deptName: 'Amazonas' });
    });

    it('refuses a city name that repeats across departments, listing the choices', async () => {
      const message = failed(await tablebook('restaurants', 'create', ...restaurantFlags('Crear Ambiguo', 'Armenia')), 1);
      expect(message).toContain('Armenia, Antioquia (id 16)');
      expect(message).toContain('Armenia, Quindío (id');
      expect(failed(await tablebook('restaurants', 'create', ...restaurantFlags('Crear Nada', 'Atlantis')), 1)).toContain(
        'no city is called "Atlantis"',
      );
    });

    it('names every missing flag as a usage error', async () => {
      const message = failed(await tablebook('restaurants', 'create', '--name', 'Solo Nombre'), 2);
      expect(message).toContain('missing --address, --city, --description, --photo-url');
    });

    it("reports the API's invalid input with exit 1", async () => {
      const flags = restaurantFlags('Crear Malo');
      flags[flags.indexOf('--photo-url') + 1] = 'ftp://example.com/x.jpg';
      expect(failed(await tablebook('restaurants', 'create', ...flags), 1)).toContain(
        'photoUrl must be an http or https URL (INVALID_INPUT)',
      );
    });

    it('updates only the fields given, keeping the others', async () => {
      const created = await createRestaurant('Actualizar Este');
      const updated = parseJson<Restaurant>(
        ok(
          await tablebook('restaurants', 'update', 'actualizar', '--description', 'Nueva carta', '--city', 'Armenia, Antioquia', '--json'),
        ),
      );
      expect(updated).toMatchObject({
        id: created.id,
        name: 'Actualizar Este',
        address: created.address,
        photoUrl: created.photoUrl,
        description: 'Nueva carta',
        city: { id: 16, name: 'Armenia', deptName: 'Antioquia' },
      });
      expect(failed(await tablebook('restaurants', 'update', created.id), 2)).toContain('nothing to change');
    });

    it('deletes a restaurant named by id; the JSON is the API answer', async () => {
      const created = await createRestaurant('Borrar Este');
      expect(parseJson(ok(await tablebook('restaurants', 'delete', created.id, '--yes', '--json')))).toEqual({ id: created.id });
      const again = failed(await tablebook('restaurants', 'delete', created.id, '--yes'), 1);
      expect(again).toContain('(NOT_FOUND)');
      expect(ok(await tablebook('restaurants', 'list', '--starts-with', 'Borrar')).stdout).toBe('No restaurant matches.\n');
    });

    it('refuses an ambiguous name prefix, listing the candidates', async () => {
      await createRestaurant('Prefijo Uno');
      await createRestaurant('Prefijo Dos');
      const message = failed(await tablebook('restaurants', 'update', 'prefijo', '--description', 'x'), 1);
      expect(message).toContain('"prefijo" matches 2 restaurants');
      expect(message).toContain('Prefijo Dos in Leticia, Amazonas (');
      expect(message).toContain('Prefijo Uno in Leticia, Amazonas (');
      expect(failed(await tablebook('reservations', 'list', 'Nadie Asi'), 1)).toContain(`no restaurant's name starts with "Nadie Asi"`);
    });
  });

  describe('tablebook restaurants list', () => {
    let day: string;
    beforeAll(async () => {
      day = dayFromNow(10);
      await createRestaurant('Lista Armenia', 'Armenia, Quindío');
      const full = await createRestaurant('Lista Llena');
      await createRestaurant('Lista Vacia');
      // Book Lista Llena to its daily limit (15 by default).
      for (const table of ['A0', 'A1', 'A2', 'A3', 'B0', 'B1', 'B2', 'B3', 'C0', 'C1', 'C2', 'C3', 'D0', 'D1', 'D2']) {
        ok(await tablebook('book', full.id, '--table', table, '--date', day));
      }
    });

    it('filters by name prefix and by city', async () => {
      const { stdout } = ok(await tablebook('restaurants', 'list', '--starts-with', 'lista'));
      const lines = stdout.trimEnd().split('\n');
      expect(lines[0]).toMatch(/^ID\s+NAME\s+CITY\s+ADDRESS\s+TABLES$/);
      expect(lines.slice(1).map((line) => line.split(/\s{2,}/)[1])).toEqual(['Lista Armenia', 'Lista Llena', 'Lista Vacia']);
      const inQuindio = parseJson<Restaurant[]>(
        ok(await tablebook('restaurants', 'list', '--starts-with', 'Lista', '--city', 'Armenia, Quindío', '--json')),
      );
      expect(inQuindio.map((restaurant) => restaurant.name)).toEqual(['Lista Armenia']);
    });

    it("shows a day's free places, and keeps only restaurants with enough of them", async () => {
      const { stdout } = ok(await tablebook('restaurants', 'list', '--starts-with', 'Lista', '--date', day));
      expect(stdout.split('\n')[0]).toMatch(/ADDRESS\s+TABLES\s+FREE\s+SYSTEM FREE$/);
      expect(stdout).toMatch(/Lista Llena .* 0 +5\n/);
      expect(stdout).toMatch(/Lista Vacia .* 15 +5\n/);
      const available = parseJson<Restaurant[]>(
        ok(await tablebook('restaurants', 'list', '--starts-with', 'Lista', '--date', day, '--min-available', '1', '--json')),
      );
      expect(available.map((restaurant) => [restaurant.name, restaurant.restaurantRemaining])).toEqual([
        ['Lista Armenia', 15],
        ['Lista Vacia', 15],
      ]);
    });

    it('refuses a count that is not a whole number as a usage error', async () => {
      expect(failed(await tablebook('restaurants', 'list', '--min-available', 'many'), 2)).toContain(
        '--min-available must be a whole number',
      );
    });
  });

  describe('tablebook book and reservations list', () => {
    it('books a table and lists it, in a table and as JSON', async () => {
      const day = dayFromNow(11);
      const restaurant = await createRestaurant('Reservar Aqui');
      const booked = ok(await tablebook('book', 'Reservar', '--table', 'b1', '--date', day));
      expect(booked.stdout).toMatch(
        new RegExp(`^Booked table B1 at "Reservar Aqui" \\(${restaurant.id}\\) on ${day} for 2 people \\(reservation [0-9a-f-]{36}\\)\\n$`),
      );
      const reservation = parseJson<Reservation>(ok(await tablebook('book', restaurant.id, '--table', 'C2', '--date', day, '--json')));
      expect(reservation).toMatchObject({ table: 'C2', date: day, restaurantId: restaurant.id });

      const listed = ok(await tablebook('reservations', 'list', 'Reservar Aqui'));
      expect(listed.stdout.split('\n')[0]).toMatch(/^DATE\s+TABLE\s+PARTY\s+STATUS\s+GUEST\s+ID\s+BOOKED AT$/);
      expect(listed.stdout).toMatch(new RegExp(`${day}  B1 +2  confirmed  +[0-9a-f-]{36}`));
      const onDay = parseJson<Reservation[]>(ok(await tablebook('reservations', 'list', restaurant.id, '--date', day, '--json')));
      expect(onDay.map((entry) => entry.table).sort()).toEqual(['B1', 'C2']);
      expect(parseJson(ok(await tablebook('reservations', 'list', restaurant.id, '--date', dayFromNow(12), '--json')))).toEqual([]);
    });

    it('reports a refusal with its reason and exit 1', async () => {
      const day = dayFromNow(13);
      const restaurant = await createRestaurant('Rechazar Aqui');
      ok(await tablebook('book', restaurant.id, '--table', 'A0', '--date', day));
      expect(failed(await tablebook('book', restaurant.id, '--table', 'A0', '--date', day), 1)).toBe(
        `tablebook: Table A0 at "Rechazar Aqui" is already booked on ${day} (TABLE_ALREADY_BOOKED)\n`,
      );
      expect(failed(await tablebook('book', restaurant.id, '--table', 'A0', '--date', '2020-01-01'), 1)).toContain('(PAST_DATE)');
    });
  });
}
