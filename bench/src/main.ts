// pnpm bench: the product's production build against two bare Fastify 5 + pg baselines, one running the
// product's own SQL (baseline/) and one the seed's (seed-baseline/), on one real PostgreSQL, in the same
// run. Phases on the 500-restaurant set: the scenarios (interleaved rounds), live updates across two
// Tablebook processes, the contended day; then the 100,000-restaurant phase (scale-phase.ts). Writes
// bench/results/latest.{json,md} and throughput.svg, and prints the table. BENCH_DURATION (s, default
// 5), BENCH_ROUNDS (default 3), BENCH_CONNECTIONS (default 1,16,64), BENCH_SCENARIOS (ids,
// comma-separated) shorten it for a quick look; BENCH_SCALE=0 leaves out the 100,000-restaurant phase.
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { measureCell, type Contender } from './cells.ts';
import { svgChart } from './chart.ts';
import { contendedRound, type ContendedRound } from './contended.ts';
import { loadBenchDataset, openMigratedBenchDatabase } from './database.ts';
import { addDays, RESTAURANT_COUNT, type Dataset } from './dataset.ts';
import { CONTENDED_LIMITS, SCENARIO_LIMITS, setStoredLimits, type Limits } from './limits.ts';
import { measureLiveUpdates, type LiveUpdatesResult } from './live-updates.ts';
import { ADMIN_TOKEN, repoRoot, startBaseline, startProduct, startSeedBaseline, type BenchServer } from './processes.ts';
import { markdown, summarize, summarizeScale, type BenchResults, type PerServer, type ScenarioResult } from './report.ts';
import { runScalePhase, scaleSkipReason } from './scale-phase.ts';
import { scenarios, type ScenarioId } from './scenarios.ts';
import { seedScenarios } from './seed-baseline/statements.ts';
import { openSettler, type Settler } from './settle.ts';
import { checkTargets } from './targets.ts';

const durationSeconds = Number(process.env['BENCH_DURATION'] ?? 5);
const rounds = Number(process.env['BENCH_ROUNDS'] ?? 3);
const connectionCounts = (process.env['BENCH_CONNECTIONS'] ?? '1,16,64').split(',').map(Number);
const onlyScenarios = process.env['BENCH_SCENARIOS']?.split(',');
const WARM_UP_SECONDS = 1;
const LIVE_BOOKINGS = 100;
/**
 * The live updates' and the contended day's days: after every day the create scenario books (the data
 * set's first day + 120, for 3,650 days), so that nothing else is counted on them.
 */
const LIVE_DAYS_FROM = 4000;
const CONTENDED_DAYS_FROM = 4100;
const adminHeaders = { authorization: `Bearer ${ADMIN_TOKEN}` };

