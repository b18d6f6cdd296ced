import type { SpawnedServer } from '@tablebook/testing';
import { describe, expect, it } from 'vitest';
import { createClient } from '../src/index.ts';
import { ADMIN_TOKEN, dayFromNow, failureOf, restaurantInput } from './support/fixtures.ts';
import { runNode } from './support/node-process.ts';

/** No booking holds it: the codes the server draws are twelve characters. */
const UNKNOWN_CODE = 'ZZZZ-ZZZZ-ZZZZ-ZZZZ';

/** The examples, run as users run them (tsx strips their types; they import the built package). */
export function describeExamples(server: () => SpawnedServer): void {
  describe('the examples', () => {
    const example = (script: string, args: string[]) =>
      runNode(['--import', 'tsx', `examples/${script}`, ...args], { TABLEBOOK_URL: server().url, TABLEBOOK_TOKEN: ADMIN_TOKEN });
    const api = () => createClient({ url: server().url, token: ADMIN_TOKEN });

    it("list a city's restaurants with their free places on a day", async () => {
      const day = dayFromNow(6);
      const restaurant = await api().restaurant.create.mutate(restaurantInput({ name: 'Example Capacity', cityId: 2 }));
      await api().reservation.create.mutate({ restaurantId: restaurant.id, table: 'A0', date: day });

      const { code, stdout, stderr } = await example('city-capacity.ts', ['Puerto Nariño', day]);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(stdout).toBe(
        `Puerto Nariño, Amazonas on ${day}: 1 restaurant(s)\n  Example Capacity: 14 places free (19 in the whole system)\n`,
      );
    });

    it('book a table, then handle the refusal by its reason', async () => {
      const day = dayFromNow(7);
      const restaurant = await api().restaurant.create.mutate(restaurantInput({ name: 'Example Booking' }));

      const first = await example('book-table.ts', [restaurant.id, 'C1', day]);
      expect(first).toMatchObject({ code: 0, stderr: '' });
      expect(first.stdout).toMatch(new RegExp(`^Booked table C1 on ${day}: reservation [0-9a-f-]{36}\\n$`));

      const again = await example('book-table.ts', [restaurant.id, 'C1', day]);
      expect(again).toMatchObject({ code: 0, stdout: `Table C1 is taken on ${day}: pick another table.\n` });

      const past = await example('book-table.ts', [restaurant.id, 'C1', '2020-01-01']);
      expect(past.code).toBe(1);
      expect(past.stderr).toMatch(/^Refused \(PAST_DATE, HTTP 400, request [\w-]+\): /);
    });

    // The guest's example runs without a token, within the address's guest-booking budget, which no
    // other suite on this server spends; the last test spends it.
    const guestExample = (code: string) =>
      runNode(['--import', 'tsx', 'examples/cancel-booking.ts', code], { TABLEBOOK_URL: server().url });

    it("cancel a guest's booking with its code alone, then handle a second try and an unknown code", async () => {
      const day = dayFromNow(8);
      const restaurant = await api().restaurant.create.mutate(restaurantInput({ name: 'Example Cancel' }));
      const booking = await api().guest.book.mutate({
        restaurantId: restaurant.id,
        table: 'A0',
        date: day,
        guestName: 'Ana Gómez',
        guestPhone: '+57 300 123 4567',
      });

      const done = await guestExample(booking.cancellationCode);
      expect(done).toEqual({ code: 0, stderr: '', stdout: `Cancelled your booking at Example Cancel on ${day} (table A0, party of 2)\n` });
      expect(await api().reservation.byId.query({ restaurantId: restaurant.id, reservationId: booking.id })).toMatchObject({
        status: 'cancelled',
      });

      expect(await guestExample(booking.cancellationCode)).toEqual({
        code: 0,
        stderr: '',
        stdout: 'This booking was already cancelled.\n',
      });
      expect(await guestExample(UNKNOWN_CODE)).toEqual({
        code: 1,
        stdout: '',
        stderr: 'No booking has this code: check it against your confirmation.\n',
      });
    });

    it("report the rate limit's wait once the address has spent its guest budget", async () => {
      const guest = createClient({ url: server().url });
      // At most 10 a minute (with guest bookings) per address; the window may turn over once during the loop.
      const failures = [await failureOf(guest.guest.cancelByCode.mutate({ cancellationCode: UNKNOWN_CODE }))];
      while (failures.length < 21 && failures.at(-1)?.reason !== 'RATE_LIMITED') {
        failures.push(await failureOf(guest.guest.cancelByCode.mutate({ cancellationCode: UNKNOWN_CODE })));
      }
      for (const failure of failures.slice(0, -1)) expect(failure).toMatchObject({ status: 404, reason: 'NOT_FOUND', category: 'missing' });
      const limited = failures.at(-1);
      expect(limited).toMatchObject({ status: 429, reason: 'RATE_LIMITED', category: 'limited', retryable: true });
      expect(limited?.retryAfterSeconds).toBeGreaterThan(0);

      const run = await guestExample(UNKNOWN_CODE);
      expect(run).toMatchObject({ code: 1, stdout: '' });
      expect(run.stderr).toMatch(/^Too many tries from this address: try again in \d+ s\.\n$/);
    });
  });
}
