// The targets, checked against one run's results.
import type { BenchResults } from './report.ts';
import { summarize } from './report.ts';
import { median } from './stats.ts';

const READS = new Set(['search-prefix-city', 'search-availability', 'day-reservations', 'search-trpc-batched']);
const MAX_RSS_MIB = 200;

export function checkTargets(results: BenchResults): string[] {
  const rows = summarize(results);
  const lines = ['Targets:'];
  const mark = (ok: boolean) => (ok ? 'met' : 'MISSED');
  const reads = rows.filter((row) => READS.has(row.id));
  const worstRead = Math.min(...reads.map((row) => row.ratio));
  lines.push(`- reads ≥ 0.75 of the baseline's throughput: ${mark(worstRead >= 0.75)} (lowest ${worstRead.toFixed(2)})`);
  const reads16 = reads.filter((row) => row.connections === 16);
  const worstP99 = Math.max(...reads16.map((row) => row.productP99));
  lines.push(`- read p99 < 25 ms at 16 connections: ${mark(worstP99 < 25)} (highest ${worstP99} ms)`);
  const creates = rows.filter((row) => row.id === 'create-reservation');
  const worstCreate = Math.min(...creates.map((row) => row.ratio));
  lines.push(`- create ≥ 0.6 of the baseline: ${mark(worstCreate >= 0.6)} (lowest ${worstCreate.toFixed(2)})`);
  const contended = results.contended.product;
  const slowest = Math.max(...contended.map((round) => round.elapsedMs));
  const exact = contended.every((round) => round.stored === 20 && round.created === 20 && round.other === 0);
  lines.push(`- contended day: all 300 answered within 2 s and exactly 20 stored: ${mark(slowest <= 2000 && exact)} (slowest ${Math.round(slowest)} ms, median ${Math.round(median(contended.map((round) => round.elapsedMs)))} ms)`);
  lines.push(`- peak RSS < ${MAX_RSS_MIB} MB: ${mark(results.peakRssMiB.product < MAX_RSS_MIB)} (${results.peakRssMiB.product} MiB)`);
  const failures = rows.reduce((sum, row) => sum + row.failures, 0);
  lines.push(`- no failed request in the load runs: ${mark(failures === 0)} (${failures})`);
  return lines;
}
