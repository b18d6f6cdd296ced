import type { SpawnedServer } from '@tablebook/testing';
import { describe, expect, it, type TestContext } from 'vitest';
import { createClient, type ClientOptions, TablebookError } from '../src/index.ts';
import { ADMIN_TOKEN, dayFromNow, restaurantInput } from './support/fixtures.ts';
import { forward, startLocalServer } from './support/local-http.ts';

type Client = ReturnType<typeof createClient>;
type OnChangeInput = Parameters<Client['reservation']['onChange']['subscribe']>[0];

interface Received {
  events: unknown[];
  states: { state: string; error: unknown }[];
  failure: Promise<unknown>;
  /** Whether onError was called (the subscription has ended). */
  ended(): boolean;
  unsubscribe(): void;
}

/** Subscribes to a restaurant's changes and records what arrives. */
function watch(options: ClientOptions, input: OnChangeInput): Received {
  const events: unknown[] = [];
  const states: Received['states'] = [];
  let failed!: (error: unknown) => void;
  let ended = false;
  const failure = new Promise<unknown>((resolve) => (failed = resolve));
  const subscription = createClient(options).reservation.onChange.subscribe(input, {
    onData: (event) => events.push(event),
    onError: (error) => {
      ended = true;
      failed(error);
    },
    onConnectionStateChange: (state) => states.push({ state: state.state, error: state.error }),
  });
  return { events, states, failure, ended: () => ended, unsubscribe: () => subscription.unsubscribe() };
}

const until = async (check: () => boolean, what: string, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** EventSource's wait before it connects again (the `eventsource` package's default; no stream here sets `retry:`). */
const RECONNECT_INTERVAL_MS = 3000;

/** The API's own answer to a stream while its database is down (one procedure: one error, not a batch's array). */
const apiUnavailable = JSON.stringify({
  error: {
    message: 'The database is unavailable; try again shortly',
    code: -32603,
    data: { code: 'SERVICE_UNAVAILABLE', httpStatus: 503, reason: 'SERVICE_UNAVAILABLE', requestId: 'proxy-request' },
  },
});

/**
 * Live updates through the client: server-sent events with the token, failures as TablebookError.
 * The tests that wait for EventSource's reconnect interval run concurrently, so the file waits it once;
 * each cleans up after itself.
 */
