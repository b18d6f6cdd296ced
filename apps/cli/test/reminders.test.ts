/** Issue 17 in the command line: tablebook restaurants create/update --reminders "1440,120"|none, printed back as the flag takes it. */
import type { Restaurant } from '@tablebook/client';
import { describe, expect, it } from 'vitest';
import { formatReminders, parseReminders } from '../src/args/reminders.ts';
import { reminderFieldsFromFlags } from '../src/commands/reminder-flags.ts';
import { UsageError } from '../src/errors.ts';
import { expectFailed, expectOk as ok } from './support/expect-run.ts';
import { parseJson, runInProcess } from './support/run-cli.ts';
import { ADMIN_TOKEN, useTablebookServer } from './support/server.ts';

describe('parseReminders and formatReminders', () => {
  it('reads minutes before the start, comma-separated with loose spacing, and writes them back', () => {
    expect(parseReminders('1440,120')).toEqual([1440, 120]);
    expect(parseReminders(' 2880 , 60 ,5 ')).toEqual([2880, 60, 5]);
    expect(parseReminders('30')).toEqual([30]);
    expect(formatReminders([1440, 120])).toBe('1440,120');
    expect(formatReminders(parseReminders('60'))).toBe('60');
  });

  it('reads "none" and "" as no reminders, and writes none back', () => {
    expect(parseReminders('none')).toEqual([]);
    expect(parseReminders(' NONE ')).toEqual([]);
    expect(parseReminders('')).toEqual([]);
    expect(formatReminders([])).toBe('none');
  });

  it.each(['24h', '1440;120', '1440,,120', '-5', '1.5', 'many'])('refuses %j as a usage error naming it', (text) => {
    expect(() => parseReminders(text)).toThrow(UsageError);
    expect(() => parseReminders(text)).toThrow(`--reminders takes minutes before the start, like "1440,120", or "none", not "${text}"`);
  });

  it('gives the field only when the flag is given', () => {
    expect(reminderFieldsFromFlags({ reminders: undefined })).toEqual({});
    expect(reminderFieldsFromFlags({ reminders: 'none' })).toEqual({ reminders: [] });
  });
});

describe('tablebook restaurants --reminders', () => {
  const server = useTablebookServer();
  const tablebook = (...args: string[]) => runInProcess(args, { env: { TABLEBOOK_URL: server().url, TABLEBOOK_TOKEN: ADMIN_TOKEN } });
  const createFlags = (name: string) => [
    '--name',
    name,
    '--address',
    'Calle 14',
    '--city',
    'Leticia',
    '--description',
    'Con memoria',
    '--photo-url',
    'https://example.com/r.jpg',
  ];

  it('creates with the default or its own, prints them as the flag takes them, keeps them on an update, and clears them', async () => {
    const plain = ok(await tablebook('restaurants', 'create', ...createFlags('Memoria Corta')));
    expect(plain.stdout).toMatch(/\n {2}reminders +1440,120\n/);
    const created = ok(
      await tablebook(
        'restaurants',
        'create',
        ...createFlags('Memoria Propia'),
        '--hours',
        'mon-sun 19:00-23:00',
        '--reminders',
        '60, 2880',
      ),
    );
    expect(created.stdout).toMatch(/\n {2}reminders +2880,60\n/);
    const [restaurant] = parseJson<Restaurant[]>(ok(await tablebook('restaurants', 'list', '--starts-with', 'Memoria Propia', '--json')));
    expect(restaurant?.reminders).toEqual([2880, 60]);
    const id = (restaurant as Restaurant).id;
    const kept = parseJson<Restaurant>(ok(await tablebook('restaurants', 'update', id, '--description', 'Otra', '--json')));
    expect(kept.reminders).toEqual([2880, 60]);
    expect(ok(await tablebook('restaurants', 'update', id, '--reminders', '30')).stdout).toMatch(/\n {2}reminders +30\n/);
    expect(ok(await tablebook('restaurants', 'update', id, '--reminders', 'none')).stdout).toMatch(/\n {2}reminders +none\n/);
  });

  it("is a usage error (exit 2) when malformed, and the API's refusal (exit 1) when out of range or repeated", async () => {
    const malformed = await tablebook('restaurants', 'create', ...createFlags('Memoria Mala'), '--reminders', '24h');
    expect(malformed.stdout).toBe('');
    expect(expectFailed(malformed, 2)).toContain('--reminders takes minutes before the start');
    const short = await tablebook('restaurants', 'create', ...createFlags('Memoria Mala'), '--reminders', '1440,2');
    expect(expectFailed(short, 1)).toContain('reminders must be at least 5 (INVALID_INPUT)');
    const twice = await tablebook('restaurants', 'create', ...createFlags('Memoria Mala'), '--reminders', '120,120');
    expect(expectFailed(twice, 1)).toContain('120 is listed twice in reminders');
  });

  it('is in the help of create and update', async () => {
    for (const command of ['create', 'update']) {
      const help = ok(await tablebook('restaurants', command, '--help'));
      expect(help.stdout).toContain('--reminders MINUTES');
    }
  });
});
