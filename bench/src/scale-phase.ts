// The 100,000-restaurant phase (bench/src/scale/): run unless BENCH_SCALE is 0.
export { runScalePhase, type ScaleResult } from './scale/index.ts';

/** Why the phase does not run, or undefined when it does. */
export function scaleSkipReason(): string | undefined {
  return process.env['BENCH_SCALE'] === '0' ? 'BENCH_SCALE=0' : undefined;
}
