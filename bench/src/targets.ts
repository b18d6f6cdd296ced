// Issue 19's targets, checked against one run's results: each "met" or "MISSED" with the numbers it was
// judged on, or "not measured" when the run (BENCH_SCENARIOS, BENCH_CONNECTIONS, BENCH_SCALE) left it out.
import type { BenchResults, SummaryRow } from './report.ts';
import { summarize, summarizeScale } from './report.ts';
import type { ScenarioId } from './scenarios.ts';

const READS = new Set<ScenarioId>([
  'search-prefix-city',
  'search-trpc-batched',
  'search-availability',
  'day-reservations',
  'day-slots',
  'time-search',
]);
const MAX_RSS_MIB = 150;
const CONTENDED_MAX_MS = 1000;
const LIVE_MEDIAN_MS = 20;
const SLOTS_P99_MS = 25;
/** autocannon's latencies are whole milliseconds: a median of 1 ms at 100,000 restaurants is within any ratio. */
const LATENCY_RESOLUTION_MS = 1;
/** The scale phase can load fewer (BENCH_SCALE_RESTAURANTS, for a quick look): that is not the target's set. */
const SCALE_TARGET_RESTAURANTS = 100_000;

interface Cell {
  name: string;
  text: string;
  ok: boolean;
}

const mark = (ok: boolean) => (ok ? 'met' : 'MISSED');
const line = (label: string, cells: Cell[]) =>
  cells.length === 0
    ? `- ${label}: not measured in this run`
    : `- ${label}: ${mark(cells.every((cell) => cell.ok))} (${cells.map((cell) => `${cell.name}: ${cell.text}`).join(', ')})`;

/** The seed-SQL ratio of one scenario at the given connection counts, each against its floor. */
const seedRatioCells = (rows: SummaryRow[], id: ScenarioId, floors: Record<number, number>): Cell[] =>
  rows
    .filter((row) => row.id === id && row.connections in floors && Number.isFinite(row.seedRatio))
    .map((row) => ({
      name: `${row.connections} conns`,
      text: `${row.seedRatio.toFixed(2)}×`,
      ok: row.seedRatio >= floors[row.connections]!,
    }));

export function checkTargets(results: BenchResults): string[] {
  const rows = summarize(results);
  const lines = ['Targets (issue 19):'];
  lines.push(
    line(
      'create a reservation ≥ 1.2× the seed-SQL baseline at 16 and 64 connections',
      seedRatioCells(rows, 'create-reservation', { 16: 1.2, 64: 1.2 }),
    ),
    line('create a reservation ≥ 0.9× the seed-SQL baseline at 1 connection', seedRatioCells(rows, 'create-reservation', { 1: 0.9 })),
    line(
      'name-prefix search (REST) ≥ 2× the seed-SQL baseline at 16 and 64 connections',
      seedRatioCells(rows, 'search-prefix-city', { 16: 2, 64: 2 }),
    ),
    line(
      `the slots of a day and the time search: p99 < ${SLOTS_P99_MS} ms at 16 connections (500 restaurants)`,
      rows
        .filter((row) => (row.id === 'day-slots' || row.id === 'time-search') && row.connections === 16)
        .map((row) => ({ name: row.id, text: `${row.productP99} ms`, ok: row.productP99 < SLOTS_P99_MS })),
    ),
    line(
      `contended day: all answered within ${CONTENDED_MAX_MS / 1000} s and exactly the limit stored`,
      results.contended.product.map((round, index) => ({
        name: `round ${index + 1}`,
        text: `${Math.round(round.elapsedMs)} ms, ${round.stored} stored of ${round.limit}${round.other ? `, ${round.other} other answers` : ''}`,
        ok: round.elapsedMs < CONTENDED_MAX_MS && round.stored === round.limit && round.created === round.limit && round.other === 0,
      })),
    ),
  );
  const scaleCells = summarizeScale(results)
    .filter((row) => READS.has(row.id))
    .map((row) => ({
      name: `${row.id} @${row.connections}`,
      text: Number.isNaN(row.p50Ratio) ? `${row.p50} ms (not measured at 500)` : `${row.p50} / ${row.p50At500} ms`,
      ok: row.p50 <= LATENCY_RESOLUTION_MS || row.p50 <= 2 * row.p50At500,
    }));
  const scaleLabel = `at ${SCALE_TARGET_RESTAURANTS.toLocaleString('en')} restaurants every read scenario's median latency within 2× of its value at 500`;
  const loaded = 'restaurants' in results.scale ? results.scale.restaurants : SCALE_TARGET_RESTAURANTS;
  lines.push(
    loaded < SCALE_TARGET_RESTAURANTS
      ? `- ${scaleLabel}: not measured in this run (the phase loaded ${loaded.toLocaleString('en')} restaurants: ${scaleCells.map((cell) => `${cell.name}: ${cell.text}`).join(', ')})`
      : line(scaleLabel, scaleCells),
  );
  const rss = results.peakRssMiB;
  const processes: Cell[] = [{ name: 'Tablebook', text: `${rss.product} MiB`, ok: rss.product < MAX_RSS_MIB }];
  if (rss.secondProduct !== null)
    processes.push({ name: 'second process', text: `${rss.secondProduct} MiB`, ok: rss.secondProduct < MAX_RSS_MIB });
  if ('peakRssMiB' in results.scale) {
    const scale = results.scale.peakRssMiB;
    processes.push({ name: 'scale phase', text: `${scale} MiB`, ok: scale < MAX_RSS_MIB });
  }
  lines.push(line(`peak RSS of one Tablebook process over the whole bench < ${MAX_RSS_MIB} MiB`, processes));
  const live = results.liveUpdates;
  lines.push(
    line(
      `live updates across two processes: request-to-event median < ${LIVE_MEDIAN_MS} ms`,
      live
        ? [
            {
              name: `${live.bookings} bookings`,
              text: `median ${live.medianMs} ms, p99 ${live.p99Ms} ms`,
              ok: live.medianMs < LIVE_MEDIAN_MS,
            },
          ]
        : [],
    ),
  );
  const failures =
    rows.reduce((sum, row) => sum + row.failures.product, 0) + summarizeScale(results).reduce((sum, row) => sum + row.failures, 0);
  lines.push(
    line('no failed request in the load runs (Tablebook)', [{ name: 'non-2xx and errors', text: String(failures), ok: failures === 0 }]),
  );
  return lines;
}