const log = (message: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
const selected = (id: ScenarioId) => !onlyScenarios || onlyScenarios.includes(id);

type Servers = PerServer<BenchServer>;

async function runScenarios(servers: Servers, dataset: Dataset, settler: Settler): Promise<ScenarioResult[]> {
  const counter = { next: 0 };
  const results: ScenarioResult[] = [];
  for (const scenario of scenarios) {
    if (!selected(scenario.id)) continue;
    const baselineScenario = scenarios.find((candidate) => candidate.id === scenario.baseline)!;
    // The tRPC search has no baseline route of its own: it is compared with the baselines' runs of the same search over REST.
    const ownBaseline = scenario.baseline === scenario.id;
    const seedServes = ownBaseline && seedScenarios.includes(scenario.id);
    for (const connections of connectionCounts) {
      const contenders: Contender[] = [{ server: servers.product, next: scenario.requests(dataset, counter) }];
      if (ownBaseline) contenders.push({ server: servers.baseline, next: baselineScenario.requests(dataset, counter) });
      if (seedServes) contenders.push({ server: servers.seed, next: baselineScenario.requests(dataset, counter) });
      const runs = await measureCell(contenders, {
        connections,
        durationSeconds,
        warmUpSeconds: WARM_UP_SECONDS,
        rounds,
        headers: adminHeaders,
        settler,
      });
      const shared = results.find((result) => result.id === scenario.baseline && result.connections === connections);
      results.push({
        id: scenario.id,
        title: scenario.title,
        connections,
        product: runs[0]!,
        baseline: ownBaseline ? runs[1]! : (shared?.baseline ?? []),
        seed: seedServes ? runs[2]! : ownBaseline ? [] : (shared?.seed ?? []),
      });
      const row = summarize({ scenarios: [results.at(-1)!] })[0]!;
      const seedText = Number.isNaN(row.seedThroughput) ? 'no seed-SQL run' : `seed-SQL ${row.seedThroughput} (${row.seedRatio})`;
      log(
        `${scenario.id} @${connections}: ${row.productThroughput} req/s vs own-SQL ${row.baselineThroughput} (${row.baselineRatio}), ${seedText}, p99 ${row.productP99} ms, peak RSS so far ${servers.product.peakRssMiB()} MiB`,
      );
    }
  }
  return results;
}

/** Rounds of the contended day on each server, in alternating order, each on a day of its own. */
async function runContended(servers: Servers, dataset: Dataset, databaseUrl: string, limits: Limits): Promise<PerServer<ContendedRound[]>> {
  const contended: PerServer<ContendedRound[]> = { product: [], baseline: [], seed: [] };
  const keys = ['product', 'baseline', 'seed'] as const;
  let day = CONTENDED_DAYS_FROM;
  for (let round = 0; round < rounds; round += 1) {
    for (const key of round % 2 === 0 ? keys : [...keys].reverse()) {
      const result = await contendedRound(
        servers[key].url,
        databaseUrl,
        dataset.wholeDayRestaurantIds,
        addDays(dataset.firstDay, day++),
        adminHeaders,
        limits,
      );
      log(`contended day on ${servers[key].label}: ${Math.round(result.elapsedMs)} ms, ${result.stored} stored of ${result.limit}`);
      contended[key].push(result);
    }
  }
  return contended;
}

/** A second Tablebook process on the same database: the stream on the first, the bookings on the second. */
async function runLiveUpdates(product: BenchServer, second: BenchServer, dataset: Dataset): Promise<LiveUpdatesResult> {
  const result = await measureLiveUpdates({
    watcherUrl: product.url,
    writerUrl: second.url,
    // The last whole-day restaurant: the create scenario's first restaurants take its bookings.
    restaurantId: dataset.wholeDayRestaurantIds.at(-1)!,
    firstDay: addDays(dataset.firstDay, LIVE_DAYS_FROM),
    bookings: LIVE_BOOKINGS,
    headers: adminHeaders,
  });
  log(`live updates across two processes: median ${result.medianMs} ms, p99 ${result.p99Ms} ms over ${result.bookings} bookings`);
  return result;
}

async function runScale(): Promise<BenchResults['scale']> {
  const skipped = scaleSkipReason();
  if (skipped) {
    log(`the 100,000-restaurant phase is left out: ${skipped}`);
    return { skipped };
  }
  const scenarioIds = scenarios.map((scenario) => scenario.id).filter((id) => id !== 'create-reservation' && selected(id));
  try {
    return await runScalePhase({ durationSeconds, rounds, connections: connectionCounts, scenarioIds, log });
  } catch (error) {
    // The 500-restaurant results are still written; the phase's targets say "not measured".
    console.error(error);
    process.exitCode = 1;
    return { skipped: `it failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

async function main() {
  const startedAt = new Date().toISOString();
  const database = await openMigratedBenchDatabase();
  log(`PostgreSQL ${database.version} (${database.source}), a fresh database`);

  const started: BenchServer[] = [];
  let phases: Pick<BenchResults, 'scenarios' | 'contended' | 'liveUpdates' | 'peakRssMiB'>;
  const settler = await openSettler(database.url).catch(async (error: unknown) => {
    await database.release();
    throw error;
  });
  try {
    const product = await startProduct(database.url);
    started.push(product);
    // Each phase sets its limits through the settings; every server reads that row when it counts.
    const limitsFor = (phase: string, limits: Limits) => {
      log(
        `${phase}: daily limits ${limits.globalDailyLimit} (system), ${limits.restaurantDailyLimit} (restaurant), set through the settings`,
      );
      return setStoredLimits({ serverUrl: product.url, adminToken: ADMIN_TOKEN }, limits);
    };
    // The data set is written by SQL, and the reservation trigger holds it to the stored limits too.
    await limitsFor('loading, scenarios and live updates', SCENARIO_LIMITS);
    log(`loading ${RESTAURANT_COUNT} restaurants`);
    const dataset = await loadBenchDataset(database);
    const [baseline, seed] = await Promise.all([startBaseline(database.url), startSeedBaseline(database.url)]);
    started.push(baseline, seed);
    const servers: Servers = { product, baseline, seed };
    const results = await runScenarios(servers, dataset, settler);

    const second = await startProduct(database.url);
    started.push(second);
    const liveUpdates = await runLiveUpdates(product, second, dataset);

    // The same processes: a change of the stored limits applies to them at once.
    await limitsFor('contended day, 300 simultaneous attempts', CONTENDED_LIMITS);
    const contended = await runContended(servers, dataset, database.url, CONTENDED_LIMITS);

    // Stopped here, so that their peaks are final and the 100,000-restaurant phase has the machine.
    await Promise.all(started.map((server) => server.stop()));
    phases = {
      scenarios: results,
      contended,
      liveUpdates,
      peakRssMiB: {
        product: product.peakRssMiB(),
        baseline: baseline.peakRssMiB(),
        seed: seed.peakRssMiB(),
        secondProduct: second.peakRssMiB(),
      },
    };
  } finally {
    await settler.close();
    await Promise.all(started.map((server) => server.stop()));
    await database.release();
  }

  const benchResults: BenchResults = {
    startedAt,
    machine: { cpus: availableParallelism(), node: process.versions.node, postgres: database.version },
    durationSeconds,
    rounds,
    ...phases,
    scale: await runScale(),
  };
  const table = `${markdown(benchResults)}\n\n${checkTargets(benchResults).join('\n')}\n`;
  const outputDir = join(repoRoot, 'bench', 'results');
  mkdirSync(outputDir, { recursive: true });
  const summary = { summary: summarize(benchResults), scaleSummary: summarizeScale(benchResults) };
  writeFileSync(join(outputDir, 'latest.json'), `${JSON.stringify({ ...benchResults, ...summary }, null, 2)}\n`);
  writeFileSync(join(outputDir, 'latest.md'), table);
  writeFileSync(join(outputDir, 'throughput.svg'), svgChart(benchResults));
  console.log(table);
  log('wrote bench/results/latest.json, latest.md and throughput.svg');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
