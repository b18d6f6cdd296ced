import type { SpawnedServer } from '@tablebook/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient, type ClientOptions, TablebookError } from '../src/index.ts';
import { ADMIN_TOKEN, dayFromNow, restaurantInput } from './support/fixtures.ts';
import { startLocalServer, type LocalServer } from './support/local-http.ts';

type Client = ReturnType<typeof createClient>;
type OnChangeInput = Parameters<Client['reservation']['onChange']['subscribe']>[0];

interface Received {
  events: unknown[];
  states: { state: string; error: unknown }[];
  failure: Promise<unknown>;
  unsubscribe(): void;
}

/** Subscribes to a restaurant's changes and records what arrives. */
function watch(options: ClientOptions, input: OnChangeInput): Received {
  const events: unknown[] = [];
  const states: Received['states'] = [];
  let failed!: (error: unknown) => void;
  const failure = new Promise<unknown>((resolve) => (failed = resolve));
  const subscription = createClient(options).reservation.onChange.subscribe(input, {
    onData: (event) => events.push(event),
    onError: (error) => failed(error),
    onConnectionStateChange: (state) => states.push({ state: state.state, error: state.error }),
  });
  return { events, states, failure, unsubscribe: () => subscription.unsubscribe() };
}

const until = async (check: () => boolean, what: string, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};

/** Live updates through the client: server-sent events with the token, failures as TablebookError. */
export function describeSubscriptions(server: () => SpawnedServer): void {
  describe('live updates (subscriptions)', () => {
    const started: LocalServer[] = [];
    const watching: Received[] = [];
    afterEach(async () => {
      for (const subscription of watching.splice(0)) subscription.unsubscribe();
      await Promise.all(started.splice(0).map((local) => local.close()));
    });
    const admin = () => createClient({ url: server().url, token: ADMIN_TOKEN });
    const track = (received: Received) => {
      watching.push(received);
      return received;
    };

    it("delivers a restaurant's booking as it happens", async () => {
      const restaurant = await admin().restaurant.create.mutate(restaurantInput({ name: 'Client Live' }));
      const live = track(watch({ url: server().url, token: ADMIN_TOKEN }, { restaurantId: restaurant.id, ready: true }));
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

    it("reports the API's refusal of a stream (no token) as a TablebookError with its reason", async () => {
      const restaurant = await admin().restaurant.create.mutate(restaurantInput({ name: 'Client Live Refused' }));
      const refused = track(watch({ url: server().url }, { restaurantId: restaurant.id }));
      const error = await refused.failure;
      expect(error).toBeInstanceOf(TablebookError);
      expect(error).toMatchObject({ status: 401, reason: 'UNAUTHORIZED', category: 'auth', requestId: expect.any(String) });
    });

    it("sends the token and the caller's headers; an answer that is not a stream (a proxy's 401) is a TablebookError, once", async () => {
      const guard = await startLocalServer((_request, response) => {
        response.writeHead(401, { 'content-type': 'text/plain' }).end('no');
      });
      started.push(guard);
      const options = { url: guard.url, token: ADMIN_TOKEN, headers: { 'x-client': 'live-test' } };
      const error = await track(watch(options, { restaurantId: crypto.randomUUID() })).failure;
      expect(error).toMatchObject({ name: 'TablebookError', status: 401, reason: 'UNAUTHORIZED' });
      expect(guard.received).toHaveLength(1);
      expect(guard.received[0]?.url).toMatch(/^\/trpc\/reservation\.onChange\?/);
      expect(guard.received[0]?.headers).toMatchObject({
        authorization: `Bearer ${ADMIN_TOKEN}`,
        'x-client': 'live-test',
        accept: 'text/event-stream',
      });
    });

    it('keeps reconnecting while nothing answers, each try reported as NETWORK_ERROR', async () => {
      const gone = await startLocalServer((request) => {
        request.socket.destroy();
      });
      started.push(gone);
      const live = track(watch({ url: gone.url, token: ADMIN_TOKEN }, { restaurantId: crypto.randomUUID() }));
      await until(() => live.states.some((state) => state.error !== null), 'a connection error');
      const failed = live.states.find((state) => state.error !== null);
      expect(failed).toMatchObject({ state: 'connecting', error: { name: 'TablebookError', status: 0, reason: 'NETWORK_ERROR' } });
      expect(failed?.error).toBeInstanceOf(TablebookError);
    });
  });
}
