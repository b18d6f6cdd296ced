/**
 * A REST client nobody here wrote: in a folder outside the workspace, npm installs openapi-typescript
 * and openapi-fetch, with TypeScript 5.9 (openapi-typescript's peer `typescript ^5.x`: it needs the
 * compiler API, which the workspace's TypeScript 7 lacks) and @types/node for the script's `process`.
 * The generator reads the running server's /api/openapi.json, tsc (strict, library types checked too)
 * compiles a short client script and refuses wrong calls, and the Node running this suite runs the
 * script against the server. The README's "A REST client generated from the OpenAPI document" shows
 * the same script.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useSpawnedServer } from '@tablebook/testing';
import { afterAll, describe, expect, it } from 'vitest';

const ADMIN_TOKEN = 'generated-client-admin';
const TOOLS = { 'openapi-fetch': '0.17.0', 'openapi-typescript': '7.13.0', typescript: '5.9.3', '@types/node': '20.19.43' };
const script = fileURLToPath(new URL('./openapi-generated-client/tablebook-client.ts.txt', import.meta.url));

const workDir = mkdtempSync(join(tmpdir(), 'tablebook-openapi-client-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

interface Finished {
  /** The exit code. */
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a program to its end without blocking this process (the server under test answers from it). */
const run = (file: string, args: string[], timeout: number, env: Record<string, string> = {}) =>
  new Promise<Finished>((resolve, reject) => {
    execFile(
      file,
      args,
      { cwd: workDir, timeout, encoding: 'utf8', maxBuffer: 16 << 20, env: { ...process.env, ...env } },
      (error, stdout, stderr) => {
        // A non-zero exit is an answer (tsc's 2 is expected); no start, or a timeout's kill, is a failure.
        const code = error ? error.code : 0;
        if (typeof code !== 'number') return reject(new Error(`${file} ${args.join(' ')}: ${error?.message}\n${stdout}\n${stderr}`));
        resolve({ code, stdout, stderr });
      },
    );
  });

/** The Node running this suite (CI runs it on Node 20 and on Node 24). */
const node = (args: string[], timeout: number, env?: Record<string, string>) => run(process.execPath, args, timeout, env);

writeFileSync(join(workDir, 'package.json'), JSON.stringify({ private: true, type: 'module', dependencies: TOOLS }, null, 2));
// Started now and awaited by the first test: npm installs while the server migrates its database.
const installed = run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=warn'], 110_000);
installed.catch(() => undefined);

// The server as `npm start` runs it, on a fresh database of the run's PostgreSQL (else PGlite).
const running = useSpawnedServer({ ADMIN_TOKEN });

const ADMIN_BOOKING =
  "const { error } = await api.POST('/admin/restaurant/{restaurantId}/reservations', { params: { path: { restaurantId: 'x' } }, body: { table: 'A0', date: day } });";

/** A wrong call after the script's own opening lines, and the compiler's error for it. */
const WRONG_CALLS = {
  'misspelt-path': [
    "await api.GET('/restaurant', { params: { query: { startWith: 'La' } } });",
    /error TS2345: Argument of type '"\/restaurant"' is not assignable to parameter of type 'PathsWithMethod<paths, "get">'/,
  ],
  'wrong-body-field': [
    "await api.POST('/admin/restaurant', { body: { name: 'Casa', address: 'Calle 1', description: 'x', photoUrl: 'https://example.com/c.jpg', cityID: 1 } });",
    /error TS2561: Object literal may only specify known properties, but 'cityID' does not exist in type .* Did you mean to write 'cityId'\?/,
  ],
  'wrong-reason': [
    `${ADMIN_BOOKING}\nif (error?.data.reason === 'TABLE_TAKEN') console.log(error);`,
    /error TS2367: This comparison appears to be unintentional because the types .* and '"TABLE_TAKEN"' have no overlap/,
  ],
  // A reason of the catalog, but one a booking never answers: each operation's reasons are its own.
  'reason-of-another-operation': [
    `${ADMIN_BOOKING}\nif (error?.data.reason === 'MESSAGE_NOT_DEAD') console.log(error);`,
    /error TS2367: This comparison appears to be unintentional because the types .* and '"MESSAGE_NOT_DEAD"' have no overlap/,
  ],
  // CLOSED's details name no table: under that reason, details.table is no string.
  'details-of-another-reason': [
    `${ADMIN_BOOKING}\nif (error?.data.reason === 'CLOSED') { const table: string = error.data.details.table; console.log(table); }`,
    /error TS2322: Type 'unknown' is not assignable to type 'string'/,
  ],
  'guest-duration': [
    "await api.POST('/restaurants/{restaurantId}/reservations', { params: { path: { restaurantId: 'x' } }, body: { date: day, guestName: 'Ana', guestPhone: '+57 300 123 4567', durationMinutes: 90 } });",
    /error TS2322: Type 'number' is not assignable to type 'never'/,
  ],
  'unknown-status': [
    "const { data } = await api.POST('/restaurants/{restaurantId}/reservations', { params: { path: { restaurantId: 'x' } }, body: { date: day, guestName: 'Ana', guestPhone: '+57 300 123 4567' } });\nif (data?.data.status === 'pending') console.log(data);",
    /error TS2367: This comparison appears to be unintentional because the types '"confirmed" \| "seated" \| "completed" \| "cancelled" \| "no_show" \| undefined' and '"pending"' have no overlap/,
  ],
} satisfies Record<string, [string, RegExp]>;

