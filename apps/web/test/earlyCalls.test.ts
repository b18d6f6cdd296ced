/**
 * The early start of a page's first queries (src/api/earlyCalls.ts): index.html's inline script sends
 * them before the app's code arrives, and the app's tRPC client takes their answers instead of asking
 * again (earlyLink.ts), or finds them in its query cache on its first render (earlySeed.ts). Against
 * the real server (PGlite in memory), with the real fetch; every request the client side sends is
 * counted on its way out.
 */
import { MAX_PARTY_SIZE } from '@tablebook/api/shared';
import { QueryClient } from '@tanstack/react-query';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import type { AppRouter } from '@tablebook/api';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../src/api/client.ts';
import { batchUrl, startEarlyCalls, takeEarlyAnswer } from '../src/api/earlyCalls.ts';
import { seedEarlyAnswers } from '../src/api/earlySeed.ts';
import { firstCallsAt } from '../src/early/firstCalls.ts';
import { filesFor, matchesRoute } from '../src/early/routeFiles.ts';
import { searchToday } from '../src/features/find/findDays.ts';
import { listInputFor, filtersFromParams } from '../src/features/find/findFilters.ts';
import { PAGE_SIZE } from '../src/features/find/FindPage.tsx';
import { addDays } from '../src/lib/days.ts';
import { startAppServer, type AppServer } from './support/appServer.ts';

const FRESH_MS = 5_000;

let server: AppServer;
/** Every city, as the server lists them (read before requests are counted). */
let allCities: unknown;
const trpcUrl = () => `${server.url}/trpc`;
/** The paths of every request sent, in order (the real fetch still sends them). */
const sent: string[] = [];
const realFetch = globalThis.fetch;

beforeAll(async () => {
  server = await startAppServer({ webApp: false, adminTokens: ['early-admin-token'] });
  const [bogota] = await server.api.city.list.query({ search: 'Bogotá' });
  await server.api.restaurant.create.mutate({
    name: 'Casa Sabor',
    address: 'Calle 10 # 5-51',
    description: 'Cocina de mercado.',
    photoUrl: 'https://example.com/casa-sabor.jpg',
    cityId: bogota!.id,
  });
  allCities = await server.api.city.list.query({});
  globalThis.fetch = (input, init) => {
    sent.push(new URL(input instanceof Request ? input.url : String(input)).pathname);
    return realFetch(input, init);
  };
});

afterEach(() => {
  globalThis.tablebookEarlyCalls = undefined;
  sent.length = 0;
});

afterAll(async () => {
  globalThis.fetch = realFetch;
  await server?.stop();
});

const findCalls = () => [
  { path: 'city.list', input: {} },
  { path: 'guest.restaurants', input: { date: searchToday(), limit: PAGE_SIZE } },
];
/** The app's client: what ApiProvider makes. */
const appClient = () => createApiClient({ url: trpcUrl(), earlyAnswersMaxAgeMs: FRESH_MS });

