import type { SpawnedServer } from '@tablebook/testing';
import { describe, expect, it } from 'vitest';
import { createClient } from '../src/index.ts';
import { ADMIN_TOKEN, dayFromNow, restaurantInput } from './support/fixtures.ts';
import { runNode } from './support/node-process.ts';

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
  });
}