export function describeSubscriptions(server: () => SpawnedServer): void {
  describe('live updates (subscriptions)', () => {
    const admin = () => createClient({ url: server().url, token: ADMIN_TOKEN });
    const track = (context: TestContext, received: Received) => {
      context.onTestFinished(() => received.unsubscribe());
      return received;
    };
    const local = async (context: TestContext, ...args: Parameters<typeof startLocalServer>) => {
      const started = await startLocalServer(...args);
      context.onTestFinished(() => started.close());
      return started;
    };

    it("delivers a restaurant's booking as it happens", async (context) => {
      const restaurant = await admin().restaurant.create.mutate(restaurantInput({ name: 'Client Live' }));
      const live = track(context, watch({ url: server().url, token: ADMIN_TOKEN }, { restaurantId: restaurant.id, ready: true }));
      await until(() => live.events.length > 0, 'the ready notice');
      expect(live.events[0]).toMatchObject({ data: { type: 'ready', resumed: false } });

      const day = dayFromNow(9);
      const booked = await admin().reservation.create.mutate({ restaurantId: restaurant.id, table: 'A1', date: day });
      await until(() => live.events.length > 1, 'the booking event');
      expect(live.events[1]).toMatchObject({
        id: expect.any(String),
        data: { type: 'created', reservation: { id: booked.id, table: 'A1', date: day } },
      });
    });

    it("reports the API's refusal of a stream (no token) as a TablebookError with its reason", async (context) => {
      const restaurant = await admin().restaurant.create.mutate(restaurantInput({ name: 'Client Live Refused' }));
      const refused = track(context, watch({ url: server().url }, { restaurantId: restaurant.id }));
      const error = await refused.failure;
      expect(error).toBeInstanceOf(TablebookError);
      expect(error).toMatchObject({ status: 401, reason: 'UNAUTHORIZED', category: 'auth', requestId: expect.any(String) });
    });

    it.concurrent("sends the token and the caller's headers; an answer that is not a stream (a proxy's 401) is a TablebookError, once", async (context) => {
      const guard = await local(context, (_request, response) => {
        response.writeHead(401, { 'content-type': 'text/plain' }).end('no');
      });
      const options = { url: guard.url, token: ADMIN_TOKEN, headers: { 'x-client': 'live-test' } };
      const error = await track(context, watch(options, { restaurantId: crypto.randomUUID() })).failure;
      expect(error).toMatchObject({ name: 'TablebookError', status: 401, reason: 'UNAUTHORIZED' });
      // Once: no second connection, even after the interval a reconnect would have waited.
      await sleep(RECONNECT_INTERVAL_MS + 500);
      expect(guard.received).toHaveLength(1);
      expect(guard.received[0]?.url).toMatch(/^\/trpc\/reservation\.onChange\?/);
      expect(guard.received[0]?.headers).toMatchObject({
        authorization: `Bearer ${ADMIN_TOKEN}`,
        'x-client': 'live-test',
        accept: 'text/event-stream',
      });
    });

    it.concurrent('keeps reconnecting while nothing answers, each try reported as NETWORK_ERROR', async (context) => {
      const gone = await local(context, (request) => {
        request.socket.destroy();
      });
      const live = track(context, watch({ url: gone.url, token: ADMIN_TOKEN }, { restaurantId: crypto.randomUUID() }));
      const failedTries = () => live.states.filter((state) => state.error !== null);
      await until(() => failedTries().length >= 2, 'two failed connections');
      expect(gone.received.length).toBeGreaterThanOrEqual(2);
      for (const failed of failedTries()) {
        expect(failed).toMatchObject({ state: 'connecting', error: { name: 'TablebookError', status: 0, reason: 'NETWORK_ERROR' } });
        expect(failed.error).toBeInstanceOf(TablebookError);
      }
      expect(live.ended()).toBe(false);
    });

    it.concurrent("reconnects after a gateway's 502, then delivers", async (context) => {
      const restaurant = await admin().restaurant.create.mutate(restaurantInput({ name: 'Client Live Gateway' }));
      const proxy = await local(context, (request, response, index) =>
        index === 1
          ? void response.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad Gateway</h1>')
          : forward(server().url, request, response),
      );
      const live = track(context, watch({ url: proxy.url, token: ADMIN_TOKEN }, { restaurantId: restaurant.id, ready: true }));
      await until(() => live.events.length > 0, 'the ready notice after the reconnect');
      expect(live.events[0]).toMatchObject({ data: { type: 'ready' } });
      expect(proxy.received).toHaveLength(2);
      expect(live.states.find((state) => state.error !== null)).toMatchObject({
        state: 'connecting',
        error: { name: 'TablebookError', status: 502, reason: 'SERVICE_UNAVAILABLE', category: 'unavailable', retryable: true },
      });
      expect(live.ended()).toBe(false);
    });

    it.concurrent("reconnects after the API's 503, not before its Retry-After, then delivers", async (context) => {
      const restaurant = await admin().restaurant.create.mutate(restaurantInput({ name: 'Client Live Unavailable' }));
      const retryAfterSeconds = 4; // longer than EventSource's own interval, so honouring it shows
      const arrivals: number[] = [];
      const proxy = await local(context, (request, response, index) => {
        arrivals.push(Date.now());
        if (index > 1) return forward(server().url, request, response);
        response.writeHead(503, { 'content-type': 'application/json', 'retry-after': String(retryAfterSeconds) }).end(apiUnavailable);
      });
      const live = track(context, watch({ url: proxy.url, token: ADMIN_TOKEN }, { restaurantId: restaurant.id, ready: true }));
      await until(() => live.events.length > 0, 'the ready notice after the reconnect');
      expect(live.events[0]).toMatchObject({ data: { type: 'ready' } });
      expect(proxy.received).toHaveLength(2);
      expect((arrivals[1] ?? 0) - (arrivals[0] ?? 0)).toBeGreaterThanOrEqual(retryAfterSeconds * 1000 - 50);
      const failed = live.states.find((state) => state.error !== null);
      expect(failed).toMatchObject({
        state: 'connecting',
        error: { status: 503, reason: 'SERVICE_UNAVAILABLE', requestId: 'proxy-request', retryable: true, retryAfterSeconds },
      });
      expect(failed?.error).toBeInstanceOf(TablebookError);
      expect(live.ended()).toBe(false);
    });
  });
}
