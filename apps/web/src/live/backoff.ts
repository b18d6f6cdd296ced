/** The first wait after a stream drops; each failed attempt doubles it, up to the cap. */
const FIRST_RECONNECT_DELAY_MS = 500;
/** No page waits longer than this between attempts, however long the server has been away. */
export const MAX_RECONNECT_DELAY_MS = 5_000;
/** A stream that stayed open this long was healthy: its next drop starts the backoff over. */
export const STABLE_STREAM_MS = 10_000;
/** How much of each wait is random, so pages dropped together (a restart) do not all return together. */
const JITTER = 0.2;

/**
 * The wait before reconnection attempt `attempt` (0 for the first after a drop): 0.5 s, 1 s, 2 s,
 * 4 s, then 5 s, each shortened by up to a fifth at random. Jitter only shortens, so the cap holds.
 */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(FIRST_RECONNECT_DELAY_MS * 2 ** Math.max(0, attempt), MAX_RECONNECT_DELAY_MS);
  return Math.round(base * (1 - JITTER * random()));
}
