// The 100,000-restaurant phase (bench/src/scale/index.ts, built separately): run when that file is there
// and BENCH_SCALE is not 0. Imported by its URL so that the bench runs, and typechecks, without it; the
// types below are the phase's agreed interface (its ScaleResult and runScalePhase's options).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { LoadRun } from './load.ts';
import type { ScenarioId } from './scenarios.ts';

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

type ScaleModule = { runScalePhase(options: ScaleOptions): Promise<ScaleResult> };

const SCALE_MODULE = new URL('./scale/index.ts', import.meta.url);

/** Why the phase does not run, or undefined when it does. */
export function scaleSkipReason(): string | undefined {
  if (process.env['BENCH_SCALE'] === '0') return 'BENCH_SCALE=0';
  if (!existsSync(fileURLToPath(SCALE_MODULE))) return 'bench/src/scale/index.ts is not there';
  return undefined;
}

export async function runScalePhase(options: ScaleOptions): Promise<ScaleResult> {
  const phase = (await import(SCALE_MODULE.href)) as ScaleModule;
  return phase.runScalePhase(options);
}
