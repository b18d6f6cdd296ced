import { createTestDatabase, spawnServer, type SpawnedServer, type TestDatabase } from '@tablebook/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createClient, TablebookError } from '../src/index.ts';
import { ADMIN_TOKEN, dayFromNow, restaurantInput } from './support/fixtures.ts';
import { type RestartableServer, restartableServer } from './support/restartable-server.ts';

interface Item {
  id: string;
  type: string;
  table?: string | undefined;
  resumed?: boolean | undefined;
}

const until = async (check: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};

/** The server's gauge of live streams open now (its Prometheus metrics, behind the admin token). */
async function openStreams(url: string): Promise<number> {
  const response = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  const gauge = /^tablebook_open_streams (\d+)$/m.exec(await response.text());
  if (!gauge) throw new Error(`no tablebook_open_streams in ${url}/metrics`);
  return Number(gauge[1]);
}

/**
 * A server that shuts down cleanly (SIGTERM: it drains, ending its live streams with tRPC's `return`)
 * and comes back on the same port and database. The subscription must reconnect on its own and resume
 * from the last event's id: what was booked meanwhile (through a second server on the same database,
 * as clients of a drained server find another) arrives once, then what is booked after. Two servers
 * on one database need PostgreSQL; without one the suite is skipped, as every PostgreSQL suite is.
 */
export function describeServerRestart(): void {
  const postgresUrl = inject('postgresUrl');
  describe.skipIf(!postgresUrl)('live updates across a clean server restart', () => {
    let database: TestDatabase | undefined;
    let restarting: RestartableServer | undefined;
    let other: SpawnedServer | undefined;
    beforeAll(async () => {
      database = await createTestDatabase(postgresUrl);
      const env = { DATABASE_URL: database.url, ADMIN_TOKEN };
      restarting = await restartableServer(env);
      // Both migrate the same empty database: the migrations' advisory lock lets one at a time.
      [other] = await Promise.all([spawnServer(env), restarting.start()]);
    });
    afterAll(async () => {
      await Promise.all([restarting?.stop(), other?.stop()]);
      await database?.drop();
    });

    it('reconnects after a drain with the last event id: the events booked meanwhile arrive once, then new ones', async (context) => {
      const server = restarting as RestartableServer;
      const elsewhere = createClient({ url: (other as SpawnedServer).url, token: ADMIN_TOKEN });
      const restaurant = await elsewhere.restaurant.create.mutate(restaurantInput({ name: 'Client Live Restart' }));
      const items: Item[] = [];
      const states: { state: string; error: unknown }[] = [];
      const endings: string[] = [];
      const subscription = createClient({ url: server.url, token: ADMIN_TOKEN }).reservation.onChange.subscribe(
        { restaurantId: restaurant.id, ready: true },
        {
          onData: ({ id, data }) =>
            items.push({
              id,
              type: data.type,
              table: 'reservation' in data ? data.reservation.table : undefined,
              ...('resumed' in data ? { resumed: data.resumed } : {}),
            }),
          onConnectionStateChange: (state) => states.push({ state: state.state, error: state.error }),
          onStopped: () => endings.push('stopped'),
          onComplete: () => endings.push('complete'),
          onError: (error) => endings.push(`error ${String(error)}`),
        },
      );
      context.onTestFinished(() => subscription.unsubscribe());
      const day = dayFromNow(11);
      const book = (client: typeof elsewhere, table: string) =>
        client.reservation.create.mutate({ restaurantId: restaurant.id, table, date: day });

      await until(() => items.length === 1, 'the ready notice');
      await book(elsewhere, 'A1');
      await until(() => items.length === 2, 'the first booking');

      await server.stop();
      // The drain's end is no end of the subscription: it says it is reconnecting, and why.
      await until(() => states.some((state) => state.error !== null), 'a connecting state after the drain');
      const drained = states.find((state) => state.error !== null);
      expect(drained).toMatchObject({
        state: 'connecting',
        error: {
          name: 'TablebookError',
          reason: 'NETWORK_ERROR',
          retryable: true,
          message: expect.stringMatching(/ended the live stream/),
        },
      });
      expect(drained?.error).toBeInstanceOf(TablebookError);
      await book(elsewhere, 'A2');

      await server.start();
      await until(() => items.some((item) => item.table === 'A2'), 'the booking made while the server was away');
      await book(createClient({ url: server.url, token: ADMIN_TOKEN }), 'A3');
      await until(() => items.some((item) => item.table === 'A3'), 'a booking after the restart');

      expect(items.map(({ type, table, resumed }) => ({ type, table, resumed }))).toEqual([
        { type: 'ready', table: undefined, resumed: false },
        { type: 'created', table: 'A1', resumed: undefined },
        // The reopened stream resumed: everything since the last id follows, each once.
        { type: 'ready', table: undefined, resumed: true },
        { type: 'created', table: 'A2', resumed: undefined },
        { type: 'created', table: 'A3', resumed: undefined },
      ]);
      expect(endings).toEqual([]);
      expect(states.filter((state) => state.state === 'idle')).toEqual([]);

      // One stream, the resumed one; unsubscribed, the subscription is over and its stream closes.
      expect(await openStreams(server.url)).toBe(1);
      subscription.unsubscribe();
      await until(async () => (await openStreams(server.url)) === 0, 'the stream to close after unsubscribe', 5000);
      expect(endings).toEqual([]);
    });
  });
}
