import type { Restaurant, RouterOutputs } from '@tablebook/client';
import type { SpawnedServer } from '@tablebook/testing';
import { describe, expect, it } from 'vitest';
import { expectFailed, expectOk as ok } from './support/expect-run.ts';
import { parseJson, runInProcess, type CliRun } from './support/run-cli.ts';
import { ADMIN_TOKEN, dayFromNow } from './support/server.ts';

type Slot = RouterOutputs['reservation']['slots']['slots'][number];

/** Issue 15 in the command line: a restaurant's --daily-limit and --pacing, and PACING_LIMIT in slots and bookings. */
export function describePacing(server: () => SpawnedServer): void {
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
    'Con ritmo',
    '--photo-url',
    'https://example.com/r.jpg',
  ];

  describe('tablebook restaurants --daily-limit and --pacing', () => {
    it('creates with them, prints them as the flags take them, keeps them on an update, and clears them', async () => {
      const created = ok(
        await tablebook(
          'restaurants',
          'create',
          ...createFlags('Ritmo Propio'),
          '--hours',
          'mon-sun 19:00-23:00',
          '--daily-limit',
          '30',
          '--pacing',
          '30:20',
        ),
      );
      expect(created.stdout).toMatch(/\n {2}max advance days +none\n {2}daily limit +30\n {2}pacing +30:20\n {2}reminders +1440,120\n$/);
      const [restaurant] = parseJson<Restaurant[]>(ok(await tablebook('restaurants', 'list', '--starts-with', 'Ritmo Propio', '--json')));
      expect(restaurant).toMatchObject({ dailyLimit: 30, pacing: { intervalMinutes: 30, maxCovers: 20 } });
      const id = (restaurant as Restaurant).id;

      const kept = parseJson<Restaurant>(ok(await tablebook('restaurants', 'update', id, '--description', 'Otra', '--json')));
      expect(kept).toMatchObject({ description: 'Otra', dailyLimit: 30, pacing: { intervalMinutes: 30, maxCovers: 20 } });
      const changed = ok(await tablebook('restaurants', 'update', id, '--pacing', '15:8'));
      expect(changed.stdout).toMatch(/\n {2}daily limit +30\n {2}pacing +15:8\n {2}reminders +1440,120\n$/);
      const cleared = ok(await tablebook('restaurants', 'update', id, '--daily-limit', 'default', '--pacing', 'none'));
      expect(cleared.stdout).toMatch(/\n {2}daily limit +default\n {2}pacing +none\n {2}reminders +1440,120\n$/);
      expect(parseJson<Restaurant>(ok(await tablebook('restaurants', 'update', id, '--daily-limit', '4', '--json')))).toMatchObject({
        dailyLimit: 4,
        pacing: null,
      });
    });

    it.each([
      [['--pacing', '45:10'], `--pacing's interval must be one of 15, 30, 60 minutes, not "45" (in "45:10")`],
      [['--pacing', '30'], '--pacing takes INTERVAL_MINUTES:MAX_COVERS, like "30:20", or "none", not "30"'],
      [['--daily-limit', 'many'], '--daily-limit must be a whole number or "default", not "many"'],
      [['--daily-limit', '-3'], '--daily-limit must be a whole number or "default", not "-3"'],
    ])('restaurants create %j is a usage error (exit 2)', async (flags, message) => {
      expect(
        failed(await tablebook('restaurants', 'create', ...createFlags('Ritmo Malo'), '--hours', 'mon 19:00-23:00', ...flags), 2),
      ).toContain(message);
    });

    it("gives the API's refusals with exit 1: pacing without hours, a limit out of range", async () => {
      expect(failed(await tablebook('restaurants', 'create', ...createFlags('Ritmo Malo'), '--pacing', '30:10'), 1)).toContain(
        'pacing needs opening hours',
      );
      expect(failed(await tablebook('restaurants', 'create', ...createFlags('Ritmo Malo'), '--daily-limit', '0'), 1)).toContain(
        'dailyLimit must be at least 1 (INVALID_INPUT)',
      );
      expect(
        failed(
          await tablebook('restaurants', 'create', ...createFlags('Ritmo Malo'), '--hours', 'mon 19:00-23:00', '--pacing', '30:10001'),
          1,
        ),
      ).toContain('maxCovers must be at most 10000 (INVALID_INPUT)');
      expect(failed(await tablebook('restaurants', 'update', 'Ritmo Propio', '--hours', 'none', '--pacing', '30:10'), 1)).toContain(
        'pacing needs opening hours',
      );
    });

    it('shows a paced-out slot as not bookable with PACING_LIMIT, and refuses the booking with exit 1', async () => {
      const day = dayFromNow(60);
      ok(await tablebook('restaurants', 'create', ...createFlags('Ritmo Lleno'), '--hours', 'mon-sun 19:00-23:00', '--pacing', '30:6'));
      ok(await tablebook('book', 'Ritmo Lleno', '--date', day, '--time', '19:00', '--party-size', '4'));
      const slots = parseJson<Slot[]>(ok(await tablebook('slots', 'Ritmo Lleno', '--date', day, '--party-size', '3', '--json')));
      expect(slots.slice(0, 2).map((slot) => [slot.time, slot.bookable, slot.reason])).toEqual([
        ['19:00', false, 'PACING_LIMIT'],
        ['19:30', true, undefined],
      ]);
      expect(ok(await tablebook('slots', 'Ritmo Lleno', '--date', day, '--party-size', '3')).stdout).toMatch(/19:00 .* no: PACING_LIMIT\n/);
      expect(failed(await tablebook('book', 'Ritmo Lleno', '--date', day, '--time', '19:00', '--party-size', '3'), 1)).toContain(
        `the 19:00-19:30 interval on ${day} has 2 of 6 covers left; a party of 3 does not fit`,
      );
    });
  });
}
