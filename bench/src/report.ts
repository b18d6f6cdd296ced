// The results as markdown tables (stdout, latest.md, README) and the JSON file's summary rows. The chart
// is chart.ts.
import { CONTENDED_ATTEMPTS, type ContendedRound } from './contended.ts';
import type { LiveUpdatesResult } from './live-updates.ts';
import type { LoadRun } from './load.ts';
import type { ScaleResult } from './scale-phase.ts';
import type { ScenarioId } from './scenarios.ts';
import { median, round } from './stats.ts';

export interface ScenarioResult {
  id: ScenarioId;
  title: string;
  connections: number;
  product: LoadRun[];
  /** The own-SQL baseline (bench/src/baseline): the product's statements on a bare server. */
  baseline: LoadRun[];
  /** The seed-SQL baseline (bench/src/seed-baseline); empty where the seed has no statement for the request. */
  seed: LoadRun[];
}

/** One value per server of the bench. */
export interface PerServer<T> {
  product: T;
  baseline: T;
  seed: T;
}

export interface BenchResults {
  startedAt: string;
  machine: { cpus: number; node: string; postgres: string };
  durationSeconds: number;
  rounds: number;
  scenarios: ScenarioResult[];
  contended: PerServer<ContendedRound[]>;
  /** Across two Tablebook processes; null when the phase did not run. */
  liveUpdates: LiveUpdatesResult | null;
  /** Peak RSS (VmHWM) of each process over its life, MiB: Tablebook's second process is the live updates' writer. */
  peakRssMiB: PerServer<number> & { secondProduct: number | null };
  /** The 100,000-restaurant phase, or why it did not run. */
  scale: ScaleResult | { skipped: string };
}

export interface SummaryRow {
  id: ScenarioId;
  title: string;
  connections: number;
  productThroughput: number;
  baselineThroughput: number;
  /** NaN where the seed-SQL baseline was not run. */
  seedThroughput: number;
  /** Ours over the own-SQL baseline's throughput, and over the seed-SQL baseline's. */
  baselineRatio: number;
  seedRatio: number;
  productP50: number;
  productP99: number;
  baselineP50: number;
  baselineP99: number;
  seedP50: number;
  seedP99: number;
  /** Answers outside 2xx and errors, summed over the rounds. */
  failures: PerServer<number>;
}

export interface ScaleRow {
  id: ScenarioId;
  title: string;
  connections: number;
  throughput: number;
  p50: number;
  p99: number;
  /** The same scenario and connections on the 500-restaurant set (NaN when not measured there). */
  throughputAt500: number;
  p50At500: number;
  /** 100,000 over 500: the median latency's ratio (lower is better) and throughput's (higher is better). */
  p50Ratio: number;
  throughputRatio: number;
  failures: number;
}

/** The median of the runs' latencies, leaving out runs that got no answer at all (an empty histogram says 0 ms); NaN when none did. */
const latency = (runs: readonly LoadRun[], pick: (run: LoadRun) => number) => {
  const answered = runs.filter((run) => run.requests > 0);
  return answered.length === 0 ? Number.NaN : round(median(answered.map(pick)));
};
const throughputOf = (runs: readonly LoadRun[]) => median(runs.map((run) => run.throughput));
const failuresOf = (runs: readonly LoadRun[]) => runs.reduce((sum, run) => sum + run.non2xx + run.errors, 0);
const dash = (value: number, text = String(value)) => (Number.isNaN(value) ? '—' : text);
const pair = (p50: number, p99: number) => (Number.isNaN(p50) ? '—' : `${p50} / ${p99}`);

export function summarize(results: Pick<BenchResults, 'scenarios'>): SummaryRow[] {
  return results.scenarios.map((scenario) => {
    const productThroughput = throughputOf(scenario.product);
    const baselineThroughput = throughputOf(scenario.baseline);
    const seedThroughput = throughputOf(scenario.seed);
    return {
      id: scenario.id,
      title: scenario.title,
      connections: scenario.connections,
      productThroughput: round(productThroughput, 0),
      baselineThroughput: round(baselineThroughput, 0),
      seedThroughput: round(seedThroughput, 0),
      baselineRatio: round(productThroughput / baselineThroughput, 2),
      seedRatio: round(productThroughput / seedThroughput, 2),
      productP50: latency(scenario.product, (run) => run.p50Ms),
      productP99: latency(scenario.product, (run) => run.p99Ms),
      baselineP50: latency(scenario.baseline, (run) => run.p50Ms),
      baselineP99: latency(scenario.baseline, (run) => run.p99Ms),
      seedP50: latency(scenario.seed, (run) => run.p50Ms),
      seedP99: latency(scenario.seed, (run) => run.p99Ms),
      failures: { product: failuresOf(scenario.product), baseline: failuresOf(scenario.baseline), seed: failuresOf(scenario.seed) },
    };
  });
}

