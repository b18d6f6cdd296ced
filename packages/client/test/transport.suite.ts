import { freePort, type SpawnedServer } from '@tablebook/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient, type ClientOptions } from '../src/index.ts';
import { ADMIN_TOKEN, dayFromNow, failureOf, restaurantInput } from './support/fixtures.ts';
import { startFlakyProxy, startLocalServer, type Failure, type LocalServer } from './support/local-http.ts';

/** Retries, transport failures and request details, through real loopback servers and proxies. */
export function describeTransport(server: () => SpawnedServer): void {
  describe('the transport', () => {
    /** Short delays: the policy is the same, the suite stays fast. */
    const fastRetry = { retries: 3, baseDelayMs: 10, maxDelayMs: 50 };

    const started: LocalServer[] = [];
    afterEach(async () => {
      await Promise.all(started.splice(0).map((local) => local.close()));
    });

    async function proxy(failFirst: number, failure: Failure): Promise<LocalServer> {
      const local = await startFlakyProxy(server().url, failFirst, failure);
      started.push(local);
      return local;
    }

    async function local(...args: Parameters<typeof startLocalServer>): Promise<LocalServer> {
      const answering = await startLocalServer(...args);
      started.push(answering);
      return answering;
    }

    const clientFor = (url: string, options: Partial<ClientOptions> = {}) =>
      createClient({ url, token: ADMIN_TOKEN, retry: fastRetry, ...options });
    const direct = () => createClient({ url: server().url, token: ADMIN_TOKEN });

    describe('retrying queries', () => {
      it.each<Failure>(['reset', 'gateway-503', 'api-503'])('retries a query after %s and returns its answer', async (failure) => {
        const flaky = await proxy(2, failure);
        const cities = await clientFor(flaky.url).city.list.query({ search: 'Leticia' });
        expect(cities).toEqual([expect.objectContaining({ name: 'Leticia' })]);
        expect(flaky.received).toHaveLength(3);
      });

      it('gives up after the configured number of retries with the last failure', async () => {
        const flaky = await proxy(100, 'api-503');
        const error = await failureOf(clientFor(flaky.url, { retry: { ...fastRetry, retries: 2 } }).city.list.query());
        expect(error).toMatchObject({
          status: 503,
          code: 'SERVICE_UNAVAILABLE',
          reason: 'SERVICE_UNAVAILABLE',
          requestId: 'proxy-request',
        });
        expect(flaky.received).toHaveLength(3);
      });

      it('does not retry when retrying is turned off', async () => {
        const flaky = await proxy(100, 'gateway-503');
        expect(await failureOf(clientFor(flaky.url, { retry: false }).city.list.query())).toMatchObject({ status: 503 });
        expect(flaky.received).toHaveLength(1);
      });

      it('does not retry a query the server refused', async () => {
        const counting = await proxy(0, 'reset');
        const error = await failureOf(clientFor(counting.url).restaurant.byId.query({ id: '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b' }));
        expect(error.reason).toBe('NOT_FOUND');
        expect(counting.received).toHaveLength(1);
      });
    });

    describe('never retrying mutations', () => {
      it.each<[Failure, string]>([
        ['reset', 'NETWORK_ERROR'],
        ['api-503', 'SERVICE_UNAVAILABLE'],
      ])('sends a booking once when the answer is %s', async (failure, reason) => {
        const restaurant = await direct().restaurant.create.mutate(restaurantInput({ name: `Once ${failure}` }));
        const flaky = await proxy(1, failure);
        const day = dayFromNow(5);
        const error = await failureOf(
          clientFor(flaky.url).reservation.create.mutate({ restaurantId: restaurant.id, table: 'A0', date: day }),
        );
        expect(error.reason).toBe(reason);
        expect(flaky.received).toHaveLength(1);
        expect(await direct().reservation.list.query({ restaurantId: restaurant.id })).toEqual([]);
      });
    });

    describe('transport failures as TablebookError', () => {
      it('reports nothing listening as NETWORK_ERROR with status 0, after retrying', async () => {
        const url = `http://127.0.0.1:${await freePort()}`;
        const error = await failureOf(clientFor(url).city.list.query());
        expect(error).toMatchObject({ status: 0, code: 'NETWORK_ERROR', reason: 'NETWORK_ERROR', requestId: undefined, issues: [] });
        expect(error.message).toContain(url);
        expect(error.message).toContain('ECONNREFUSED');
      });

      it.each([
        [401, 'UNAUTHORIZED'],
        [403, 'FORBIDDEN'],
      ])('reports a %i from something other than the API with its reason', async (status, reason) => {
        const guard = await local((_request, response) => {
          response.writeHead(status, { 'content-type': 'text/plain' }).end('no');
        });
        const error = await failureOf(clientFor(guard.url).city.list.query());
        expect(error).toMatchObject({ status, code: reason, reason });
        expect(guard.received).toHaveLength(1);
      });

      it('reports a 401 whose JSON body is not an API error as UNAUTHORIZED', async () => {
        const guard = await local((_request, response) => {
          response.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"unauthorized"}');
        });
        expect(await failureOf(clientFor(guard.url).city.list.query())).toMatchObject({ status: 401, reason: 'UNAUTHORIZED' });
      });

      it('reports a page that is not the API as UNEXPECTED_RESPONSE', async () => {
        const other = await local((_request, response) => {
          response.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not here</h1>');
        });
        const error = await failureOf(clientFor(other.url).city.list.query());
        expect(error).toMatchObject({ status: 404, reason: 'UNEXPECTED_RESPONSE' });
        expect(error.message).toContain('text/html');
      });

      it('reports an aborted call as ABORTED without retrying it', async () => {
        const slow = await local(() => undefined);
        const controller = new AbortController();
        const call = clientFor(slow.url).city.list.query(undefined, { signal: controller.signal });
        setTimeout(() => controller.abort(), 50);
        expect(await failureOf(call)).toMatchObject({ status: 0, reason: 'ABORTED' });
        expect(slow.received).toHaveLength(1);
      });
    });

    describe('requests', () => {
      it('sends the token as a bearer Authorization header, with the extra headers', async () => {
        const recorder = await local((_request, response) => {
          response.writeHead(200, { 'content-type': 'application/json' }).end('[{"result":{"data":[]}}]');
        });
        await clientFor(recorder.url, { token: 's3cret', headers: { Authorization: 'Basic old', 'x-client': 'tests' } }).city.list.query();
        const [request] = recorder.received;
        expect(request?.headers).toMatchObject({ authorization: 'Bearer s3cret', 'x-client': 'tests' });
        expect(request?.url).toMatch(/^\/trpc\/city\.list\?batch=1/);
      });

      it('batches calls made together into one HTTP request', async () => {
        const counting = await proxy(0, 'reset');
        const api = clientFor(`${counting.url}/`);
        const [leticia, armenia, restaurants] = await Promise.all([
          api.city.list.query({ search: 'Leticia' }),
          api.city.list.query({ search: 'Armenia' }),
          api.restaurant.list.query({ limit: 1 }),
        ]);
        expect([leticia.length, armenia.length, restaurants.length <= 1]).toEqual([1, 2, true]);
        expect(counting.received).toHaveLength(1);
      });

      it('uses the fetch it is given', async () => {
        const seen: string[] = [];
        const api = createClient({
          url: server().url,
          token: ADMIN_TOKEN,
          fetch: (input, init) => {
            seen.push(String(input));
            return fetch(input, init);
          },
        });
        await api.city.list.query({ search: 'Leticia' });
        expect(seen).toEqual([expect.stringContaining(`${server().url}/trpc/city.list`)]);
      });
    });
  });
}
