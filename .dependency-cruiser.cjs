/**
 * pnpm cycles (and a step of npm test): no import cycles, and the workspace's dependency direction.
 *   db <- api <- server, client (types only) <- web, cli
 * Tests and benchmarks may import anything (they start servers, fill databases); the rules below are
 * about the code that ships. Type-only imports count everywhere: a cycle of types is still a cycle to read.
 */
const WORKSPACES = '^(apps|packages|tooling)/[^/]+/|^bench/';
const TESTS = '(^|/)test/|\\.test\\.tsx?$';
/** Benchmarks are harnesses like tests: bench/ and apps/cli/bench/. */
const BENCHES = '(^|/)bench/';

/** `from` for a workspace's shipped code: its src/ (and the given extra paths), never its tests. */
const shipped = (workspace, extra = []) => ({
  path: [`^${workspace}/src/`, ...extra.map((file) => `^${workspace}/${file}`)],
  pathNot: TESTS,
});
/** `to` for a workspace package other than the ones listed. */
const workspacesBut = (...allowed) => ({ path: WORKSPACES, pathNot: allowed.map((workspace) => `^${workspace}/`) });
/** `to` for an npm package by name, resolved (pnpm's store) or not. */
const npmPackage = (pattern) => ({ path: `(^|/node_modules/)(${pattern})(/|$)` });

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles (type-only ones too) tie modules into one unit that can only be read, tested and loaded together.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that does not resolve is a missing dependency or a typo.',
      from: { pathNot: '^node_modules/' },
      to: { couldNotResolve: true },
    },
    {
      name: 'shipped-code-not-to-tests',
      severity: 'error',
      comment: 'Source never imports test files or the test tooling.',
      from: { path: WORKSPACES, pathNot: [TESTS, BENCHES, '^tooling/testing/'] },
      to: { path: [TESTS, '^tooling/testing/'] },
    },
    // The workspace direction.
    {
      name: 'db-imports-no-workspace',
      severity: 'error',
      comment: 'packages/db is the bottom layer: it imports no other workspace package.',
      from: shipped('packages/db', ['scripts/', 'drizzle.config.ts']),
      to: workspacesBut('packages/db'),
    },
    {
      name: 'api-imports-only-db',
      severity: 'error',
      comment: 'packages/api builds on packages/db only.',
      from: shipped('packages/api'),
      to: workspacesBut('packages/api', 'packages/db'),
    },
    {
      name: 'client-imports-only-api-types',
      severity: 'error',
      comment:
        'packages/client ships to users: it knows the api only by its types (AppRouter), and of the rest of the workspace only the dependency-free statuses module, which its build bundles.',
      from: shipped('packages/client', ['examples/']),
      to: { path: WORKSPACES, pathNot: ['^packages/client/', '^packages/api/', '^packages/db/src/statuses\\.ts$'] },
    },
    {
      name: 'client-api-types-only',
      severity: 'error',
      comment: 'packages/client may import packages/api only with `import type` (its build must not need the server code).',
      from: shipped('packages/client', ['examples/']),
      to: { path: '^packages/api/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'server-imports-api-and-db',
      severity: 'error',
      comment: 'apps/server is the adapter over packages/api and packages/db.',
      from: shipped('apps/server', ['build.mjs']),
      to: workspacesBut('apps/server', 'packages/api', 'packages/db'),
    },
    {
      name: 'web-imports-api-shared-and-client',
      severity: 'error',
      comment: 'apps/web runs in browsers: packages/api only through @tablebook/api/shared (and types), or packages/client.',
      from: shipped('apps/web', ['vite.config.ts']),
      to: workspacesBut('apps/web', 'packages/api', 'packages/client'),
    },
    {
      name: 'web-api-runtime-only-shared',
      severity: 'error',
      comment:
        'At run time apps/web may import only @tablebook/api/shared; the rest of packages/api (database, server code) only as types.',
      from: shipped('apps/web'),
      to: { path: '^packages/api/', pathNot: '^packages/api/src/shared\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'cli-imports-only-client',
      severity: 'error',
      comment: 'apps/cli is built only on packages/client.',
      from: shipped('apps/cli'),
      to: workspacesBut('apps/cli', 'packages/client'),
    },
    {
      name: 'testing-imports-no-workspace',
      severity: 'error',
      comment: "tooling/testing is imported by every package's tests, so it imports none of them.",
      from: shipped('tooling/testing'),
      to: workspacesBut('tooling/testing'),
    },
    {
      name: 'db-statuses-dependency-free',
      severity: 'error',
      comment: '@tablebook/db/statuses is loaded by browsers (through @tablebook/api/shared): it imports nothing.',
      from: { path: '^packages/db/src/statuses\\.ts$' },
      to: {},
    },
    // Frameworks stay where they belong.
    {
      name: 'api-no-http-framework',
      severity: 'error',
      comment: 'packages/api knows no HTTP framework: its context is built from plain values.',
      from: { path: '^packages/api/' },
      to: npmPackage('fastify|@fastify/[^/]+'),
    },
    {
      name: 'db-no-trpc',
      severity: 'error',
      comment: 'packages/db knows nothing of tRPC.',
      from: { path: '^packages/db/' },
      to: npmPackage('@trpc/[^/]+'),
    },
    // Inside packages/api: events/ (live updates: the hub and the streams) builds on services/, never the reverse.
    {
      name: 'api-services-not-to-events',
      severity: 'error',
      comment:
        "packages/api/src/services/ writes and reads the data (recording an event is part of a booking's transaction); events/ streams it: services never import events/.",
      from: { path: '^packages/api/src/services/' },
      to: { path: '^packages/api/src/events/' },
    },
  ],
  options: {
    // TypeScript 5.9 (pnpm-workspace.yaml gives it to dependency-cruiser; TypeScript 7 has no compiler API) parses the TypeScript.
    parser: 'tsc',
    tsPreCompilationDeps: true,
    moduleSystems: ['es6', 'cjs'],
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|\\.data|\\.turbo|test-output|coverage)/' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      // @tablebook/source: the client's own sources, as the CLI's typecheck and tests use them.
      conditionNames: ['@tablebook/source', 'types', 'import', 'node', 'default'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
