import { spawn } from 'node:child_process';
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
  /** What standard input holds (`import -`); empty when not given. */
  stdin?: string | Uint8Array;
}

const bytesOf = (input: string | Uint8Array | undefined) => (typeof input === 'string' ? Buffer.from(input) : (input ?? new Uint8Array()));

/**
 * Runs a command line in this process, as main.ts does, with its own output buffers and environment.
 * Its stdin is never a terminal: questions are asked of the built binary on a real one (runOnTerminal).
 */
export async function runInProcess(args: readonly string[], options: RunOptions = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    stderrIsTTY: options.stderrIsTTY ?? false,
    stdinIsTTY: false,
    readStdin: async () => bytesOf(options.stdin),
    readLine: async () => undefined,
    env: options.env ?? {},
  });
  return { code, stdout, stderr };
}

const binary = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

/** The built `tablebook` (dist/main.js), or an error saying to build it. */
export function builtBinary(): string {
  if (!existsSync(binary)) {
    throw new Error('apps/cli/dist is missing: run `pnpm exec turbo run build --filter=@tablebook/cli` first');
  }
  return binary;
}

/** This process's environment without TABLEBOOK_*, and `env` over it. */
const environment = (env: Record<string, string>) => ({
  ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('TABLEBOOK_'))),
  ...env,
});

/**
 * Runs the built `tablebook` binary with plain node, as a user does; TABLEBOOK_* come only from `env`.
 * Its stdin is a pipe (no terminal) holding `stdin`, then closed.
 */
export function runBinary(args: readonly string[], env: Record<string, string> = {}, stdin?: string | Uint8Array): Promise<CliRun> {
  const child = spawn(process.execPath, [builtBinary(), ...args], { env: environment(env) });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  child.stdin.end(bytesOf(stdin));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

const shellQuoted = (word: string) => `'${word.replaceAll("'", `'\\''`)}'`;

/** How long a run on a terminal may take before it is ended (it waits for a prompt that may not come). */
const TERMINAL_RUN_MS = 30_000;

/** util-linux's `script` (Debian's bsdutils, an essential package): it runs a command on a new pseudo-terminal. */
const SCRIPT = '/usr/bin/script';

/**
 * Runs the built binary on a real pseudo-terminal, made by util-linux's `script`: stdin, stdout and
 * stderr are that terminal, so the tool sees a person there. When `prompt` appears on the screen,
 * `answer` is typed, then Enter. The screen is what the terminal showed (stdout and stderr together,
 * with the terminal's echo of the answer and its CRLF line ends).
 */
export function runOnTerminal(
  args: readonly string[],
  env: Record<string, string>,
  typing: { prompt: string; answer: string },
): Promise<{ code: number; screen: string }> {
  if (!existsSync(SCRIPT))
    throw new Error(`${SCRIPT} is missing: install util-linux's script (Debian: bsdutils) to run the terminal tests`);
  const command = ['exec', process.execPath, builtBinary(), ...args].map(shellQuoted).join(' ');
  // -q: no "Script started" lines; -e: its exit code is the command's; /dev/null: no typescript file kept.
  const child = spawn(SCRIPT, ['-qec', command, '/dev/null'], { env: environment(env) });
  let screen = '';
  let typed = false;
  child.stdout.setEncoding('utf8').on('data', (text: string) => {
    screen += text;
    if (!typed && screen.includes(typing.prompt)) {
      typed = true;
      child.stdin.write(`${typing.answer}\n`);
    }
  });
  const timer = setTimeout(() => child.kill(), TERMINAL_RUN_MS);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, screen });
    });
  });
}

/** Writes `content` to a fresh temporary file and returns its path. */
export function writeTempFile(name: string, content: string | Uint8Array): string {
  const path = join(mkdtempSync(join(tmpdir(), 'tablebook-cli-')), name);
  writeFileSync(path, content);
  return path;
}

/** Parses the JSON a `--json` run printed (one document). */
export const parseJson = <T = unknown>(run: CliRun): T => JSON.parse(run.stdout) as T;
