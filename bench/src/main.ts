// pnpm bench: the product's production build against a bare Fastify + pg baseline that runs the
// same SQL, on one real PostgreSQL, in the same run. Writes bench/results/latest.{json,md} and
// throughput.svg, and prints the table. BENCH_DURATION (s, default 5), BENCH_ROUNDS (default 3) and
// BENCH_CONNECTIONS (default 1,16,64) and BENCH_SCENARIOS (ids, comma-separated) shorten it for a quick look.
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { contendedRound, type ContendedRound } from './contended.ts';
import { loadBenchDataset, openMigratedBenchDatabase } from './database.ts';
import { addDays, RESTAURANT_COUNT } from './dataset.ts';
import { runLoad, type LoadRun } from './load.ts';
import { CONTENDED_LIMITS, SCENARIO_LIMITS, setStoredLimits, type Limits } from './limits.ts';
import { ADMIN_TOKEN, repoRoot, startBaseline, startProduct, type BenchServer } from './processes.ts';
import { markdown, summarize, svgChart, type BenchResults, type ScenarioResult } from './report.ts';
import { scenarios } from './scenarios.ts';
import { openSettler } from './settle.ts';
import { checkTargets } from './targets.ts';

const durationSeconds = Number(process.env['BENCH_DURATION'] ?? 5);
const rounds = Number(process.env['BENCH_ROUNDS'] ?? 3);
const connectionCounts = (process.env['BENCH_CONNECTIONS'] ?? '1,16,64').split(',').map(Number);
const onlyScenarios = process.env['BENCH_SCENARIOS']?.split(',');
const WARM_UP_SECONDS = 1;
const adminHeaders = { authorization: `Bearer ${ADMIN_TOKEN}` };

const log = (message: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
const today = () => new Date().toISOString().slice(0, 10);

async function main() {
  const startedAt = new Date().toISOString();
  const database = await openMigratedBenchDatabase();
  log(`PostgreSQL ${database.version} (${database.source}), a fresh database`);

  const servers: BenchServer[] = [];
  const settler = await openSettler(database.url).catch(async (error: unknown) => {
    await database.release();
    throw error;
  });
  try {
    const product = await startProduct(database.url);
    servers.push(product);
    // Each phase sets its limits through the settings; both servers read that row under the day lock.
    const limitsFor = (phase: string, limits: Limits) => {
      log(
        `${phase}: daily limits ${limits.globalDailyLimit} (system), ${limits.restaurantDailyLimit} (restaurant), set through the settings`,
      );
      return setStoredLimits({ serverUrl: product.url, adminToken: ADMIN_TOKEN }, limits);
    };
    // The data set is written by SQL, and the reservation trigger holds it to the stored limits too.
    await limitsFor('loading and scenarios', SCENARIO_LIMITS);
    log(`loading ${RESTAURANT_COUNT} restaurants`);
    const dataset = await loadBenchDataset(database);
    const baseline = await startBaseline(database.url);
    servers.push(baseline);
    const counter = { next: 0 };
    const results: ScenarioResult[] = [];
    for (const scenario of scenarios) {
      if (onlyScenarios && !onlyScenarios.includes(scenario.id)) continue;
      const baselineScenario = scenarios.find((candidate) => candidate.id === scenario.baseline)!;
      const ownBaseline = scenario.baseline === scenario.id;
      for (const connections of connectionCounts) {
        const productRequests = scenario.requests(dataset, counter);
        const baselineRequests = baselineScenario.requests(dataset, counter);
        // Each run leaves the server idle for the next (see settle.ts).
        const measure = async (server: BenchServer, next: typeof productRequests, seconds: number) => {
          const run = await runLoad({ baseUrl: server.url, connections, durationSeconds: seconds, headers: adminHeaders, next });
          await settler.settle(server.url);
          return run;
        };
        await measure(product, productRequests, WARM_UP_SECONDS);
        if (ownBaseline) await measure(baseline, baselineRequests, WARM_UP_SECONDS);
        const productRuns: LoadRun[] = [];
        const baselineRuns: LoadRun[] = [];
        for (let round = 0; round < rounds; round += 1) {
          // Alternate who goes first, so neither always runs on a warmer (or fuller) database.
          const order = round % 2 === 0 ? ['product', 'baseline'] : ['baseline', 'product'];
          for (const who of order) {
            if (who === 'product') productRuns.push(await measure(product, productRequests, durationSeconds));
            else if (ownBaseline) baselineRuns.push(await measure(baseline, baselineRequests, durationSeconds));
          }
        }
        const shared = results.find((result) => result.id === scenario.baseline && result.connections === connections);
        results.push({
          id: scenario.id,
          title: scenario.title,
          connections,
          product: productRuns,
          baseline: ownBaseline ? baselineRuns : (shared?.baseline ?? []),
        });
        const row = summarize({ scenarios: [results.at(-1)!] } as BenchResults)[0]!;
        log(
          `${scenario.id} @${connections}: ${row.productThroughput} req/s vs ${row.baselineThroughput} (${row.ratio}), p99 ${row.productP99} ms, peak RSS so far ${product.peakRssMiB()} MiB`,
        );
      }
    }

    // The same two processes: a change of the stored limits applies to them at once.
    await limitsFor('contended day, 300 simultaneous attempts', CONTENDED_LIMITS);
    const contended = { product: [] as ContendedRound[], baseline: [] as ContendedRound[] };
    for (let round = 0; round < rounds; round += 1) {
      // Days no other scenario touches.
      contended.product.push(
        await contendedRound(product.url, database.url, dataset.wholeDayRestaurantIds, addDays(today(), 100 + round * 2), adminHeaders),
      );
      contended.baseline.push(
        await contendedRound(baseline.url, database.url, dataset.wholeDayRestaurantIds, addDays(today(), 101 + round * 2), {}),
      );
    }
    const peakRssMiB = { product: product.peakRssMiB(), baseline: baseline.peakRssMiB() };

    const benchResults: BenchResults = {
      startedAt,
      machine: { cpus: availableParallelism(), node: process.versions.node, postgres: database.version },
      durationSeconds,
      rounds,
      scenarios: results,
      contended,
      peakRssMiB,
    };
    const table = `${markdown(benchResults)}\n\n${checkTargets(benchResults).join('\n')}\n`;
    const outputDir = join(repoRoot, 'bench', 'results');
    mkdirSync(outputDir, { recursive: true });
    writeFileSync(join(outputDir, 'latest.json'), `${JSON.stringify({ ...benchResults, summary: summarize(benchResults) }, null, 2)}\n`);
    writeFileSync(join(outputDir, 'latest.md'), table);
    writeFileSync(join(outputDir, 'throughput.svg'), svgChart(benchResults));
    console.log(table);
    log(`wrote bench/results/latest.json, latest.md and throughput.svg`);
  } finally {
    await settler.close();
    await Promise.all(servers.map((server) => server.stop()));
    await database.release();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
