// CPU time per request, of the server process and of its PostgreSQL backends, for the product and both
// baselines: pnpm --filter @tablebook/bench cpu-cost [scenario] [connections]
// Throughput on a shared two-core machine moves with whatever else runs; the CPU a request costs does
// not (much): this says where a request's cost is, in the server or in the database, robustly.
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { loadBenchDataset, openMigratedBenchDatabase } from './database.ts';
import { SCENARIO_LIMITS, setStoredLimits } from './limits.ts';
import { runLoad } from './load.ts';
import { ADMIN_TOKEN, startBaseline, startProduct, startSeedBaseline, type BenchServer } from './processes.ts';
import { scenarios } from './scenarios.ts';

const scenarioId = process.argv[2] ?? 'create-reservation';
const connections = Number(process.argv[3] ?? 16);
const seconds = Number(process.env['BENCH_DURATION'] ?? 5);
const rounds = Number(process.env['BENCH_ROUNDS'] ?? 2);
const scenario = scenarios.find((candidate) => candidate.id === scenarioId);
if (!scenario) {
  console.error(`unknown scenario ${scenarioId}; one of ${scenarios.map((s) => s.id).join(', ')}`);
  process.exit(2);
}

const TICKS_PER_SECOND = 100;
/** User + system CPU of a process so far, in ms (0 when it is gone). */
function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

const database = await openMigratedBenchDatabase();
const admin = new pg.Client({ connectionString: database.url });
await admin.connect();
/** The server processes of this database's connections (the pools keep theirs open between runs). */
const backends = async () =>
  (
    await admin.query<{ pid: number }>('select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()')
  ).rows.map((row) => row.pid);
const servers: BenchServer[] = [];
try {
  const product = await startProduct(database.url);
  servers.push(product);
  await setStoredLimits({ serverUrl: product.url, adminToken: ADMIN_TOKEN }, SCENARIO_LIMITS);
  const dataset = await loadBenchDataset(database);
  servers.push(await startBaseline(database.url), await startSeedBaseline(database.url));
  const counter = { next: 0 };
  for (let round = 0; round < rounds; round += 1) {
    for (const server of round % 2 === 0 ? servers : [...servers].reverse()) {
      const next = scenario.requests(dataset, counter);
      const load = { baseUrl: server.url, connections, headers: { authorization: `Bearer ${ADMIN_TOKEN}` }, next };
      await runLoad({ ...load, durationSeconds: 1 });
      const pids = await backends();
      const before = { server: cpuMs(server.pid), database: pids.reduce((sum, pid) => sum + cpuMs(pid), 0) };
      const run = await runLoad({ ...load, durationSeconds: seconds });
      const after = { server: cpuMs(server.pid), database: (await backends()).reduce((sum, pid) => sum + cpuMs(pid), 0) };
      const perRequest = (ms: number) => (ms / Math.max(1, run.requests)).toFixed(3);
      console.log(
        `${server.label.padEnd(14)} ${scenarioId} @${connections}: ${Math.round(run.throughput)} req/s (non-2xx ${run.non2xx}), CPU per request: server ${perRequest(after.server - before.server)} ms, database ${perRequest(after.database - before.database)} ms`,
      );
    }
  }
} finally {
  await Promise.all(servers.map((server) => server.stop()));
  await admin.end();
  await database.release();
}
