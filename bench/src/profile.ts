// Profiles the product under one scenario: pnpm --filter @tablebook/bench cpu-profile <scenario> [connections]
// Runs the server with --cpu-prof, drives it for BENCH_DURATION seconds, and prints where the CPU
// went (self time by function, then by package). The .cpuprofile stays in bench/profiles/.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBenchDataset, openMigratedBenchDatabase } from './database.ts';
import { SCENARIO_LIMITS, setStoredLimits } from './limits.ts';
import { runLoad, type LoadRun } from './load.ts';
import { ADMIN_TOKEN, repoRoot, startProduct } from './processes.ts';
import { scenarios } from './scenarios.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

const scenarioId = process.argv[2] ?? 'search-prefix-city';
const connections = Number(process.argv[3] ?? 16);
const scenario = scenarios.find((candidate) => candidate.id === scenarioId);
if (!scenario) {
  console.error(`unknown scenario ${scenarioId}; one of ${scenarios.map((s) => s.id).join(', ')}`);
  process.exit(2);
}

const packageOf = (url: string) => {
  const match = /node_modules\/\.pnpm\/[^/]+\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (match) return match[1]!;
  if (url.includes('apps/server/dist')) return 'tablebook (bundle)';
  if (url.startsWith('node:') || url === '') return url || '(native/gc/idle)';
  return url;
};

const database = await openMigratedBenchDatabase();
const profileDir = join(repoRoot, 'bench', 'profiles');
mkdirSync(profileDir, { recursive: true });
try {
  // The data set is loaded before the profiled process starts, so its profile is the load's alone.
  const loader = await startProduct(database.url);
  let dataset: Awaited<ReturnType<typeof loadBenchDataset>>;
  try {
    // The scenarios' limits, as pnpm bench sets them: the data set (written by SQL, judged by the
    // reservation trigger) fits, and a booking scenario is never refused.
    await setStoredLimits({ serverUrl: loader.url, adminToken: ADMIN_TOKEN }, SCENARIO_LIMITS);
    dataset = await loadBenchDataset(database);
  } finally {
    await loader.stop();
  }
  const server = await startProduct(database.url, ['--cpu-prof', `--cpu-prof-dir=${profileDir}`]);
  let run: LoadRun;
  try {
    run = await runLoad({
      baseUrl: server.url,
      connections,
      durationSeconds: Number(process.env['BENCH_DURATION'] ?? 5),
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      next: scenario.requests(dataset, { next: 0 }),
    });
  } finally {
    // The profile is written when the process exits.
    await server.stop();
  }
  console.log(`${scenarioId} @${connections}: ${Math.round(run.throughput)} req/s, p99 ${run.p99Ms} ms`);
  const file = readdirSync(profileDir)
    .filter((name) => name.endsWith('.cpuprofile'))
    .sort()
    .at(-1)!;
  const profile = JSON.parse(readFileSync(join(profileDir, file), 'utf8')) as { nodes: ProfileNode[] };
  const total = profile.nodes.reduce((sum, node) => sum + (node.hitCount ?? 0), 0);
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    const where = packageOf(node.callFrame.url);
    const key = `${node.callFrame.functionName || '(anonymous)'} ${where}:${node.callFrame.lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + hits);
    byPackage.set(where, (byPackage.get(where) ?? 0) + hits);
  }
  const top = (map: Map<string, number>, count: number) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([key, hits]) => `${((hits / total) * 100).toFixed(1).padStart(5)}%  ${key}`);
  console.log(`\nself time by package (${file}):\n${top(byPackage, 20).join('\n')}`);
  console.log(`\nself time by function:\n${top(byFunction, 40).join('\n')}`);
} finally {
  await database.release();
}
