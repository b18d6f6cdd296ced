/** The first retry waits about this long; each further failure doubles it. */
export const BASE_RETRY_DELAY_MS = 5000;
/** No retry waits longer than this (before jitter). */
export const MAX_RETRY_DELAY_MS = 3_600_000;

/**
 * How long to wait after the `attempt`-th failed attempt (1-based) before the next one: exponential,
 * min(1 h, 5 s * 2^(attempt-1)), with jitter that spreads it over its upper half (x 0.5..1), so a burst
 * of messages that failed together (an SMTP outage) does not come back as one burst. `random` is
 * Math.random's contract, [0, 1).
 */
export function retryDelayMs(
  attempt: number,
  random: () => number = Math.random,
  limits: { baseMs?: number; maxMs?: number } = {},
): number {
  const base = limits.baseMs ?? BASE_RETRY_DELAY_MS;
  const max = limits.maxMs ?? MAX_RETRY_DELAY_MS;
  const exponent = Math.max(0, Math.floor(attempt) - 1);
  // 2^exponent overflows to Infinity long before it matters; min() keeps it finite.
  const ceiling = Math.min(max, base * 2 ** Math.min(exponent, 60));
  const jitter = 0.5 + Math.min(Math.max(random(), 0), 1) * 0.5;
  return Math.round(ceiling * jitter);
}
