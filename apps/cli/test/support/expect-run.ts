import { expect } from 'vitest';
import type { CliRun } from './run-cli.ts';

/** A successful run: exit 0, nothing on stderr. */
export function expectOk(run: CliRun): CliRun {
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return run;
}

/** A failed run: the code, and exactly one line on stderr; returns the line. */
export function expectFailed(run: CliRun, code: number): string {
  expect(run.code).toBe(code);
  expect(run.stderr).toMatch(/^tablebook: [^\n]+\n$/);
  return run.stderr;
}
