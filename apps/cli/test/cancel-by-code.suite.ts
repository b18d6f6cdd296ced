import { createClient, type Reservation, type Restaurant, type RouterOutputs } from '@tablebook/client';
import type { SpawnedServer } from '@tablebook/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectFailed, expectOk as ok } from './support/expect-run.ts';
import { parseJson, runInProcess, type CliRun } from './support/run-cli.ts';
import { ADMIN_TOKEN, dayFromNow } from './support/server.ts';

type GuestBooking = RouterOutputs['guest']['book'];
type CodeCancellation = RouterOutputs['guest']['cancelByCode'];

/** No booking holds it: the codes the server draws are twelve characters. */
const UNKNOWN_CODE = 'ZZZZ-ZZZZ-ZZZZ-ZZZZ';

/**
 * `tablebook reservations cancel --code`: a guest's cancel with the code alone (guest.cancelByCode),
 * beside the cancel by ids. Last of the suites on the shared server: its final test spends the
 * address's guest-booking budget, which no other suite uses.
 */
export function describeCancelByCode(server: () => SpawnedServer): void {
  const admin = (...args: string[]) => runInProcess(args, { env: { TABLEBOOK_URL: server().url, TABLEBOOK_TOKEN: ADMIN_TOKEN } });
  /** As a guest runs it: no token, so within the guest-booking rate limit. */
  const guest = (...args: string[]) => runInProcess(args, { env: { TABLEBOOK_URL: server().url } });
  const api = () => createClient({ url: server().url, token: ADMIN_TOKEN });

  function failed(run: CliRun, code: number): string {
    expect(run.stdout).toBe('');
    return expectFailed(run, code);
  }

  async function createRestaurant(name: string, ...extra: string[]): Promise<Restaurant> {
    const flags = ['--address', 'Calle 16', '--city', 'Leticia', '--description', 'x', '--photo-url', 'https://example.com/c.jpg'];
    return parseJson<Restaurant>(ok(await admin('restaurants', 'create', '--name', name, ...flags, ...extra, '--json')));
  }

  /** A guest's booking, made through the API (with the token, so it spends no guest budget); it carries the code. */
  const bookAsGuest = (restaurant: Restaurant, booking: { table?: string; date: string; time?: string; partySize?: number }) =>
    api().guest.book.mutate({ restaurantId: restaurant.id, guestName: 'Ana Gómez', guestPhone: '+57 300 123 4567', ...booking });

  const stored = async (restaurant: Restaurant, booking: GuestBooking) =>
    parseJson<Reservation>(ok(await admin('reservations', 'show', restaurant.id, booking.id, '--json')));

  describe('tablebook reservations cancel --code', () => {
    let wholeDays: Restaurant;
    let timed: Restaurant;
    const day = dayFromNow(50);
    beforeAll(async () => {
      wholeDays = await createRestaurant('Codigo Dia');
      timed = await createRestaurant('Codigo Hora', '--time-zone', 'America/Bogota', '--hours', 'mon-sun 12:00-23:00');
    });

    it('cancels a guest booking with the code alone, without a token; a second try exits 1 with ALREADY_CANCELLED', async () => {
      const booking = await bookAsGuest(wholeDays, { table: 'A0', date: day });
      const done = ok(await guest('reservations', 'cancel', '--code', booking.cancellationCode));
      expect(done.stdout).toBe(`Cancelled reservation ${booking.id} (table A0 on ${day}) at "Codigo Dia" (${wholeDays.id})\n`);
      expect(await stored(wholeDays, booking)).toMatchObject({ status: 'cancelled' });
      const free = parseJson<{ freeTables: { label: string }[] }>(ok(await admin('availability', wholeDays.id, '--date', day, '--json')));
      expect(free.freeTables.map((table) => table.label)).toContain('A0');

      expect(failed(await guest('reservations', 'cancel', '--code', booking.cancellationCode), 1)).toContain('(ALREADY_CANCELLED)');
    });

    it("prints the API's answer with --json, names a booking at a time by its turn, and takes the code as people write it", async () => {
      const booking = await bookAsGuest(timed, { date: day, time: '19:30', partySize: 2 });
      // Lower case, in groups of four, with a hyphen and an en dash: the API ignores case, spaces and dashes.
      const written = booking.cancellationCode
        .toLowerCase()
        .replace(/(.{4})(?=.)/g, '$1-')
        .replace('-', '\u2013');
      const answer = parseJson<CodeCancellation>(ok(await admin('reservations', 'cancel', '--code', written, '--json')));
      expect(answer).toEqual({
        id: booking.id,
        restaurantId: timed.id,
        restaurantName: 'Codigo Hora',
        table: booking.table,
        date: day,
        time: '19:30',
        startsAt: booking.startsAt,
        endsAt: booking.endsAt,
        partySize: 2,
        status: 'cancelled',
      });

      const again = await bookAsGuest(timed, { date: day, time: '20:00', partySize: 2 });
      const { stdout } = ok(await admin('reservations', 'cancel', '--code', ` ${again.cancellationCode} `));
      expect(stdout).toBe(
        `Cancelled reservation ${again.id} (table ${again.table} on ${day} at 20:00-${again.endsAt.slice(11, 16)}) at "Codigo Hora" (${timed.id})\n`,
      );
    });

    it('exits 1 with NOT_FOUND for a code no booking has, and leaves the bookings as they were', async () => {
      const booking = await bookAsGuest(wholeDays, { table: 'A1', date: day });
      expect(failed(await guest('reservations', 'cancel', '--code', UNKNOWN_CODE), 1)).toBe(
        'tablebook: No booking has this cancellation code (NOT_FOUND)\n',
      );
      expect(await stored(wholeDays, booking)).toMatchObject({ status: 'confirmed' });
    });

    it.each([
      [['--code', ''], "--code needs the booking's cancellation code, not an empty value"],
      [['--code', '   '], "--code needs the booking's cancellation code, not an empty value"],
      [
        ['--code', '7K2M/9QX4'],
        '--code must be a cancellation code, letters and digits (spaces or dashes may group them), not "7K2M/9QX4"',
      ],
      [['--code'], "Option '--code <value>' argument missing"],
      [['Codigo Dia', '--code', UNKNOWN_CODE], 'give either <restaurant> <reservationId>, or --code, not both'],
      [
        ['Codigo Dia', '00000000-0000-4000-8000-000000000000', '--code', UNKNOWN_CODE],
        'give either <restaurant> <reservationId>, or --code, not both',
      ],
      [['--code', UNKNOWN_CODE, '--reason', 'lluvia'], '--reason goes with <restaurant> <reservationId>: a cancel by --code takes none'],
      [[], 'missing <restaurant> <reservationId>, or --code'],
      [['Codigo Dia'], 'missing <reservationId>'],
    ])('is a usage error (exit 2), asking the server nothing: %j', async (args, message) => {
      // A dead URL: an answer from it would be exit 3, so exit 2 means no call was made.
      const run = await runInProcess(['reservations', 'cancel', ...args], { env: { TABLEBOOK_URL: 'http://127.0.0.1:9' } });
      expect(failed(run, 2)).toBe(`tablebook: ${message} (see 'tablebook reservations cancel --help')\n`);
    });

    it('leaves the length of a code to the API: a longer one than it takes is its INVALID_INPUT (exit 1)', async () => {
      expect(failed(await admin('reservations', 'cancel', '--code', 'A'.repeat(65)), 1)).toContain('(INVALID_INPUT)');
    });

    it('keeps the cancel by ids as it was, and says how to call both forms in its help', async () => {
      const booking = await bookAsGuest(wholeDays, { table: 'B0', date: day });
      const done = ok(await admin('reservations', 'cancel', 'Codigo Dia', booking.id, '--reason', 'lluvia'));
      expect(done.stdout).toBe(`Cancelled reservation ${booking.id} (table B0 on ${day}) at "Codigo Dia" (${wholeDays.id})\n`);
      expect(await stored(wholeDays, booking)).toMatchObject({ status: 'cancelled', cancelReason: 'lluvia' });
      // Cancelled by the restaurant, the guest's code finds it already cancelled.
      expect(failed(await admin('reservations', 'cancel', '--code', booking.cancellationCode), 1)).toContain('(ALREADY_CANCELLED)');

      const help = ok(await admin('reservations', 'cancel', '--help')).stdout;
      expect(help).toMatch(
        /^Usage: tablebook reservations cancel \(<restaurant> <reservationId> \[--reason TEXT\] \| --code CODE\) \[global options\]\n/,
      );
      expect(help).toMatch(/\n {2}--code CODE +instead of the ids: the cancellation code/);
    });

    it('exits 1 with RATE_LIMITED once the guest budget is spent, saying when to try again; an admin token is not limited', async () => {
      // At most 10 a minute (with guest bookings) per address; the window may turn over once during the loop.
      const answers: CliRun[] = [];
      do answers.push(await guest('reservations', 'cancel', '--code', UNKNOWN_CODE));
      while (answers.length < 21 && !answers.at(-1)?.stderr.includes('RATE_LIMITED'));
      const limited = answers.at(-1) as CliRun;
      expect(failed(limited, 1)).toMatch(/^tablebook: Too many requests; try again in \d+ s \(RATE_LIMITED\)\n$/);
      for (const run of answers.slice(0, -1)) expect(failed(run, 1)).toContain('(NOT_FOUND)');

      expect(failed(await admin('reservations', 'cancel', '--code', UNKNOWN_CODE), 1)).toContain('(NOT_FOUND)');
    });
  });
}
