/**
 * The calls a page makes first, started by index.html's inline script while the app's code is still on
 * its way (src/early/start.ts, inlined by vite-plugins/earlyStart.ts), and handed to the app's tRPC
 * client when the page makes them (earlyLink.ts). On a phone on Fast 3G a page's first API answer
 * otherwise waits for the JavaScript to arrive and React to render (about 2.4 s), then for its own
 * round trip (562.5 ms of latency plus the server's time): started with the HTML, it has arrived by
 * the time the code runs.
 *
 * Both sides are built from this file, and they meet on one global: the inline script is a classic
 * script of its own, not a module of the app's bundle.
 */

/** A query the page is known to make on its first render: the tRPC path and the input it passes. */
export interface EarlyCall {
  path: string;
  input: unknown;
}

/** An early call's answer: its data, or undefined when it failed or was refused (the app then asks itself). */
type EarlyAnswer = { data: unknown } | undefined;

interface EarlyCalls {
  /** The calls, in the batch's order, and the key of each (keyOf). */
  calls: readonly EarlyCall[];
  keys: string[];
  answers: Promise<EarlyAnswer[]>;
  /** The answers once they have arrived, and when (performance.now()). */
  arrived?: { answers: EarlyAnswer[]; at: number };
  /** Keys already handed to the app: an answer is used once, a later call of the same query asks the server. */
  taken: Set<string>;
}

declare global {
  // A global of the page (globalThis, so that tests in Node can start calls too).
  var tablebookEarlyCalls: EarlyCalls | undefined;
}

/** Calls match when path and input do; inputs are built by the same functions on both sides, so in the same key order. */
const keyOf = (path: string, input: unknown) => JSON.stringify([path, input ?? null]);

/** The URL tRPC's httpBatchLink asks for these queries with (a GET, the inputs by their index). */
export function batchUrl(base: string, calls: readonly EarlyCall[]): string {
  const inputs = Object.fromEntries(calls.map((call, index) => [index, call.input]));
  return `${base.replace(/\/$/, '')}/${calls.map((call) => call.path).join(',')}?batch=1&input=${encodeURIComponent(JSON.stringify(inputs))}`;
}

/** One answer of a batch: only a success is kept; an error is left for the app's own call to meet and show. */
function answerOf(item: unknown): EarlyAnswer {
  if (typeof item !== 'object' || item === null || !('result' in item)) return undefined;
  const { result } = item as { result: unknown };
  if (typeof result !== 'object' || result === null || !('data' in result)) return undefined;
  return { data: (result as { data: unknown }).data };
}

/** Sends the calls in one batch, at once (the inline script's work). Nothing is thrown: a failure leaves the app to ask. */
export function startEarlyCalls(calls: readonly EarlyCall[], base = '/trpc'): void {
  if (calls.length === 0) return;
  const early: EarlyCalls = {
    calls,
    keys: calls.map((call) => keyOf(call.path, call.input)),
    taken: new Set(),
    answers: fetch(batchUrl(base, calls), { credentials: 'same-origin' })
      .then((response) => response.json())
      .then((body: unknown) => calls.map((_, index) => (Array.isArray(body) ? answerOf(body[index]) : undefined)))
      .catch(() => calls.map(() => undefined))
      .then((answers) => {
        early.arrived = { answers, at: performance.now() };
        return answers;
      }),
  };
  globalThis.tablebookEarlyCalls = early;
}

/** Answers that arrived more than `maxAgeMs` ago are not used: the app's own staleness, an answer that old would be asked for again. */
const isFresh = (early: EarlyCalls, maxAgeMs: number) => early.arrived === undefined || performance.now() - early.arrived.at <= maxAgeMs;

/**
 * The early answer to this query, once: a promise of its data (undefined when the early call failed),
 * or undefined when no early call matches, it was already taken, or it is no longer fresh.
 */
export function takeEarlyAnswer(path: string, input: unknown, maxAgeMs: number): Promise<EarlyAnswer> | undefined {
  const early = globalThis.tablebookEarlyCalls;
  if (!early || !isFresh(early, maxAgeMs)) return undefined;
  const key = keyOf(path, input);
  const index = early.keys.indexOf(key);
  if (index < 0 || early.taken.has(key)) return undefined;
  early.taken.add(key);
  return early.answers.then((answers) => answers[index]);
}

/** An early answer with its data, and when it arrived (ms since the epoch, as Date.now()). */
export interface ArrivedAnswer extends EarlyCall {
  data: unknown;
  receivedAt: number;
}

/**
 * Every early answer that has already arrived with data and is fresh, taken at once: for the app to put
 * into its query cache before its first render, so that render shows them (no loading state, no second
 * render). Answers still on their way are left for takeEarlyAnswer.
 */
export function takeArrivedAnswers(maxAgeMs: number): ArrivedAnswer[] {
  const early = globalThis.tablebookEarlyCalls;
  if (!early?.arrived || !isFresh(early, maxAgeMs)) return [];
  const { answers, at } = early.arrived;
  const receivedAt = Math.round(performance.timeOrigin + at);
  const taken: ArrivedAnswer[] = [];
  early.calls.forEach((call, index) => {
    const key = early.keys[index]!;
    const answer = answers[index];
    if (!answer || early.taken.has(key)) return;
    early.taken.add(key);
    taken.push({ ...call, data: answer.data, receivedAt });
  });
  return taken;
}
