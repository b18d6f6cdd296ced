// V8's heap settings for every server process: the only one (WORKERS=1), the cluster primary and each
// worker. Left to itself V8 sizes the old generation for the machine, not for this server: with a
// large machine's heap limit it lets the old generation grow to up to four times what survived its
// last full collection before collecting again, so under `pnpm bench` one process reached 232-297 MiB
// resident with 35-55 MiB of live objects. --heap-growing-percent=30 collects it once it has grown by
// 30 % (V8 still grows it by at least 16 MiB at a time), which held the same load at 149-175 MiB for a
// few per cent more CPU per request (more full collections; README, "Settings"). V8's hard heap limit
// stays its own: no out-of-memory crash
// sooner than without the setting. The young generation is left as V8 sizes it (two semi-spaces of up
// to 16 MiB on Node 20): smaller ones cost the allocation-heavy requests up to twice the CPU.
//
// V8 reads the flag at every full collection, so it applies in a running process as on node's command
// line: the process started as `node apps/server/dist/main.js` (npm start, the bench, a supervisor)
// sets it on itself first thing, no second process; cluster workers get it on their command line.
// An operator's own heap flags (in NODE_OPTIONS or on node's command line) replace it entirely.
import v8 from 'node:v8';

/** How much the old generation may grow over what survived its last full collection (V8's own: up to 300 on a large machine). */
const HEAP_GROWING_PERCENT = 30;
/** The flags, as on node's command line. */
export const HEAP_FLAGS: readonly string[] = [`--heap-growing-percent=${HEAP_GROWING_PERCENT}`];

/** Set on a worker this server forks with HEAP_FLAGS on its command line: those flags are ours, not the operator's. */
export const HEAP_FLAGS_VARIABLE = 'TABLEBOOK_HEAP_FLAGS';

/** V8 flags that size or grow the heap; Node accepts both - and _ in their names. */
const HEAP_FLAG =
  /^--(max-old-space-size|max-semi-space-size|min-semi-space-size|max-heap-size|initial-heap-size|initial-old-space-size|heap-growing-percent|semi-space-growth-factor|optimize-for-size)(=|$)/;
const isHeapFlag = (argument: string) => HEAP_FLAG.test(argument.replace(/_/g, '-'));

/** The heap flags an operator gave node: on its command line or in NODE_OPTIONS, less those this server added itself. */
export function operatorHeapFlags(execArgv: readonly string[], env: NodeJS.ProcessEnv): string[] {
  const ours = new Set((env[HEAP_FLAGS_VARIABLE] ?? '').split(' ').filter(Boolean));
  const nodeOptions = (env['NODE_OPTIONS'] ?? '').split(/\s+/);
  return [...execArgv, ...nodeOptions].filter((argument) => isHeapFlag(argument) && !ours.has(argument));
}

export interface HeapSettings {
  /** Whose flags rule this process's heap. */
  by: 'operator' | 'tablebook';
  /** How: on node's command line (the operator's, or a worker's), or set by the running process itself. */
  how: 'command line' | 'at run time';
  flags: readonly string[];
}

let applied: HeapSettings | undefined;

/** What applyHeapSettings did in this process (logged at start). */
export const heapSettings = (): HeapSettings | undefined => applied;

/** Applies HEAP_FLAGS to this process, unless the operator gave heap flags of their own. */
export function applyHeapSettings(): HeapSettings {
  const operator = operatorHeapFlags(process.execArgv, process.env);
  if (operator.length > 0) {
    applied = { by: 'operator', how: 'command line', flags: operator };
  } else {
    const missing = HEAP_FLAGS.filter((flag) => !process.execArgv.includes(flag));
    for (const flag of missing) v8.setFlagsFromString(flag);
    applied = { by: 'tablebook', how: missing.length > 0 ? 'at run time' : 'command line', flags: HEAP_FLAGS };
  }
  return applied;
}

/** node's arguments for a cluster worker: HEAP_FLAGS before the primary's own, unless the operator gave heap flags. */
export function workerExecArgv(): string[] {
  if (heapSettings()?.by === 'operator') return [...process.execArgv];
  return [...HEAP_FLAGS.filter((flag) => !process.execArgv.includes(flag)), ...process.execArgv];
}
