import { readFileSync } from 'node:fs';
import { freePort, type SpawnedServer } from '@tablebook/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { commandName } from '../src/args/command.ts';
import { commands } from '../src/commands/index.ts';
import type { RowResult } from '../src/import/results.ts';
import { runBinary, runInProcess, writeTempFile, type CliRun } from './support/run-cli.ts';
import { ADMIN_TOKEN, dayFromNow, startAnsweringServer } from './support/server.ts';

/** The built `tablebook` run by plain node as its own process: exit codes, stderr, environment. */
export function describeBinary(server: () => SpawnedServer): void {
  const live = () => ({ TABLEBOOK_URL: server().url, TABLEBOOK_TOKEN: ADMIN_TOKEN });

  /** One line on stderr, prefixed, with no stack trace. */
  function expectOneErrorLine(run: CliRun): string {
    expect(run.stderr).toMatch(/^tablebook: [^\n]+\n$/);
    expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+/);
    return run.stderr;
  }

  // Independent processes: run side by side, so waiting on one (retries, start-up) overlaps the others.
  describe.concurrent('the tablebook binary', () => {
    const day = dayFromNow(30);
    beforeAll(async () => {
      const setUp = (...args: string[]) => runInProcess(args, { env: live() });
      const flags = ['--address', 'Calle 9', '--city', 'Leticia', '--description', 'x', '--photo-url', 'https://example.com/b.jpg'];
      expect((await setUp('restaurants', 'create', '--name', 'Binario', ...flags)).code).toBe(0);
      expect((await setUp('book', 'Binario', '--table', 'D2', '--date', day)).code).toBe(0);
      expect((await setUp('restaurants', 'create', '--name', 'La Cevichería', ...flags)).code).toBe(0);
    });

    it('prints its version, the package.json one, with --version or -V, and exits 0', async () => {
      const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
      expect(version).toMatch(/^\d+\.\d+\.\d+(-[\w.]+)?$/);
      expect(await runBinary(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
      expect(await runInProcess(['-V'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    });

    it('imports from standard input with "-": a ";"-separated Windows-1252 file, as Excel saves one in Spanish', async () => {
      const file = Buffer.from(`restaurant;table;date;notes\r\nLa Cevicher\xeda;A1;${day};"ventana; 2\xaa planta"\r\n`, 'latin1');
      const run = await runBinary(['import', '-', '--json'], live(), file);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      const [row] = JSON.parse(run.stdout) as RowResult[];
      expect(row).toMatchObject({ line: 2, restaurant: 'La Cevichería', outcome: 'booked', reservation: { notes: 'ventana; 2ª planta' } });
    });

    it('with --json writes an error as one JSON object on stderr, keeping the exit code', async () => {
      const dead = `http://127.0.0.1:${await freePort()}`;
      // The binary for the real stderr and exit code; the same code path in this process for the failures without an answer.
      const [refused, usage, unreachable] = await Promise.all([
        runBinary(['book', 'Binario', '--table', 'D2', '--date', day, '--json'], live()),
        runInProcess(['--json', 'restaurants', 'list', '--colour'], { env: live() }),
        // A mutation: queries are retried with backoff first, mutations fail at once.
        runInProcess(['webhooks', 'delete', 'an-id', '--json'], { env: { TABLEBOOK_URL: dead, TABLEBOOK_TOKEN: ADMIN_TOKEN } }),
      ]);
      const report = (run: CliRun) => {
        expect(run.stdout).toBe('');
        expect(run.stderr).toMatch(/^\{.*\}\n$/);
        return JSON.parse(run.stderr) as unknown;
      };
      expect(refused.code).toBe(1);
      expect(report(refused)).toEqual({
        error: { reason: 'TABLE_ALREADY_BOOKED', message: expect.any(String), status: 409, requestId: expect.any(String) },
      });
      expect(usage.code).toBe(2);
      expect(report(usage)).toEqual({ error: { reason: 'USAGE', message: "Unknown option '--colour'", status: null, requestId: null } });
      expect(unreachable.code).toBe(3);
      expect(report(unreachable)).toEqual({
        error: {
          reason: 'NETWORK_ERROR',
          message: expect.stringContaining(`Cannot reach the Tablebook server at ${dead}`),
          status: null,
          requestId: null,
        },
      });
    });

    it('exits 0 on success, reading the server from TABLEBOOK_URL', async () => {
      const run = await runBinary(['cities', '--search', 'Leticia', '--json'], live());
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(JSON.parse(run.stdout)).toEqual([{ id: 1, name: 'Leticia', deptName: 'Amazonas' }]);
    });

    it('prefers --url and --token to TABLEBOOK_URL and TABLEBOOK_TOKEN', async () => {
      const dead = `http://127.0.0.1:${await freePort()}`;
      const run = await runBinary(['restaurants', 'list', '--starts-with', 'Binario', '--url', server().url, '--token', ADMIN_TOKEN], {
        TABLEBOOK_URL: dead,
        TABLEBOOK_TOKEN: 'not-the-token',
      });
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout).toContain('Binario');
    });

    it('exits 1 when the server refuses, naming the reason', async () => {
      const refused = await runBinary(['book', 'Binario', '--table', 'D2', '--date', day], live());
      expect(refused.code).toBe(1);
      expect(expectOneErrorLine(refused)).toContain('(TABLE_ALREADY_BOOKED)');
    });

    it('exits 1 for an import with a refused or invalid row, 0 for a clean one', async () => {
      const clean = writeTempFile('clean.csv', `restaurant,table,date\nBinario,D2,${day}\n`);
      expect((await runBinary(['import', clean], live())).code).toBe(0);
      const dirty = writeTempFile('dirty.csv', `restaurant,table,date\nBinario,A1,${day}\nBinario,A2,2020-01-01\n`);
      const run = await runBinary(['import', dirty], live());
      expect(run).toMatchObject({ code: 1, stderr: '' });
      expect(run.stdout).toContain('1 refused');
    });

    it('exits 2 for a usage error, with nothing on stdout', async () => {
      const run = await runBinary(['restaurants', 'list', '--colour'], live());
      expect(run).toMatchObject({ code: 2, stdout: '' });
      expect(expectOneErrorLine(run)).toBe("tablebook: Unknown option '--colour' (see 'tablebook restaurants list --help')\n");
    });

    it('exits 3 when the server cannot be reached', async () => {
      const dead = `http://127.0.0.1:${await freePort()}`;
      const run = await runBinary(['cities'], { TABLEBOOK_URL: dead });
      expect(run.code).toBe(3);
      expect(expectOneErrorLine(run)).toContain(`Cannot reach the Tablebook server at ${dead}`);
    });

    it('exits 3 when the server cannot be reached during an import, booking nothing', async () => {
      const dead = `http://127.0.0.1:${await freePort()}`;
      const file = writeTempFile('unreachable.csv', `restaurant,table,date\nBinario,B0,${day}\n`);
      const run = await runBinary(['import', file], { TABLEBOOK_URL: dead });
      expect(run).toMatchObject({ code: 3, stdout: '' });
      expect(expectOneErrorLine(run)).toContain('(NETWORK_ERROR)');
    });

    it('exits 4 when the server refuses a missing or wrong admin token', async () => {
      const runs = await Promise.all([
        runBinary(['restaurants', 'list'], { TABLEBOOK_URL: server().url }),
        runBinary(['restaurants', 'list'], { TABLEBOOK_URL: server().url, TABLEBOOK_TOKEN: 'not-the-token' }),
      ]);
      for (const run of runs) {
        expect(run.code).toBe(4);
        expect(expectOneErrorLine(run)).toContain('(UNAUTHORIZED)');
      }
    });

    it.each([401, 403])('exits 4 when a gateway answers %i, having sent the token as a bearer header', async (status) => {
      const authorizations: (string | undefined)[] = [];
      const guard = await startAnsweringServer((request, response) => {
        authorizations.push(request.headers.authorization);
        response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'not allowed' }));
      });
      try {
        const run = await runBinary(['restaurants', 'delete', 'Binario', '--yes'], {
          TABLEBOOK_URL: guard.url,
          TABLEBOOK_TOKEN: 'gateway-token',
        });
        expect(run.code).toBe(4);
        expect(expectOneErrorLine(run)).toContain(`refused the request: ${status}`);
        expect(authorizations).toEqual(['Bearer gateway-token']);
      } finally {
        await guard.close();
      }
    });

    it('prints help with exit 0: the overview, and a group overview for "restaurants -h"', async () => {
      const [overview, group] = await Promise.all([runBinary(['--help']), runBinary(['restaurants', '-h'])]);
      expect(overview).toMatchObject({ code: 0, stderr: '' });
      for (const command of commands) expect(overview.stdout).toContain(commandName(command));
      expect(overview.stdout).toContain(
        'Exit codes: 0 success, 1 refused or invalid input, 2 usage error, 3 server unreachable, 4 not authorised',
      );
      expect(group).toMatchObject({ code: 0, stderr: '' });
      expect(group.stdout).toContain('restaurants update');
      expect(group.stdout).not.toContain('reservations list');
    });
  });
}
