/**
 * How a test starts the real server process. `npm test` builds every package before the suites and
 * sets TABLEBOOK_TEST_BUILT_SERVER=1: the suites then run apps/server/dist/main.js, the bundle
 * `npm start` serves, which starts in half the time of the TypeScript sources under tsx (measured 5-6 s
 * against 12.5 s on a busy two-core machine; dozens of suites start servers). A suite run on its own,
 * without that build, runs the sources, so it never meets a stale bundle.
 */
export function serverEntryArguments(): string[] {
  return process.env['TABLEBOOK_TEST_BUILT_SERVER'] === '1' ? ['apps/server/dist/main.js'] : ['--import', 'tsx', 'apps/server/src/main.ts'];
}
