/**
 * The OpenAPI document passes Redocly's `recommended` ruleset (redocly.yaml at the repository root)
 * with no error and no warning. One spawn of the CLI from node_modules, offline.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openApiDocument } from './support/openapi-document.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

interface LintProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location?: { pointer?: string; source?: { ref?: string } }[];
  suggest?: string[];
}
interface LintReport {
  totals: { errors: number; warnings: number; ignored: number };
  problems: LintProblem[];
}

/** The CLI's entry point, from its package.json `bin` (no npx, no network). */
function redoclyBin(): string {
  // require.resolve (not a chained createRequire(...).resolve): knip sees it as the use of @redocly/cli.
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve('@redocly/cli/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { bin: string | Record<string, string> };
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin['redocly'];
  if (!bin) throw new Error(`@redocly/cli has no redocly bin in ${manifestPath}`);
  return join(dirname(manifestPath), bin);
}

const workDir = mkdtempSync(join(tmpdir(), 'tablebook-openapi-lint-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('the OpenAPI document', () => {
  it("passes Redocly's recommended ruleset with no error and no warning", () => {
    const file = join(workDir, 'openapi.json');
    writeFileSync(file, JSON.stringify(openApiDocument(), null, 2));
    // Every problem in the report (the CLI lists only the first 100 by default).
    const args = ['lint', file, '--config', join(repoRoot, 'redocly.yaml'), '--format=json', '--max-problems=100000'];
    const run = spawnSync(process.execPath, [redoclyBin(), ...args], {
      cwd: workDir,
      encoding: 'utf8',
      timeout: 50_000,
      env: {
        ...process.env,
        // Offline and quiet: no usage data, no update check, no colour codes in the output.
        REDOCLY_TELEMETRY: 'off',
        REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
        REDOCLY_SUPPRESS_NOTIFICATIONS: 'true',
        NO_COLOR: '1',
      },
    });
    if (run.error) throw run.error;
    let report: LintReport;
    try {
      report = JSON.parse(run.stdout) as LintReport;
    } catch {
      throw new Error(`redocly lint printed no JSON report (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
    }
    const problems = report.problems.map((problem) => {
      const where = (problem.location ?? []).map((location) => location.pointer ?? '?').join(', ');
      return `${problem.severity.padEnd(5)} ${problem.ruleId} at ${where}: ${problem.message}`;
    });
    const byRule = new Map<string, number>();
    for (const problem of report.problems) byRule.set(problem.ruleId, (byRule.get(problem.ruleId) ?? 0) + 1);
    const rules = [...byRule].map(([rule, count]) => `${rule} ×${count}`).join(', ');
    const summary = `${report.totals.errors} error(s), ${report.totals.warnings} warning(s) (${rules}):\n${problems.join('\n')}`;
    expect({ errors: report.totals.errors, warnings: report.totals.warnings }, summary).toEqual({ errors: 0, warnings: 0 });
    expect(run.status, run.stderr).toBe(0);
  });
});
