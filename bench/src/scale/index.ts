// The scale phase: the read scenarios on 100,000 restaurants and 3,000,000 reservations (shape.ts), on a
// database of its own and a Tablebook process of its own, so the main phase's numbers at 500 restaurants
// are untouched by it. BENCH_SCALE_RESTAURANTS loads a smaller set of the same shape for a quick look.
import { addDays } from '../dataset.ts';
import { openMigratedBenchDatabase } from '../database.ts';
import { SCENARIO_LIMITS, setStoredLimits } from '../limits.ts';
import { runLoad, type LoadRun } from '../load.ts';
import { ADMIN_TOKEN, startProduct, type BenchServer } from '../processes.ts';
import { scenarios, type ScenarioId } from '../scenarios.ts';
import { openSettler, type Settler } from '../settle.ts';
import { median } from '../stats.ts';
import { loadScaleDataset } from './loader.ts';
import { SCALE_RESTAURANTS } from './shape.ts';

export interface ScaleResult {
  restaurants: number;
  reservations: number;
  loadSeconds: number;
  scenarios: { id: ScenarioId; connections: number; product: LoadRun[] }[];
  peakRssMiB: number;
}

interface ScaleOptions {
  durationSeconds: number;
  rounds: number;
  connections: number[];
  scenarioIds: ScenarioId[];
  log: (message: string) => void;
}

const WARM_UP_SECONDS = 1;
const adminHeaders = { authorization: `Bearer ${ADMIN_TOKEN}` };

export async function runScalePhase(options: ScaleOptions): Promise<ScaleResult> {
  const size = Number(process.env['BENCH_SCALE_RESTAURANTS'] ?? SCALE_RESTAURANTS);
  const database = await openMigratedBenchDatabase();
  let product: BenchServer | undefined;
  let settler: Settler | undefined;
  try {
    // Started on the empty database: the limits are stored through it before anything is written.
    product = await startProduct(database.url);
    await setStoredLimits({ serverUrl: product.url, adminToken: ADMIN_TOKEN }, SCENARIO_LIMITS);
    options.log(
      `scale: daily limits ${SCENARIO_LIMITS.globalDailyLimit} (system), ${SCENARIO_LIMITS.restaurantDailyLimit} (restaurant), set through the settings; loading ${size.toLocaleString('en-US')} restaurants`,
    );
    const load = await loadScaleDataset(database.url, {
      restaurants: size,
      firstDay: addDays(new Date().toISOString().slice(0, 10), 1),
      log: options.log,
    });
    options.log(
      `scale: loaded ${load.restaurants.toLocaleString('en-US')} restaurants and ${load.reservations.toLocaleString('en-US')} reservations in ${load.seconds} s`,
    );
    settler = await openSettler(database.url);
    const counter = { next: 0 };
    const results: ScaleResult['scenarios'] = [];
    for (const id of options.scenarioIds) {
      const scenario = scenarios.find((candidate) => candidate.id === id);
      if (!scenario) throw new Error(`unknown scenario ${id}`);
      for (const connections of options.connections) {
        const next = scenario.requests(load.dataset, counter);
        const measure = async (seconds: number) => {
          const run = await runLoad({ baseUrl: product!.url, connections, durationSeconds: seconds, headers: adminHeaders, next });
          await settler!.settle(product!.url);
          return run;
        };
        await measure(WARM_UP_SECONDS);
        const runs: LoadRun[] = [];
        for (let round = 0; round < options.rounds; round += 1) runs.push(await measure(options.durationSeconds));
        results.push({ id, connections, product: runs });
        const p50 = median(runs.map((run) => run.p50Ms));
        const throughput = Math.round(median(runs.map((run) => run.throughput)));
        const failures = runs.reduce((sum, run) => sum + run.non2xx + run.errors, 0);
        options.log(
          `scale: ${id} @${connections}: ${throughput} req/s, p50 ${p50} ms, ${failures} failed, peak RSS so far ${product.peakRssMiB()} MiB`,
        );
      }
    }
    return {
      restaurants: load.restaurants,
      reservations: load.reservations,
      loadSeconds: load.seconds,
      scenarios: results,
      peakRssMiB: product.peakRssMiB(),
    };
  } finally {
    await settler?.close();
    await product?.stop();
    await database.release();
  }
}
