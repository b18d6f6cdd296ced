// Starting the servers as their own processes (Tablebook, the own-SQL and the seed-SQL baselines), and reading their memory.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { freePort } from '@tablebook/testing';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const ADMIN_TOKEN = 'bench-admin-token';

export interface BenchServer {
  label: string;
  url: string;
  pid: number;
  /** Peak resident set size so far (VmHWM), in MiB. */
  peakRssMiB(): number;
  stop(): Promise<void>;
}

async function waitUntilAnswering(child: ChildProcess, url: string, output: () => string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output()}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not answer within 60 s:\n${output()}`);
}

function readPeakRss(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round((kib / 1024) * 10) / 10;
}

async function start(label: string, args: string[], env: Record<string, string>): Promise<BenchServer> {
  const port = await freePort();
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { PATH: process.env['PATH'] ?? '', ...env, PORT: String(port), HOST: '127.0.0.1' },
    // Logs are written (a real cost) but not kept; errors are kept for the failure message.
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  await waitUntilAnswering(child, url, () => errors);
  let lastPeak = 0;
  return {
    label,
    url,
    pid: child.pid!,
    peakRssMiB: () => {
      if (child.exitCode === null) lastPeak = readPeakRss(child.pid!);
      return lastPeak;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        lastPeak = readPeakRss(child.pid!);
        const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(killer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

/**
 * The product's production build (apps/server/dist/main.js), as it would be deployed; `nodeFlags` e.g.
 * --cpu-prof. No RESTAURANT_DAILY_LIMIT/GLOBAL_DAILY_LIMIT: those only seed a new database, and each
 * phase sets the limits it needs through the settings (limits.ts).
 */
export const startProduct = (databaseUrl: string, nodeFlags: string[] = []) =>
  start('tablebook', [...nodeFlags, 'apps/server/dist/main.js'], {
    NODE_ENV: 'production',
    ADMIN_TOKEN,
    RATE_LIMIT: 'off',
    DATABASE_URL: databaseUrl,
  });

/** The baseline reads the limits from the same settings row as the product. */
export const startBaseline = (databaseUrl: string) =>
  start('baseline', ['--import', 'tsx', 'bench/src/baseline/server.ts'], {
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
  });

/** The seed-SQL baseline (seed-baseline/server.ts): the seed's statements, the limits from the same settings row. */
export const startSeedBaseline = (databaseUrl: string) =>
  start('seed baseline', ['--import', 'tsx', 'bench/src/seed-baseline/server.ts'], {
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
  });
