#!/usr/bin/env node
// The whole test run: the code-hygiene checks (Biome's formatter and linter, knip, dependency-cruiser),
// typecheck and build every package, then every vitest suite. The last line printed is the totals,
// "N passed, M failed", counting each hygiene check and typecheck-and-build as one check each.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const started = performance.now();
/** Seconds since `from` (performance.now()), for the phase lines: CI's budget is read from them. */
const secondsSince = (from) => `${((performance.now() - from) / 1000).toFixed(1)} s`;
const resultsFile = join(root, '.vitest-results.json');
const run = (command, args) => spawnSync(command, args, { stdio: 'inherit', cwd: root, env: process.env }).status ?? 1;

// Each prints its findings when it fails; the root scripts of the same names run them alone.
const hygieneChecks = [
  { name: 'lint', what: 'formatting and lint (Biome; `pnpm format` rewrites the formatting)' },
  { name: 'knip', what: 'unused files, exports and dependencies (knip)' },
  { name: 'cycles', what: 'import cycles and the workspace direction (dependency-cruiser)' },
];
let checksPassed = 0;
let checksFailed = 0;
for (const check of hygieneChecks) {
  console.log(`== ${check.what} ==`);
  const checkStarted = performance.now();
  const passed = run('pnpm', ['--silent', 'run', check.name]) === 0;
  if (passed) checksPassed += 1;
  else checksFailed += 1;
  console.log(`${check.name}: ${passed ? 'passed' : 'FAILED'} (${secondsSince(checkStarted)})`);
}

console.log('== typecheck and build ==');
const buildStarted = performance.now();
const typecheckPassed = run('pnpm', ['exec', 'turbo', 'run', 'typecheck', 'build', '--output-logs=errors-only']) === 0;
console.log(`typecheck and build: ${typecheckPassed ? 'passed' : 'FAILED'} (${secondsSince(buildStarted)})`);

// The tests that time something run alone, after the other suites, so the load of those on the
// machine's cores does not decide their result: the throttled first-load measurement (issue 16) and the
// database outage's "503 within 2 s" (beside a browser suite its 503s took 3.7 s on two cores).
const ALONE = ['apps/web/test/e2e/perf.e2e.test.ts', 'apps/server/test/operations.test.ts'];
// The suites that start server processes run the bundle just built (tooling/testing/src/server-entry.ts).
if (typecheckPassed) process.env.TABLEBOOK_TEST_BUILT_SERVER = '1';
const selected = process.argv.slice(2);
// Only options (`npm test -- '--exclude=…'`, as CI's Node 24 run): both runs take them. Files: one run.
const onlyOptions = selected.every((arg) => arg.startsWith('-'));
const runs =
  selected.length > 0 && !onlyOptions
    ? [{ name: 'vitest', args: selected }]
    : [
        { name: 'vitest', args: [...ALONE.map((file) => `--exclude=${file}`), ...selected] },
        { name: 'vitest (timed, alone)', args: [...ALONE, ...selected, '--no-file-parallelism', '--passWithNoTests'] },
      ];

let passed = checksPassed + (typecheckPassed ? 1 : 0);
let failed = checksFailed + (typecheckPassed ? 0 : 1);
let skipped = 0;
let vitestStatus = 0;
for (const vitestRun of runs) {
  console.log(`== ${vitestRun.name} ==`);
  const vitestStarted = performance.now();
  rmSync(resultsFile, { force: true });
  const status = run('pnpm', [
    'exec',
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${resultsFile}`,
    ...vitestRun.args,
  ]);
  if (status !== 0) vitestStatus = status;
  if (existsSync(resultsFile)) {
    const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
    passed += results.numPassedTests;
    failed += results.numFailedTests;
    skipped += results.numPendingTests + results.numTodoTests;
    // A suite that failed to load has no tests to count but is still a failure.
    failed += results.testResults.filter((suite) => suite.status === 'failed' && suite.assertionResults.length === 0).length;
  } else {
    failed += 1;
    console.error('vitest wrote no results');
  }
  console.log(`${vitestRun.name}: ${secondsSince(vitestStarted)}`);
}
console.log(`npm test took ${secondsSince(started)}`);
if (vitestStatus !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 ? 0 : 1);
