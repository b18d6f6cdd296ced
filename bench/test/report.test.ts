// The table, the chart and the targets from made-up results: what the seed column shows where the seed
// has no statement, the ratios to each baseline, the 100,000-restaurant rows against the 500 ones, and
// each target met, MISSED or not measured.
import { describe, expect, it } from 'vitest';
import { svgChart } from '../src/chart.ts';
import type { ContendedRound } from '../src/contended.ts';
import type { LoadRun } from '../src/load.ts';
import { markdown, summarize, summarizeScale, type BenchResults, type ScenarioResult } from '../src/report.ts';
import type { ScenarioId } from '../src/scenarios.ts';
import { checkTargets } from '../src/targets.ts';

const run = (throughput: number, p50Ms = 5, p99Ms = 10): LoadRun => ({
  throughput,
  p50Ms,
  p99Ms,
  requests: throughput * 5,
  non2xx: 0,
  errors: 0,
});
const cell = (id: ScenarioId, connections: number, product: number, baseline: number, seed: number | null, p99Ms = 10): ScenarioResult => ({
  id,
  title: id,
  connections,
  product: [run(product, 5, p99Ms), run(product + 10, 5, p99Ms), run(product - 10, 5, p99Ms)],
  baseline: [run(baseline)],
  seed: seed === null ? [] : [run(seed)],
});
const contended = (elapsedMs: number, stored = 20): ContendedRound => ({
  day: '2030-01-01',
  elapsedMs,
  created: stored,
  refused: 300 - stored,
  other: 0,
  stored,
  limit: 20,
});

const results = (overrides: Partial<BenchResults> = {}): BenchResults => ({
  startedAt: '2030-01-01T00:00:00.000Z',
  machine: { cpus: 2, node: '20', postgres: '15' },
  durationSeconds: 5,
  rounds: 3,
  scenarios: [
    cell('search-prefix-city', 16, 2000, 2500, 900),
    cell('search-prefix-city', 64, 1800, 2400, 1000),
    cell('day-slots', 16, 800, 1000, null, 30),
    cell('create-reservation', 1, 200, 250, 210),
    cell('create-reservation', 16, 900, 500, 700),
  ],
  contended: { product: [contended(600), contended(800)], baseline: [contended(500)], seed: [contended(300)] },
  liveUpdates: { bookings: 100, delaysMs: [], medianMs: 8.5, p99Ms: 30, maxMs: 40 },
  peakRssMiB: { product: 140, baseline: 90, seed: 80, secondProduct: 120 },
  scale: { skipped: 'BENCH_SCALE=0' },
  ...overrides,
});

describe('the bench report', () => {
  it('gives both ratios, and "—" for the seed where it has no statement', () => {
    const rows = summarize(results());
    expect(rows[0]).toMatchObject({ productThroughput: 2000, baselineRatio: 0.8, seedRatio: 2.22 });
    expect(rows[2]!.seedRatio).toBeNaN();
    const table = markdown(results());
    expect(table).toContain('| search-prefix-city | 16 | 2000 | 2500 | 0.80 | 900 | 2.22 | 5 / 10 | 5 / 10 | 5 / 10 | 0 / 0 / 0 |');
    expect(table).toContain('| day-slots | 16 | 800 | 1000 | 0.80 | — | — | 5 / 30 | 5 / 10 | — | 0 / 0 / — |');
    expect(table).toContain('The 100,000-restaurant phase did not run: BENCH_SCALE=0.');
  });

  it('draws a seed line only where the seed-SQL baseline ran', () => {
    const svg = svgChart(results());
    expect(svg.match(/stroke-dasharray="2,3"/g)).toHaveLength(1 + 2); // the legend, search-prefix-city, create-reservation
    expect(svg.match(/stroke-dasharray="5,4"/g)).toHaveLength(1 + 3);
  });

  it('judges each target on its numbers', () => {
    const targets = checkTargets(results()).join('\n');
    expect(targets).toContain('- create a reservation ≥ 1.2× the seed-SQL baseline at 16 and 64 connections: met (16 conns: 1.29×)');
    expect(targets).toContain('at 1 connection: met (1 conns: 0.95×)');
    expect(targets).toContain('≥ 2× the seed-SQL baseline at 16 and 64 connections: MISSED (16 conns: 2.22×, 64 conns: 1.80×)');
    expect(targets).toContain('p99 < 25 ms at 16 connections (500 restaurants): MISSED (day-slots: 30 ms)');
    expect(targets).toContain('exactly the limit stored: met');
    expect(targets).toContain('within 2× of its value at 500: not measured in this run');
    expect(targets).toContain('< 150 MiB: met (Tablebook: 140 MiB, second process: 120 MiB)');
    expect(targets).toContain('median < 20 ms: met');
    const slow = checkTargets(results({ contended: { product: [contended(600), contended(1200, 21)], baseline: [], seed: [] } })).join(
      '\n',
    );
    expect(slow).toContain('exactly the limit stored: MISSED (round 1: 600 ms, 20 stored of 20, round 2: 1200 ms, 21 stored of 20)');
  });

  it('compares the 100,000-restaurant cells with the same cells at 500', () => {
    const scale = {
      restaurants: 100_000,
      reservations: 3_000_000,
      loadSeconds: 120,
      peakRssMiB: 160,
      scenarios: [
        { id: 'search-prefix-city' as const, connections: 16, product: [run(1500, 9)] },
        { id: 'day-slots' as const, connections: 16, product: [run(300, 11)] },
      ],
    };
    const rows = summarizeScale(results({ scale }));
    expect(rows.map((row) => [row.id, row.p50Ratio, row.throughputRatio])).toEqual([
      ['search-prefix-city', 1.8, 0.75],
      ['day-slots', 2.2, 0.38],
    ]);
    const targets = checkTargets(results({ scale })).join('\n');
    expect(targets).toContain('within 2× of its value at 500: MISSED (search-prefix-city @16: 9 / 5 ms, day-slots @16: 11 / 5 ms)');
    expect(targets).toContain('scale phase: 160 MiB');
    const small = checkTargets(results({ scale: { ...scale, restaurants: 2000 } })).join('\n');
    expect(small).toContain(
      'within 2× of its value at 500: not measured in this run (the phase loaded 2,000 restaurants: search-prefix-city @16: 9 / 5 ms',
    );
    expect(markdown(results({ scale }))).toContain('| search-prefix-city | 16 | 1500 | 9 / 10 | 2000 | 5 | 1.80 | 0.75 | 0 |');
  });
});
