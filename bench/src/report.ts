// The results as a markdown table (stdout and README), a JSON file and an SVG chart.
import type { ContendedRound } from './contended.ts';
import type { LoadRun } from './load.ts';
import type { ScenarioId } from './scenarios.ts';
import { median, round } from './stats.ts';

export interface ScenarioResult {
  id: ScenarioId;
  title: string;
  connections: number;
  product: LoadRun[];
  baseline: LoadRun[];
}

export interface BenchResults {
  startedAt: string;
  machine: { cpus: number; node: string; postgres: string };
  durationSeconds: number;
  rounds: number;
  scenarios: ScenarioResult[];
  contended: { product: ContendedRound[]; baseline: ContendedRound[] };
  peakRssMiB: { product: number; baseline: number };
}

export interface SummaryRow {
  id: ScenarioId;
  title: string;
  connections: number;
  productThroughput: number;
  baselineThroughput: number;
  ratio: number;
  productP50: number;
  productP99: number;
  baselineP50: number;
  baselineP99: number;
  failures: number;
}

/** The median of the runs' latencies, leaving out runs that got no answer at all (an empty histogram says 0 ms); NaN when none did. */
const latency = (runs: readonly LoadRun[], pick: (run: LoadRun) => number) => {
  const answered = runs.filter((run) => run.requests > 0);
  return answered.length === 0 ? Number.NaN : round(median(answered.map(pick)));
};
const ms = (value: number) => (Number.isNaN(value) ? '—' : String(value));

export function summarize(results: BenchResults): SummaryRow[] {
  return results.scenarios.map((scenario) => {
    const productThroughput = median(scenario.product.map((run) => run.throughput));
    const baselineThroughput = median(scenario.baseline.map((run) => run.throughput));
    return {
      id: scenario.id,
      title: scenario.title,
      connections: scenario.connections,
      productThroughput: round(productThroughput, 0),
      baselineThroughput: round(baselineThroughput, 0),
      ratio: round(productThroughput / baselineThroughput, 2),
      productP50: latency(scenario.product, (run) => run.p50Ms),
      productP99: latency(scenario.product, (run) => run.p99Ms),
      baselineP50: latency(scenario.baseline, (run) => run.p50Ms),
      baselineP99: latency(scenario.baseline, (run) => run.p99Ms),
      failures: scenario.product.reduce((sum, run) => sum + run.non2xx + run.errors, 0),
    };
  });
}

export function markdown(results: BenchResults): string {
  const lines = [
    `Tablebook vs. a bare Fastify + pg baseline running the same SQL; ${results.machine.cpus} CPUs, Node ${results.machine.node}, PostgreSQL ${results.machine.postgres}; ` +
      `median of ${results.rounds} rounds of ${results.durationSeconds} s per cell (${results.startedAt}).`,
    '',
    '| scenario | conns | req/s | baseline req/s | ratio | p50 ms | p99 ms | baseline p50 / p99 ms | non-2xx |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const rows = summarize(results);
  for (const row of rows) {
    lines.push(
      `| ${row.title} | ${row.connections} | ${row.productThroughput} | ${row.baselineThroughput} | ${row.ratio.toFixed(2)} | ${ms(row.productP50)} | ${ms(row.productP99)} | ${ms(row.baselineP50)} / ${ms(row.baselineP99)} | ${row.failures} |`,
    );
  }
  if (rows.some((row) => [row.productP50, row.baselineP50].some(Number.isNaN))) {
    lines.push('', `— : no request of that server was answered within any of its ${results.durationSeconds} s runs.`);
  }
  const contended = (rounds: ContendedRound[]) =>
    `${round(median(rounds.map((r) => r.elapsedMs)), 0)} ms (stored ${rounds.map((r) => r.stored).join(', ')}; ${rounds.map((r) => `${r.created}×201/${r.refused}×409${r.other ? `/${r.other} other` : ''}`).join(', ')})`;
  lines.push(
    '',
    `Contended day, default limits, 300 simultaneous attempts: all answered in ${contended(results.contended.product)}; baseline ${contended(results.contended.baseline)}.`,
    '',
    `Peak RSS under load: ${results.peakRssMiB.product} MiB (baseline ${results.peakRssMiB.baseline} MiB).`,
  );
  return lines.join('\n');
}

/** Throughput by connection count, one panel per scenario: ours solid, the baseline dashed. */
export function svgChart(results: BenchResults): string {
  const rows = summarize(results);
  const ids = [...new Set(rows.map((row) => row.id))];
  const panelWidth = 300;
  const panelHeight = 200;
  const margin = { left: 50, top: 40, bottom: 40 };
  const width = ids.length * panelWidth + 20;
  const height = panelHeight + margin.top + margin.bottom + 30;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="10" y="16" font-size="13" font-weight="bold">Throughput (req/s) by connections — Tablebook (solid) vs. bare Fastify + pg baseline (dashed)</text>`,
  ];
  ids.forEach((id, panel) => {
    const points = rows.filter((row) => row.id === id);
    const maxY = Math.max(...points.flatMap((row) => [row.productThroughput, row.baselineThroughput])) * 1.1 || 1;
    const x0 = panel * panelWidth + margin.left;
    const plotWidth = panelWidth - margin.left - 20;
    const xAt = (index: number) => x0 + (index / Math.max(points.length - 1, 1)) * plotWidth;
    const yAt = (value: number) => margin.top + panelHeight - (value / maxY) * panelHeight;
    const path = (values: number[]) =>
      values.map((value, index) => `${index ? 'L' : 'M'}${xAt(index).toFixed(1)},${yAt(value).toFixed(1)}`).join(' ');
    parts.push(
      `<text x="${x0}" y="${margin.top - 8}" font-weight="bold">${escapeXml(points[0]?.title ?? id)}</text>`,
      `<line x1="${x0}" y1="${margin.top + panelHeight}" x2="${x0 + plotWidth}" y2="${margin.top + panelHeight}" stroke="#999"/>`,
      `<line x1="${x0}" y1="${margin.top}" x2="${x0}" y2="${margin.top + panelHeight}" stroke="#999"/>`,
      `<text x="${x0 - 4}" y="${margin.top + 4}" text-anchor="end">${Math.round(maxY)}</text>`,
      `<text x="${x0 - 4}" y="${margin.top + panelHeight}" text-anchor="end">0</text>`,
      `<path d="${path(points.map((row) => row.baselineThroughput))}" fill="none" stroke="#888" stroke-width="2" stroke-dasharray="5,4"/>`,
      `<path d="${path(points.map((row) => row.productThroughput))}" fill="none" stroke="#c0392b" stroke-width="2.5"/>`,
    );
    points.forEach((row, index) => {
      parts.push(
        `<circle cx="${xAt(index)}" cy="${yAt(row.productThroughput)}" r="3" fill="#c0392b"/>`,
        `<text x="${xAt(index)}" y="${margin.top + panelHeight + 14}" text-anchor="middle">${row.connections}</text>`,
        `<text x="${xAt(index)}" y="${yAt(row.productThroughput) - 6}" text-anchor="middle" fill="#c0392b">${row.ratio.toFixed(2)}×</text>`,
      );
    });
    parts.push(`<text x="${x0 + plotWidth / 2}" y="${margin.top + panelHeight + 30}" text-anchor="middle" fill="#555">connections</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n');
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
