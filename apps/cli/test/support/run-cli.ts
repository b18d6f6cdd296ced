import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src/cli.ts';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string>;
  stderrIsTTY?: boolean;
}

/** Runs a command line in this process, as main.ts does, with its own output buffers and environment. */
export async function runInProcess(args: readonly string[], options: RunOptions = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    stderrIsTTY: options.stderrIsTTY ?? false,
    env: options.env ?? {},
  });
  return { code, stdout, stderr };
}

const binary = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

/** Runs the built `tablebook` binary with plain node, as a user does; TABLEBOOK_* come only from `env`. */
export function runBinary(args: readonly string[], env: Record<string, string> = {}): Promise<CliRun> {
  if (!existsSync(binary)) {
    throw new Error('apps/cli/dist is missing: run `pnpm exec turbo run build --filter=@tablebook/cli` first');
  }
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('TABLEBOOK_')));
  return new Promise((resolve) => {
    execFile(process.execPath, [binary, ...args], { env: { ...inherited, ...env } }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Writes `content` to a fresh temporary file and returns its path. */
export function writeTempFile(name: string, content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'tablebook-cli-')), name);
  writeFileSync(path, content);
  return path;
}

/** Parses the JSON a `--json` run printed (one document). */
export const parseJson = <T = unknown>(run: CliRun): T => JSON.parse(run.stdout) as T;
