// How long `tablebook import` takes for 1,000 rows against a local server, run twice (the second run
// finds every row already booked). Not a test: run it after a build, with
//   node --import tsx apps/cli/bench/import-1000.ts [postgres://admin-url]
// Without an argument the server uses in-memory PGlite; with one, a throwaway database on that server.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from '@tablebook/client';
import { createTestDatabase, spawnServer, type TestDatabase } from '@tablebook/testing';

const ROWS = 1000;
const ADMIN_TOKEN = 'bench-admin-token';
const binary = fileURLToPath(new URL('../dist/main.js', import.meta.url));
/** Under the default limits a day takes 20 bookings in all and 15 per restaurant: 15 + 5 a day. */
const TABLES = ['A0', 'A1', 'A2', 'A3', 'B0', 'B1', 'B2', 'B3', 'C0', 'C1', 'C2', 'C3', 'D0', 'D1', 'D2'];

function day(offset: number): string {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
}

function bookingsFile(): string {
  const lines = ['restaurant,table,date'];
  for (let row = 0; lines.length <= ROWS; row++) {
    const date = day(2 + Math.floor(row / 20));
    const slot = row % 20;
    lines.push(slot < 15 ? `Bench Uno,${TABLES[slot]},${date}` : `Bench Dos,${TABLES[slot - 15]},${date}`);
  }
  const path = join(mkdtempSync(join(tmpdir(), 'tablebook-bench-')), 'bookings.csv');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

function timedImport(file: string, url: string): Promise<{ seconds: number; code: number; summary: string }> {
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [binary, 'import', file, '--url', url, '--token', ADMIN_TOKEN],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, stdout) => {
        resolve({
          seconds: (performance.now() - started) / 1000,
          code: error ? Number(error.code ?? -1) : 0,
          summary: stdout.trimEnd().split('\n').at(-1) ?? '',
        });
      },
    );
  });
}

if (!existsSync(binary)) throw new Error('build first: pnpm exec turbo run build --filter=@tablebook/cli');
const adminUrl = process.argv[2];
const database: TestDatabase | undefined = adminUrl ? await createTestDatabase(adminUrl) : undefined;
const server = await spawnServer({ DATABASE_URL: database?.url ?? 'memory://', ADMIN_TOKEN, LOG_LEVEL: 'warn' });
try {
  const client = createClient({ url: server.url, token: ADMIN_TOKEN });
  for (const name of ['Bench Uno', 'Bench Dos']) {
    await client.restaurant.create.mutate({
      name,
      address: 'Calle 1',
      description: 'Bench',
      photoUrl: 'https://example.com/b.jpg',
      cityId: 1,
    });
  }
  const file = bookingsFile();
  const first = await timedImport(file, server.url);
  const second = await timedImport(file, server.url);
  console.log(`database: ${database ? 'PostgreSQL' : 'PGlite (memory://)'}`);
  console.log(`first run:  ${first.seconds.toFixed(2)} s, exit ${first.code}, ${first.summary}`);
  console.log(`second run: ${second.seconds.toFixed(2)} s, exit ${second.code}, ${second.summary}`);
} finally {
  await server.stop();
  await database?.drop();
}