describe('a REST client generated from /api/openapi.json with openapi-typescript and openapi-fetch', () => {
  it('installs the pinned tools with npm and generates the types from the live document without a warning', async () => {
    const install = await installed;
    expect(install.code, install.stdout + install.stderr).toBe(0);
    for (const [name, version] of Object.entries(TOOLS)) {
      const manifest = JSON.parse(readFileSync(join(workDir, 'node_modules', name, 'package.json'), 'utf8')) as { version: string };
      expect(manifest.version, name).toBe(version);
    }
    const document = `${running().url}/api/openapi.json`;
    const generated = await node(['node_modules/openapi-typescript/bin/cli.js', document, '-o', 'tablebook.d.ts'], 60_000, {
      NO_COLOR: '1',
    });
    const lines = `${generated.stdout}${generated.stderr}`.trim().split('\n');
    console.log(`openapi-typescript printed:\n${lines.join('\n')}`);
    expect(generated.code, lines.join('\n')).toBe(0);
    // Its banner and its one result line, nothing else: no warning about the document.
    expect(lines).toEqual([
      expect.stringMatching(/openapi-typescript 7\.13\.0$/),
      expect.stringMatching(new RegExp(`${document.replaceAll('.', '\\.')} → tablebook\\.d\\.ts \\[[\\d.]+m?s\\]$`)),
    ]);
    expect(readFileSync(join(workDir, 'tablebook.d.ts'), 'utf8')).toContain('"/admin/restaurant/{restaurantId}/reservations": {');
  }, 150_000);

  it('typechecks the client script strictly, library types included, and refuses each wrong call', async () => {
    copyFileSync(script, join(workDir, 'tablebook-client.ts'));
    // The script up to its first call, then one mistake.
    const opening = readFileSync(script, 'utf8').split('\n\nconst created')[0];
    for (const [name, [call]] of Object.entries(WRONG_CALLS)) writeFileSync(join(workDir, `${name}.ts`), `${opening}\n${call}\n`);
    const compilerOptions = {
      target: 'es2022',
      lib: ['es2022'],
      module: 'nodenext',
      strict: true,
      skipLibCheck: false,
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: true,
      types: ['node'],
      outDir: 'dist',
    };
    const files = ['tablebook-client.ts', ...Object.keys(WRONG_CALLS).map((name) => `${name}.ts`)];
    writeFileSync(join(workDir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files }, null, 2));
    // One program for all of them, so the generated types and openapi-fetch's are checked once.
    const compiled = await node(['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json', '--pretty', 'false'], 110_000);
    const errors = compiled.stdout.split('\n').filter((line) => /^\S.*: error TS\d+/.test(line));
    const byFile: Record<string, string[]> = {};
    for (const line of errors) {
      const file = line.slice(0, line.indexOf('('));
      byFile[file] = [...(byFile[file] ?? []), line];
    }
    // Errors only in the wrong calls (none in the script, the generated types or node_modules), one each.
    expect(Object.keys(byFile).sort(), compiled.stdout).toEqual(
      Object.keys(WRONG_CALLS)
        .map((name) => `${name}.ts`)
        .sort(),
    );
    for (const [name, [, expected]] of Object.entries(WRONG_CALLS)) {
      expect(byFile[`${name}.ts`], name).toEqual([expect.stringMatching(expected)]);
    }
    expect(compiled.code).toBe(2);
  }, 150_000);

  it('runs against the live server: a list, a creation, a booking, the 409 with its reason and details, an idempotent guest booking', async () => {
    const { url } = running();
    const ran = await node(['dist/tablebook-client.js'], 30_000, { TABLEBOOK_URL: url, ADMIN_TOKEN });
    expect(ran.code, ran.stdout + ran.stderr).toBe(0);
    expect(ran.stderr).toBe('');
    const steps = Object.fromEntries(
      ran.stdout
        .trim()
        .split('\n')
        .map((line) => [line.slice(0, line.indexOf(' ')), JSON.parse(line.slice(line.indexOf(' ') + 1))]),
    );
    const day = steps.booked?.date as string;
    expect(steps).toEqual({
      created: { status: 201, id: expect.stringMatching(/^[0-9a-f-]{36}$/), name: 'La Cevichería', city: 'Leticia' },
      listed: ['La Cevichería'],
      booked: { status: 201, table: 'A0', date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) },
      refused: {
        status: 409,
        reason: 'TABLE_ALREADY_BOOKED',
        table: 'A0',
        details: { restaurantName: 'La Cevichería', table: 'A0', date: day, wholeDay: true },
      },
      guest: {
        status: 201,
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        bookingStatus: 'confirmed',
        cancellationCode: expect.any(String),
      },
      // The server marks a replay by nothing but its sameness: the first answer's status, booking and code.
      retried: steps.guest,
    });
    // Booked once: the day holds the admin's A0 and the guest's one B1.
    const reservations = await fetch(`${url}/api/admin/restaurant/${steps.created.id}/reservations?date=${day}`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(reservations.status).toBe(200);
    const held = ((await reservations.json()) as { data: { id: string; table: string; guestName: string | null }[] }).data;
    expect(held.map(({ table, guestName }) => [table, guestName]).sort()).toEqual([
      ['A0', null],
      ['B1', 'Ana'],
    ]);
    expect(held.find(({ table }) => table === 'B1')?.id).toBe(steps.guest.id);
    // What the generated types refuse (durationMinutes typed never), the server refuses too, naming the field.
    const withDuration = await fetch(`${url}/api/restaurants/${steps.created.id}/reservations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ table: 'C2', date: day, guestName: 'Ana', guestPhone: '+57 300 123 4567', durationMinutes: 90 }),
    });
    expect(withDuration.status).toBe(400);
    const refusal = (await withDuration.json()) as { data: { reason: string; issues: { path: string; message: string }[] } };
    expect(refusal.data.reason).toBe('INVALID_INPUT');
    expect(refusal.data.issues).toEqual([
      expect.objectContaining({ path: 'durationMinutes', message: expect.stringContaining('not for guests') }),
    ]);
  });
});
