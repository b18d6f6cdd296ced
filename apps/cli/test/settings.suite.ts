import type { Restaurant } from '@tablebook/client';
import type { SpawnedServer } from '@tablebook/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { expectFailed as failed, expectOk as ok } from './support/expect-run.ts';
import { parseJson, runInProcess } from './support/run-cli.ts';
import { ADMIN_TOKEN, dayFromNow } from './support/server.ts';

const DEFAULTS = { globalDailyLimit: 20, restaurantDailyLimit: 15 };

/** `tablebook settings show|set` against the live server; the other suites share it, so the defaults are put back. */
export function describeSettings(server: () => SpawnedServer): void {
  const run = (args: string[], token = ADMIN_TOKEN) => runInProcess(args, { env: { TABLEBOOK_URL: server().url, TABLEBOOK_TOKEN: token } });
  const tablebook = (...args: string[]) => run(args);

  describe('tablebook settings', () => {
    afterAll(async () => {
      ok(await tablebook('settings', 'set', '--global-daily-limit', '20', '--restaurant-daily-limit', '15'));
    });

    it('shows the stored limits as "label  value" lines, and as the API data with --json', async () => {
      expect(ok(await tablebook('settings', 'show')).stdout).toBe(
        'Daily limits\n  global daily limit      20\n  restaurant daily limit  15\n',
      );
      expect(parseJson(ok(await tablebook('settings', 'show', '--json')))).toEqual(DEFAULTS);
    });

    it('sets either limit or both, printing the stored values after the change', async () => {
      const one = ok(await tablebook('settings', 'set', '--restaurant-daily-limit', '12'));
      expect(one.stdout).toBe('Updated the daily limits\n  global daily limit      20\n  restaurant daily limit  12\n');
      expect(parseJson(ok(await tablebook('settings', 'set', '--global-daily-limit', '1000000', '--json')))).toEqual({
        globalDailyLimit: 1_000_000,
        restaurantDailyLimit: 12,
      });
      expect(
        parseJson(ok(await tablebook('settings', 'set', '--global-daily-limit', '20', '--restaurant-daily-limit', '15', '--json'))),
      ).toEqual(DEFAULTS);
      expect(parseJson(ok(await tablebook('settings', 'show', '--json')))).toEqual(DEFAULTS);
    });

    it.each([
      [[], 'nothing to change: give --global-daily-limit, --restaurant-daily-limit or both'],
      [['--global-daily-limit', 'many'], '--global-daily-limit must be a whole number (0 or more), not "many"'],
      [['--restaurant-daily-limit', '2.5'], '--restaurant-daily-limit must be a whole number (0 or more), not "2.5"'],
      [['--restaurant-daily-limit', '-3'], '--restaurant-daily-limit must be a whole number (0 or more), not "-3"'],
      [['--global-daily-limit'], "Option '--global-daily-limit <value>' argument missing"],
      [['--daily-limit', '3'], "Unknown option '--daily-limit'"],
    ])('settings set %j is a usage error (exit 2), changing nothing', async (flags, message) => {
      const refused = await tablebook('settings', 'set', ...flags);
      expect(failed(refused, 2)).toContain(message);
      expect(refused.stdout).toBe('');
      expect(parseJson(ok(await tablebook('settings', 'show', '--json')))).toEqual(DEFAULTS);
    });

    it.each([
      [['--global-daily-limit', '0'], 'globalDailyLimit must be at least 1 (INVALID_INPUT)'],
      [['--restaurant-daily-limit', '1000001'], 'restaurantDailyLimit must be at most 1000000 (INVALID_INPUT)'],
      [['--global-daily-limit', '30', '--restaurant-daily-limit', '0'], 'restaurantDailyLimit must be at least 1 (INVALID_INPUT)'],
    ])("settings set %j is the server's refusal (exit 1), changing nothing", async (flags, message) => {
      expect(failed(await tablebook('settings', 'set', ...flags), 1)).toContain(message);
      expect(parseJson(ok(await tablebook('settings', 'show', '--json')))).toEqual(DEFAULTS);
    });

    it('needs the admin token (exit 4)', async () => {
      expect(failed(await run(['settings', 'show'], 'not-the-token'), 4)).toContain('(UNAUTHORIZED)');
      expect(failed(await run(['settings', 'set', '--global-daily-limit', '2'], 'not-the-token'), 4)).toContain('(UNAUTHORIZED)');
      expect(parseJson(ok(await tablebook('settings', 'show', '--json')))).toEqual(DEFAULTS);
    });

    it('a lowered limit refuses the next booking of a day that already has more, and cancels none of them', async () => {
      const day = dayFromNow(300);
      const restaurant = parseJson<Restaurant>(
        ok(
          await tablebook(
            'restaurants',
            'create',
            '--name',
            'Ajustes Limite',
            '--address',
            'Calle 1 # 2-3',
            '--city',
            'Leticia',
            '--description',
            'Comida de mar',
            '--photo-url',
            'https://example.com/p.jpg',
            '--json',
          ),
        ),
      );
      for (const table of ['A0', 'A1', 'A2']) ok(await tablebook('book', restaurant.id, '--table', table, '--date', day));
      ok(await tablebook('settings', 'set', '--restaurant-daily-limit', '2'));
      expect(failed(await tablebook('book', restaurant.id, '--table', 'A3', '--date', day), 1)).toContain('(RESTAURANT_DAILY_LIMIT)');
      const listed = parseJson<{ status: string }[]>(ok(await tablebook('reservations', 'list', restaurant.id, '--date', day, '--json')));
      expect(listed.map((reservation) => reservation.status)).toEqual(['confirmed', 'confirmed', 'confirmed']);
      ok(await tablebook('settings', 'set', '--restaurant-daily-limit', '4'));
      ok(await tablebook('book', restaurant.id, '--table', 'A3', '--date', day));
      ok(await tablebook('settings', 'set', '--restaurant-daily-limit', '15'));
    });
  });
}