export function summarizeScale(results: Pick<BenchResults, 'scenarios' | 'scale'>): ScaleRow[] {
  if (!('scenarios' in results.scale)) return [];
  const at500 = summarize(results);
  return results.scale.scenarios.map((cell) => {
    const small = at500.find((row) => row.id === cell.id && row.connections === cell.connections);
    const throughput = throughputOf(cell.product);
    const p50 = latency(cell.product, (run) => run.p50Ms);
    const p50At500 = small?.productP50 ?? Number.NaN;
    const throughputAt500 = small?.productThroughput ?? Number.NaN;
    return {
      id: cell.id,
      title: small?.title ?? cell.id,
      connections: cell.connections,
      throughput: round(throughput, 0),
      p50,
      p99: latency(cell.product, (run) => run.p99Ms),
      throughputAt500,
      p50At500,
      p50Ratio: round(p50 / p50At500, 2),
      throughputRatio: round(throughput / throughputAt500, 2),
      failures: failuresOf(cell.product),
    };
  });
}

const contendedText = (rounds: readonly ContendedRound[]) =>
  rounds.length === 0
    ? 'not run'
    : `${round(median(rounds.map((r) => r.elapsedMs)), 0)} ms, slowest ${round(Math.max(...rounds.map((r) => r.elapsedMs)), 0)} ms (stored ${rounds.map((r) => r.stored).join(', ')} of a limit of ${rounds[0]!.limit}; ${rounds.map((r) => `${r.created}×201/${r.refused}×409${r.other ? `/${r.other} other` : ''}`).join(', ')})`;

function scaleLines(results: BenchResults): string[] {
  if (!('scenarios' in results.scale)) return [`The 100,000-restaurant phase did not run: ${results.scale.skipped}.`];
  const scale = results.scale;
  const lines = [
    `At ${scale.restaurants.toLocaleString('en')} restaurants and ${scale.reservations.toLocaleString('en')} reservations (loaded in ${round(scale.loadSeconds, 0)} s; Tablebook alone, its own database and process, peak RSS ${scale.peakRssMiB} MiB), against the same scenario and connections at 500:`,
    '',
    '| scenario | conns | req/s | p50 / p99 ms | at 500: req/s | at 500: p50 ms | p50 ratio | req/s ratio | non-2xx |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const row of summarizeScale(results)) {
    lines.push(
      `| ${row.title} | ${row.connections} | ${row.throughput} | ${pair(row.p50, row.p99)} | ${dash(row.throughputAt500)} | ${dash(row.p50At500)} | ${dash(row.p50Ratio, row.p50Ratio.toFixed(2))} | ${dash(row.throughputRatio, row.throughputRatio.toFixed(2))} | ${row.failures} |`,
    );
  }
  return lines;
}

export function markdown(results: BenchResults): string {
  const lines = [
    `Tablebook vs. two bare Fastify 5 + pg baselines on the same database: one running the product's own SQL, one the seed's; ${results.machine.cpus} CPUs, Node ${results.machine.node}, PostgreSQL ${results.machine.postgres}; ` +
      `median of ${results.rounds} interleaved rounds of ${results.durationSeconds} s per cell (${results.startedAt}).`,
    '',
    '| scenario | conns | req/s | own-SQL req/s | × own | seed-SQL req/s | × seed | p50 / p99 ms | own-SQL p50 / p99 | seed-SQL p50 / p99 | non-2xx (ours / own / seed) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const rows = summarize(results);
  for (const row of rows) {
    const seedRan = !Number.isNaN(row.seedThroughput);
    lines.push(
      `| ${row.title} | ${row.connections} | ${row.productThroughput} | ${dash(row.baselineThroughput)} | ${dash(row.baselineRatio, row.baselineRatio.toFixed(2))} | ${dash(row.seedThroughput)} | ${dash(row.seedRatio, row.seedRatio.toFixed(2))} | ${pair(row.productP50, row.productP99)} | ${pair(row.baselineP50, row.baselineP99)} | ${pair(row.seedP50, row.seedP99)} | ${row.failures.product} / ${row.failures.baseline} / ${seedRan ? row.failures.seed : '—'} |`,
    );
  }
  lines.push(
    '',
    "— in the seed-SQL columns: the seed has no statement for that request (the seed baseline serves the name-prefix list and the booking; the tRPC search is compared with the same search over REST). Elsewhere: no request of that server was answered in any of its runs, or the cell's other scenario was not run.",
    '',
    `Contended day, default limits, ${CONTENDED_ATTEMPTS} simultaneous attempts, all answered in: Tablebook ${contendedText(results.contended.product)}; own-SQL baseline ${contendedText(results.contended.baseline)}; seed-SQL baseline ${contendedText(results.contended.seed)}.`,
    '',
  );
  const live = results.liveUpdates;
  lines.push(
    live
      ? `Live updates across two Tablebook processes (an admin stream open on one, ${live.bookings} bookings one after another on the other): request-to-event median ${live.medianMs} ms, p99 ${live.p99Ms} ms, slowest ${live.maxMs} ms.`
      : 'Live updates across two processes: not run.',
    '',
  );
  const rss = results.peakRssMiB;
  const scaleRss = 'peakRssMiB' in results.scale ? `, the scale phase's own ${results.scale.peakRssMiB} MiB` : '';
  lines.push(
    `Peak RSS (VmHWM) over the whole bench: Tablebook ${rss.product} MiB (its second process, the live updates' writer, ${rss.secondProduct ?? '—'} MiB${scaleRss}); own-SQL baseline ${rss.baseline} MiB, seed-SQL baseline ${rss.seed} MiB.`,
    '',
    ...scaleLines(results),
  );
  return lines.join('\n');
}
