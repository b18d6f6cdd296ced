import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { outputFailureText, systemErrorWords } from '../src/output-failure.ts';
import { builtBinary } from './support/run-cli.ts';

const noSpace = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write' });

describe('a failure to write the output', () => {
  it('is said in words: the code and what it means, one line, or the JSON error object', () => {
    expect(systemErrorWords(noSpace)).toBe('no space left on device');
    expect(outputFailureText(noSpace, false)).toBe('tablebook: cannot write the output: ENOSPC (no space left on device)\n');
    expect(JSON.parse(outputFailureText(noSpace, true))).toEqual({
      error: {
        reason: 'INTERNAL_ERROR',
        message: 'cannot write the output: ENOSPC (no space left on device)',
        status: null,
        requestId: null,
      },
    });
  });

  /** The built binary with its stdout on /dev/full (every write fails with ENOSPC), stderr a pipe. */
  function runIntoFullDevice(args: readonly string[]): Promise<{ code: number | null; stderr: string }> {
    const full = openSync('/dev/full', 'w');
    const child = spawn(process.execPath, [builtBinary(), ...args], { stdio: ['ignore', full, 'pipe'] });
    closeSync(full);
    let stderr = '';
    // A pipe, as stdio says: never null here.
    child.stderr?.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    return new Promise((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (code) => resolve({ code, stderr }));
    });
  }

  // Linux's /dev/full: a real write error from the operating system, with no server needed (--version writes stdout).
  it.runIf(existsSync('/dev/full'))('exits 1 with that line on stderr, no stack trace, plain and with --json', async () => {
    const [plain, json] = await Promise.all([runIntoFullDevice(['--version']), runIntoFullDevice(['--version', '--json'])]);
    expect(plain).toEqual({ code: 1, stderr: 'tablebook: cannot write the output: ENOSPC (no space left on device)\n' });
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stderr)).toMatchObject({ error: { reason: 'INTERNAL_ERROR', message: expect.stringContaining('ENOSPC') } });
  });
});
