import type { Reservation, Restaurant } from '@tablebook/client';
import type { SpawnedServer } from '@tablebook/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { commandName } from '../src/args/command.ts';
import { commands } from '../src/commands/index.ts';
import type { DayAvailability, DayCapacity } from '../src/output/views.ts';
import { parseJson, runInProcess, type CliRun } from './support/run-cli.ts';
import { expectFailed, expectOk as ok } from './support/expect-run.ts';
import { ADMIN_TOKEN, dayFromNow } from './support/server.ts';

/** The commands for reservations' details and life (show, cancel, move, status), availability and table layouts. */
export function describeReservations(server: () => SpawnedServer): void {
  const tablebook = (...args: string[]) => runInProcess(args, { env: { TABLEBOOK_URL: server().url, TABLEBOOK_TOKEN: ADMIN_TOKEN } });

  /** A failed run, and nothing on stdout. */
  function failed(run: CliRun, code: number): string {
    expect(run.stdout).toBe('');
    return expectFailed(run, code);
  }

  async function createRestaurant(name: string, ...extra: string[]): Promise<Restaurant> {
    const flags = ['--address', 'Calle 7', '--city', 'Leticia', '--description', 'x', '--photo-url', 'https://example.com/r.jpg'];
    return parseJson<Restaurant>(ok(await tablebook('restaurants', 'create', '--name', name, ...flags, ...extra, '--json')));
  }

  const book = async (restaurant: Restaurant, table: string, date: string, ...extra: string[]) =>
    parseJson<Reservation>(ok(await tablebook('book', restaurant.id, '--table', table, '--date', date, ...extra, '--json')));

  const show = async (restaurant: Restaurant, reservation: Reservation) =>
    parseJson<Reservation>(ok(await tablebook('reservations', 'show', restaurant.id, reservation.id, '--json')));

  it('prints help with exit 0 for every command', async () => {
    for (const command of commands) {
      const run = ok(await tablebook(...command.path, '--help'));
      expect(run.stdout, commandName(command)).toMatch(new RegExp(`^Usage: tablebook ${commandName(command)}`));
    }
  });

  describe('tablebook book with guest details and idempotency keys', () => {
    let restaurant: Restaurant;
    const day = dayFromNow(40);
    beforeAll(async () => {
      restaurant = await createRestaurant('Huespedes');
    });

    it('books with party size, guest and notes, and shows them', async () => {
      const booked = await book(
        restaurant,
        'A0',
        day,
        '--party-size',
        '3',
        '--guest-name',
        'Ana Gómez',
        '--guest-phone',
        '+57 300 123 4567',
        '--guest-email',
        'ana@example.com',
        '--notes',
        'ventana',
      );
      expect(booked).toMatchObject({
        table: 'A0',
        partySize: 3,
        status: 'confirmed',
        guestName: 'Ana Gómez',
        guestPhone: '+57 300 123 4567',
        guestEmail: 'ana@example.com',
        notes: 'ventana',
      });
      expect(await show(restaurant, booked)).toEqual(booked);
      const { stdout } = ok(await tablebook('reservations', 'show', 'Huespedes', booked.id));
      expect(stdout).toMatch(/^Reservation at "Huespedes"\n/);
      expect(stdout).toMatch(/\n {2}party size +3\n/);
      expect(stdout).toMatch(/\n {2}guest +Ana Gómez\n/);
      const listed = ok(await tablebook('reservations', 'list', 'Huespedes', '--date', day)).stdout;
      expect(listed).toMatch(new RegExp(`${day}  A0 +3  confirmed  Ana Gómez  ${booked.id}`));
    });

    it('replays a retry with the same --idempotency-key, and refuses the key for another booking', async () => {
      const first = await book(restaurant, 'A1', day, '--idempotency-key', 'script-run-7');
      const retry = await book(restaurant, 'A1', day, '--idempotency-key', 'script-run-7');
      expect(retry).toEqual(first);
      const reused = failed(await tablebook('book', restaurant.id, '--table', 'A2', '--date', day, '--idempotency-key', 'script-run-7'), 1);
      expect(reused).toContain('(IDEMPOTENCY_KEY_REUSED)');
      const onDay = parseJson<Reservation[]>(ok(await tablebook('reservations', 'list', restaurant.id, '--date', day, '--json')));
      expect(onDay.filter((entry) => entry.table === 'A1' || entry.table === 'A2').map((entry) => entry.id)).toEqual([first.id]);
    });

    it('refuses a party the table cannot seat and a bad party size', async () => {
      expect(failed(await tablebook('book', restaurant.id, '--table', 'B0', '--date', day, '--party-size', '9'), 1)).toContain(
        '(PARTY_TOO_LARGE)',
      );
      expect(failed(await tablebook('book', restaurant.id, '--table', 'B0', '--date', day, '--party-size', 'six'), 2)).toContain(
        '--party-size must be a whole number',
      );
    });
  });

  describe('tablebook reservations cancel, move and status', () => {
    let restaurant: Restaurant;
    const day = dayFromNow(41);
    beforeAll(async () => {
      restaurant = await createRestaurant('Ciclo');
    });

    it('cancels with a reason; a second cancel exits 1 with ALREADY_CANCELLED; lists by status', async () => {
      const reservation = await book(restaurant, 'A0', day);
      const done = ok(await tablebook('reservations', 'cancel', 'Ciclo', reservation.id, '--reason', 'lluvia'));
      expect(done.stdout).toBe(`Cancelled reservation ${reservation.id} (table A0 on ${day}) at "Ciclo" (${restaurant.id})\n`);
      expect(await show(restaurant, reservation)).toMatchObject({ status: 'cancelled', cancelReason: 'lluvia' });
      expect(failed(await tablebook('reservations', 'cancel', restaurant.id, reservation.id), 1)).toContain('(ALREADY_CANCELLED)');
      // With --json the same failure is one JSON object on stderr, and the same exit code.
      const asJson = await tablebook('reservations', 'cancel', restaurant.id, reservation.id, '--json');
      expect(asJson).toMatchObject({ code: 1, stdout: '' });
      expect(JSON.parse(asJson.stderr)).toMatchObject({ error: { reason: 'ALREADY_CANCELLED', status: 409 } });

      const again = await book(restaurant, 'A0', day);
      const ids = async (...status: string[]) =>
        parseJson<Reservation[]>(ok(await tablebook('reservations', 'list', restaurant.id, '--date', day, ...status, '--json'))).map(
          (entry) => entry.id,
        );
      expect(await ids()).toEqual([again.id]);
      expect(await ids('--status', 'cancelled')).toEqual([reservation.id]);
      expect((await ids('--status', 'all')).sort()).toEqual([reservation.id, again.id].sort());
      expect(failed(await tablebook('reservations', 'list', restaurant.id, '--status', 'gone'), 2)).toContain('--status must be one of');
      expect(failed(await tablebook('reservations', 'show', restaurant.id, '00000000-0000-4000-8000-000000000000'), 1)).toContain(
        '(NOT_FOUND)',
      );
    });

    it('moves a reservation; a refused move exits 1 and leaves it unchanged', async () => {
      const mine = await book(restaurant, 'B0', day);
      await book(restaurant, 'B1', day);
      const moved = parseJson<Reservation>(
        ok(await tablebook('reservations', 'move', restaurant.id, mine.id, '--table', 'b2', '--party-size', '4', '--json')),
      );
      expect(moved).toMatchObject({ id: mine.id, table: 'B2', partySize: 4, date: day });
      expect(failed(await tablebook('reservations', 'move', restaurant.id, mine.id, '--table', 'B1'), 1)).toContain(
        '(TABLE_ALREADY_BOOKED)',
      );
      expect(failed(await tablebook('reservations', 'move', restaurant.id, mine.id, '--date', '2020-01-01'), 1)).toContain('(PAST_DATE)');
      expect(await show(restaurant, mine)).toEqual(moved);
      const later = dayFromNow(42);
      const { stdout } = ok(await tablebook('reservations', 'move', 'Ciclo', mine.id, '--date', later));
      expect(stdout).toMatch(new RegExp(`^Moved reservation at "Ciclo"\\n(.*\\n)* {2}date +${later}\\n`));
      expect(failed(await tablebook('reservations', 'move', restaurant.id, mine.id), 2)).toContain('nothing to change');
    });

    it('records seated then completed; an illegal change exits 1', async () => {
      const reservation = await book(restaurant, 'C0', day);
      expect(ok(await tablebook('reservations', 'status', 'Ciclo', reservation.id, 'seated')).stdout).toBe(
        `Reservation ${reservation.id} at "Ciclo" (${restaurant.id}) is now seated\n`,
      );
      const completed = parseJson<Reservation>(
        ok(await tablebook('reservations', 'status', restaurant.id, reservation.id, 'completed', '--json')),
      );
      expect(completed.status).toBe('completed');
      expect(failed(await tablebook('reservations', 'status', restaurant.id, reservation.id, 'no_show'), 1)).toContain(
        '(ILLEGAL_STATUS_CHANGE)',
      );
      expect(failed(await tablebook('reservations', 'status', restaurant.id, reservation.id, 'cancelled'), 2)).toContain(
        'status must be one of seated, completed, no_show',
      );
      expect((await show(restaurant, reservation)).status).toBe('completed');
    });
  });

  describe('tablebook availability', () => {
    let restaurant: Restaurant;
    const [day, next] = [dayFromNow(43), dayFromNow(44)];
    beforeAll(async () => {
      restaurant = await createRestaurant('Disponible', '--tables', 'A0:4,A1:2');
      await book(restaurant, 'A0', day);
    });

    it("shows a day's places and free tables, for people and as JSON", async () => {
      const { stdout } = ok(await tablebook('availability', 'Disponible', '--date', day));
      expect(stdout).toMatch(new RegExp(`^"Disponible" on ${day}\\n {2}free +14\\n {2}system free +\\d+\\n {2}free tables +A1:2\\n$`));
      const answer = parseJson<DayAvailability>(ok(await tablebook('availability', restaurant.id, '--date', day, '--json')));
      expect(answer).toMatchObject({ date: day, restaurantRemaining: 14, freeTables: [{ label: 'A1', seats: 2 }] });
    });

    it('shows a range of days, one line each; the JSON is the array of days', async () => {
      const days = parseJson<DayCapacity[]>(ok(await tablebook('availability', restaurant.id, '--from', day, '--to', next, '--json')));
      expect(days.map((entry) => [entry.date, entry.restaurantRemaining])).toEqual([
        [day, 14],
        [next, 15],
      ]);
      const lines = ok(await tablebook('availability', restaurant.id, '--from', day, '--to', next))
        .stdout.trimEnd()
        .split('\n');
      expect(lines[0]).toMatch(/^DATE\s+FREE\s+SYSTEM FREE$/);
      expect(lines).toHaveLength(3);
    });

    it.each([
      [['--date', '2030-01-01', '--from', '2030-01-01'], 'give either --date, or --from and --to, not both'],
      [[], 'missing --date (or --from and --to)'],
      [['--from', '2030-01-01'], 'missing --to: a range needs both'],
    ])('exits 2 for %j', async (flags, message) => {
      expect(failed(await tablebook('availability', 'Disponible', ...flags), 2)).toContain(message);
    });

    it('exits 1 for a range the API refuses', async () => {
      expect(failed(await tablebook('availability', restaurant.id, '--from', day, '--to', dayFromNow(143)), 1)).toContain(
        '(INVALID_INPUT)',
      );
    });
  });

  describe('tablebook restaurants --tables', () => {
    it('creates and updates a layout, keeps it when not given, and refuses to drop a booked table', async () => {
      const created = ok(
        await tablebook(
          'restaurants',
          'create',
          '--name',
          'Mesas Propias',
          '--address',
          'Calle 8',
          '--city',
          'Leticia',
          '--description',
          'x',
          '--photo-url',
          'https://example.com/m.jpg',
          '--tables',
          'a0:4, A1:2,T:8',
        ),
      );
      expect(created.stdout).toMatch(/\n {2}tables +A0:4,A1:2,T:8\n/);
      const restaurant = parseJson<Restaurant[]>(
        ok(await tablebook('restaurants', 'list', '--starts-with', 'Mesas Propias', '--json')),
      )[0] as Restaurant;
      expect(restaurant.tables).toEqual([
        { label: 'A0', seats: 4 },
        { label: 'A1', seats: 2 },
        { label: 'T', seats: 8 },
      ]);
      expect(ok(await tablebook('restaurants', 'list', '--starts-with', 'Mesas Propias')).stdout).toMatch(/Calle 8 +3\n$/);

      const kept = parseJson<Restaurant>(ok(await tablebook('restaurants', 'update', restaurant.id, '--description', 'y', '--json')));
      expect(kept.tables).toEqual(restaurant.tables);
      const changed = parseJson<Restaurant>(ok(await tablebook('restaurants', 'update', restaurant.id, '--tables', 'A0:6,T:8', '--json')));
      expect(changed).toMatchObject({
        description: 'y',
        tables: [
          { label: 'A0', seats: 6 },
          { label: 'T', seats: 8 },
        ],
      });

      await book(restaurant, 'T', dayFromNow(45));
      expect(failed(await tablebook('restaurants', 'update', restaurant.id, '--tables', 'A0:6'), 1)).toContain('(TABLE_HAS_RESERVATIONS)');
      expect(failed(await tablebook('restaurants', 'update', restaurant.id, '--tables', 'A0=6'), 2)).toContain(
        '--tables takes LABEL:SEATS pairs',
      );
      expect(failed(await tablebook('restaurants', 'update', restaurant.id, '--tables', 'A0:6,A0:2'), 1)).toContain('(INVALID_INPUT)');
    });
  });
}