describe('early calls answered to the app', () => {
  it("answers the page's queries from the one early batch, each once", async () => {
    startEarlyCalls(findCalls(), trpcUrl());
    const client = appClient();
    const [cities, restaurants] = await Promise.all([
      client.city.list.query({}),
      client.guest.restaurants.query({ date: searchToday(), limit: PAGE_SIZE }),
    ]);
    expect(sent).toEqual(['/trpc/city.list,guest.restaurants']);
    expect(cities).toEqual(allCities);
    expect(restaurants.map((restaurant) => restaurant.name)).toEqual(['Casa Sabor']);

    // Used once: the same query again is the server's to answer.
    await client.city.list.query({});
    expect(sent).toEqual(['/trpc/city.list,guest.restaurants', '/trpc/city.list']);
  });

  it('leaves a query with other input, and every call of a client without early answers, to the server', async () => {
    startEarlyCalls(findCalls(), trpcUrl());
    await appClient().guest.restaurants.query({ date: searchToday(), limit: PAGE_SIZE + 1 });
    await createApiClient({ url: trpcUrl() }).city.list.query({});
    expect(sent).toEqual(['/trpc/city.list,guest.restaurants', '/trpc/guest.restaurants', '/trpc/city.list']);
  });

  it('lets the server refuse a query the early batch could not answer, in its own words', async () => {
    const refused = { date: searchToday(), limit: PAGE_SIZE, partySize: MAX_PARTY_SIZE + 5, time: '20:00' };
    startEarlyCalls([{ path: 'guest.restaurants', input: refused }], trpcUrl());
    const error = await appClient()
      .guest.restaurants.query(refused)
      .catch((caught: unknown) => caught);
    expect(sent).toEqual(['/trpc/guest.restaurants', '/trpc/guest.restaurants']);
    expect(error).toMatchObject({ data: { reason: 'INVALID_INPUT' } });
  });

  it('does not use an answer older than the app keeps answers fresh', async () => {
    startEarlyCalls(findCalls(), trpcUrl());
    await globalThis.tablebookEarlyCalls?.answers;
    expect(takeEarlyAnswer('city.list', {}, 0)).toBeUndefined();
    await createApiClient({ url: trpcUrl(), earlyAnswersMaxAgeMs: 0 }).city.list.query({});
    expect(sent).toEqual(['/trpc/city.list,guest.restaurants', '/trpc/city.list']);
  });

  it('puts the answers that have arrived into the query cache under the keys the pages ask with', async () => {
    startEarlyCalls(findCalls(), trpcUrl());
    await globalThis.tablebookEarlyCalls?.answers;
    await new Promise((resolve) => setTimeout(resolve, 20));
    const queryClient = new QueryClient();
    const client = appClient();
    seedEarlyAnswers(queryClient, client, FRESH_MS);
    const trpc = createTRPCOptionsProxy<AppRouter>({ client, queryClient });
    expect(queryClient.getQueryData(trpc.city.list.queryKey({}))).toEqual(allCities);
    const restaurantsKey = trpc.guest.restaurants.queryKey({ date: searchToday(), limit: PAGE_SIZE });
    expect(queryClient.getQueryData(restaurantsKey)?.map((restaurant) => restaurant.name)).toEqual(['Casa Sabor']);
    // Dated when the answer came, not when it went into the cache.
    const arrived = globalThis.tablebookEarlyCalls?.arrived?.at ?? Number.NaN;
    expect(queryClient.getQueryState(restaurantsKey)?.dataUpdatedAt).toBe(Math.round(performance.timeOrigin + arrived));
    // Taken: the link has nothing left to answer.
    expect(takeEarlyAnswer('city.list', {}, FRESH_MS)).toBeUndefined();
    expect(sent).toEqual(['/trpc/city.list,guest.restaurants']);
  });

  it("builds the URL tRPC's batch link asks with", () => {
    expect(batchUrl('/trpc/', findCalls().slice(0, 1))).toBe(`/trpc/city.list?batch=1&input=${encodeURIComponent('{"0":{}}')}`);
  });
});

describe('the calls and files started for an address', () => {
  it("starts the Find page's two queries with the inputs the page builds from its address", () => {
    const now = new Date();
    const today = searchToday(now);
    const later = addDays(today, 3);
    for (const search of ['', `?date=${later}&party=4`, '?name=Casa&city=7&time=20:00&party=6&min=2', '?date=2001-01-01']) {
      const filters = filtersFromParams(new URLSearchParams(search), today);
      expect(firstCallsAt({ pathname: '/', search }, now), search).toEqual([
        { path: 'city.list', input: {} },
        { path: 'guest.restaurants', input: listInputFor(filters, PAGE_SIZE) },
      ]);
    }
    expect(firstCallsAt({ pathname: '/', search: `?date=${later}` }, now)[1]?.input).toMatchObject({ date: later });
    expect(firstCallsAt({ pathname: '/restaurants/abc/day', search: '' }, now)).toEqual([]);
    expect(firstCallsAt({ pathname: '/cancel', search: '' }, now)).toEqual([]);
  });

  it('matches route patterns segment by segment', () => {
    expect(matchesRoute('/restaurants/:restaurantId/day', '/restaurants/0b6f/day')).toBe(true);
    expect(matchesRoute('/restaurants/:restaurantId/day', '/restaurants/0b6f/day/')).toBe(true);
    expect(matchesRoute('/restaurants/:restaurantId/day', '/restaurants//day')).toBe(false);
    expect(matchesRoute('/reservations', '/reservations/timeline')).toBe(false);
    expect(matchesRoute('/', '/')).toBe(true);
    expect(matchesRoute('/', '/cancel')).toBe(false);
    const routes = { '/reservations': ['/assets/a.js'], '/reservations/timeline': ['/assets/b.js', '/assets/b.css'] };
    expect(filesFor(routes, '/reservations/timeline')).toEqual(['/assets/b.js', '/assets/b.css']);
    expect(filesFor(routes, '/nowhere')).toEqual([]);
  });
});
