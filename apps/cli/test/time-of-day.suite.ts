import type { Restaurant } from '@tablebook/client';
import type { SpawnedServer } from '@tablebook/testing';
import { describe, expect, it } from 'vitest';
import { parseJson, runInProcess, type CliRun } from './support/run-cli.ts';
import { expectFailed, expectOk as ok } from './support/expect-run.ts';
import { ADMIN_TOKEN } from './support/server.ts';

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
      expect(created.stdout).toMatch(/\n {2}turn times +2:60,6:120\n {2}min advance minutes +30\n {2}max advance days +90\n$/);

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
}
