// The issue's targets, checked against one run's results.
import type { BenchResults } from './report.ts';
import { summarize } from './report.ts';
import { median } from './stats.ts';

const READS = new Set(['search-prefix-city', 'search-availability', 'day-reservations', 'search-trpc-batched']);
const MAX_RSS_MIB = 200;

export function checkTargets(results: BenchResults): string[] {
  const rows = summarize(results);
  const lines = ['Targets:'];
  const mark = (ok: boolean) => (ok ? 'met' : 'MISSED');
  /** A target over some cells: not judged at all when the run (BENCH_SCENARIOS, BENCH_CONNECTIONS) measured none. */
  const judge = (label: string, values: number[], worst: 'lowest' | 'highest', ok: (value: number) => boolean, unit = '') => {
    if (values.length === 0) return `- ${label}: not measured in this run`;
    const value = worst === 'lowest' ? Math.min(...values) : Math.max(...values);
    return `- ${label}: ${mark(ok(value))} (${worst} ${unit ? `${value} ${unit}` : value.toFixed(2)})`;
  };
  const reads = rows.filter((row) => READS.has(row.id));
  lines.push(
    judge(
      "reads ≥ 0.75 of the baseline's throughput",
      reads.map((row) => row.ratio),
      'lowest',
      (value) => value >= 0.75,
    ),
  );
  lines.push(
    judge(
      'read p99 < 25 ms at 16 connections',
      reads.filter((row) => row.connections === 16).map((row) => row.productP99),
      'highest',
      (value) => value < 25,
      'ms',
    ),
  );
  const creates = rows.filter((row) => row.id === 'create-reservation');
  lines.push(
    judge(
      'create ≥ 0.6 of the baseline',
      creates.map((row) => row.ratio),
      'lowest',
      (value) => value >= 0.6,
    ),
  );
  const contended = results.contended.product;
  const slowest = Math.max(...contended.map((round) => round.elapsedMs));
  const exact = contended.every((round) => round.stored === 20 && round.created === 20 && round.other === 0);
  lines.push(
    `- contended day: all 300 answered within 2 s and exactly 20 stored: ${mark(slowest <= 2000 && exact)} (slowest ${Math.round(slowest)} ms, median ${Math.round(median(contended.map((round) => round.elapsedMs)))} ms)`,
  );
  lines.push(`- peak RSS < ${MAX_RSS_MIB} MB: ${mark(results.peakRssMiB.product < MAX_RSS_MIB)} (${results.peakRssMiB.product} MiB)`);
  const failures = rows.reduce((sum, row) => sum + row.failures, 0);
  lines.push(`- no failed request in the load runs: ${mark(failures === 0)} (${failures})`);
  return lines;
}
