// Issue 15, "Limits live in the database": GET/PUT /api/admin/settings (and settings.* over tRPC) read and
// change the stored daily limits; a change decides the next booking, cancels nothing; a server process
// adopts its environment's limits only into a new database and warns when they differ from the stored ones.
import { request as httpRequest } from 'node:http';
import { settings } from '@tablebook/db';
import { createTestDatabase, spawnServer, type SpawnedServer, type TestDatabase } from '@tablebook/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  expectErrorEnvelope,
  expectSuccessEnvelope,
  request,
  restaurantBody,
  useServer,
  type JsonResponse,
  type RunningServer,
} from './helpers.ts';
import { fetchValidated, validateResponse } from './support/openapi-validator.ts';

const postgresUrl = inject('postgresUrl');
const DEFAULTS = { globalDailyLimit: 20, restaurantDailyLimit: 15 };

type Call = (method: string, path: string, options?: Parameters<typeof request>[3]) => Promise<JsonResponse>;

const storedRow = async (running: RunningServer) => {
  const [row] = await running.database.db
    .select({ globalDailyLimit: settings.globalDailyLimit, restaurantDailyLimit: settings.restaurantDailyLimit })
    .from(settings);
  return row;
};

/** The REST and tRPC contract and the effect on bookings, on whichever database `running` has. */
function describeSettings(running: () => RunningServer) {
  const call: Call = (method, path, options) => request(running().url, method, path, options);
  const put = (json: unknown) => call('PUT', '/api/admin/settings', { json });
  const createRestaurant = async (name: string) =>
    expectSuccessEnvelope(await call('POST', '/api/admin/restaurant', { json: restaurantBody({ name }) }), 201).id as string;
  const book = (restaurantId: string, table: string, date: string) =>
    call('POST', `/api/admin/restaurant/${restaurantId}/reservations`, { json: { table, date } });
  const liveOn = async (restaurantId: string, date: string) =>
    (
      expectSuccessEnvelope(await call('GET', `/api/admin/restaurant/${restaurantId}/reservations?date=${date}`)) as { status: string }[]
    ).map((reservation) => reservation.status);

  afterAll(async () => {
    // Leave the defaults for whatever runs next on this database.
    await put(DEFAULTS);
  });

  it('GET answers the stored limits; PUT changes either or both and answers the stored values', async () => {
    const read = await call('GET', '/api/admin/settings');
    expect(expectSuccessEnvelope(read)).toEqual(DEFAULTS);
    expect(read.body.message).toBe('Settings retrieved');

    const restaurantOnly = await put({ restaurantDailyLimit: 12 });
    expect(expectSuccessEnvelope(restaurantOnly)).toEqual({ globalDailyLimit: 20, restaurantDailyLimit: 12 });
    expect(restaurantOnly.body.message).toBe('Settings updated');
    expect(expectSuccessEnvelope(await put({ globalDailyLimit: 33 }))).toEqual({ globalDailyLimit: 33, restaurantDailyLimit: 12 });
    // Unknown fields are ignored, as in every other body.
    expect(expectSuccessEnvelope(await put({ globalDailyLimit: 40, restaurantDailyLimit: 30, colour: 'red' }))).toEqual({
      globalDailyLimit: 40,
      restaurantDailyLimit: 30,
    });
    expect(expectSuccessEnvelope(await call('GET', '/api/admin/settings'))).toEqual({ globalDailyLimit: 40, restaurantDailyLimit: 30 });
    expect(await storedRow(running())).toEqual({ globalDailyLimit: 40, restaurantDailyLimit: 30 });
    // The bounds themselves are allowed.
    expect(expectSuccessEnvelope(await put({ globalDailyLimit: 1_000_000, restaurantDailyLimit: 1 }))).toEqual({
      globalDailyLimit: 1_000_000,
      restaurantDailyLimit: 1,
    });
    expect(expectSuccessEnvelope(await put(DEFAULTS))).toEqual(DEFAULTS);
  });

  it.each([
    [{ globalDailyLimit: 0 }, [{ path: 'globalDailyLimit', message: 'globalDailyLimit must be at least 1' }]],
    [{ restaurantDailyLimit: 0 }, [{ path: 'restaurantDailyLimit', message: 'restaurantDailyLimit must be at least 1' }]],
    [{ globalDailyLimit: 1_000_001 }, [{ path: 'globalDailyLimit', message: 'globalDailyLimit must be at most 1000000' }]],
    [{ restaurantDailyLimit: 1_000_001 }, [{ path: 'restaurantDailyLimit', message: 'restaurantDailyLimit must be at most 1000000' }]],
    // A valid value beside an invalid one changes nothing either.
    [
      { globalDailyLimit: 30, restaurantDailyLimit: -1 },
      [{ path: 'restaurantDailyLimit', message: 'restaurantDailyLimit must be at least 1' }],
    ],
    [{ globalDailyLimit: 2.5 }, [{ path: 'globalDailyLimit', message: 'globalDailyLimit must be an integer' }]],
    [{ globalDailyLimit: '25' }, [{ path: 'globalDailyLimit', message: 'globalDailyLimit must be an integer' }]],
    [{ restaurantDailyLimit: null }, [{ path: 'restaurantDailyLimit', message: 'restaurantDailyLimit must be an integer' }]],
    [{}, [{ path: '', message: 'give globalDailyLimit, restaurantDailyLimit or both' }]],
    [{ colour: 'red' }, [{ path: '', message: 'give globalDailyLimit, restaurantDailyLimit or both' }]],
  ])('PUT %j is 400 INVALID_INPUT naming the issue, and changes nothing', async (body, issues) => {
    const before = await storedRow(running());
    const refused = await put(body);
    expectErrorEnvelope(refused, 400, 'INVALID_INPUT');
    // Each issue also carries its machine-readable code and parameters (checked in refusal-details.test.ts).
    expect(refused.body.data.issues).toEqual(issues.map((issue) => expect.objectContaining(issue)));
    expect(await storedRow(running())).toEqual(before);
  });

  it('is served over tRPC as settings.get and settings.update', async () => {
    const base = running().url;
    const got = await fetch(`${base}/trpc/settings.get`);
    expect(got.status).toBe(200);
    expect(((await got.json()) as { result: { data: unknown } }).result.data).toEqual(DEFAULTS);
    const mutate = (input: unknown) =>
      fetch(`${base}/trpc/settings.update`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
    const changed = await mutate({ restaurantDailyLimit: 16 });
    expect(((await changed.json()) as { result: { data: unknown } }).result.data).toEqual({
      globalDailyLimit: 20,
      restaurantDailyLimit: 16,
    });
    const refused = await mutate({ globalDailyLimit: 0 });
    expect(refused.status).toBe(400);
    const error = ((await refused.json()) as { error: { data: { reason: string; issues: unknown } } }).error;
    expect(error.data).toMatchObject({
      reason: 'INVALID_INPUT',
      issues: [{ path: 'globalDailyLimit', message: 'globalDailyLimit must be at least 1' }],
    });
    expect(expectSuccessEnvelope(await put(DEFAULTS))).toEqual(DEFAULTS);
  });

  it("lowering the restaurant limit below a day's bookings cancels nothing and refuses the next; raising it lets one through", async () => {
    const restaurantId = await createRestaurant('Límite propio');
    const [full, other] = ['2041-05-01', '2041-05-02'];
    for (const table of ['A0', 'A1', 'A2', 'A3']) expect((await book(restaurantId, table, full)).status).toBe(201);

    expect(expectSuccessEnvelope(await put({ restaurantDailyLimit: 2 }))).toEqual({ globalDailyLimit: 20, restaurantDailyLimit: 2 });
    expect(await liveOn(restaurantId, full)).toEqual(['confirmed', 'confirmed', 'confirmed', 'confirmed']);
    const refused = await book(restaurantId, 'B0', full);
    expectErrorEnvelope(refused, 409, 'RESTAURANT_DAILY_LIMIT');
    const availability = expectSuccessEnvelope(await call('GET', `/api/admin/restaurant/${restaurantId}/availability?date=${full}`));
    expect(availability.restaurantRemaining).toBe(0);
    // Another day takes exactly the new limit.
    expect((await book(restaurantId, 'A0', other)).status).toBe(201);
    expect((await book(restaurantId, 'A1', other)).status).toBe(201);
    expectErrorEnvelope(await book(restaurantId, 'A2', other), 409, 'RESTAURANT_DAILY_LIMIT');

    expect(expectSuccessEnvelope(await put({ restaurantDailyLimit: 5 })).restaurantDailyLimit).toBe(5);
    expect((await book(restaurantId, 'B0', full)).status).toBe(201);
    expectErrorEnvelope(await book(restaurantId, 'B1', full), 409, 'RESTAURANT_DAILY_LIMIT');
    expect(await liveOn(restaurantId, full)).toHaveLength(5);
    expect(expectSuccessEnvelope(await put(DEFAULTS))).toEqual(DEFAULTS);
  });

  it("lowering the global limit below a day's bookings cancels nothing and refuses the next; raising it lets one through", async () => {
    const [first, second] = [await createRestaurant('Global uno'), await createRestaurant('Global dos')];
    const day = '2041-06-01';
    for (const table of ['A0', 'A1']) {
      expect((await book(first, table, day)).status).toBe(201);
      expect((await book(second, table, day)).status).toBe(201);
    }
    expect(expectSuccessEnvelope(await put({ globalDailyLimit: 3 }))).toEqual({ globalDailyLimit: 3, restaurantDailyLimit: 15 });
    expect([...(await liveOn(first, day)), ...(await liveOn(second, day))]).toEqual(Array(4).fill('confirmed'));
    expectErrorEnvelope(await book(second, 'B0', day), 409, 'GLOBAL_DAILY_LIMIT');
    expect(expectSuccessEnvelope(await call('GET', `/api/admin/restaurant/${first}/availability?date=${day}`)).globalRemaining).toBe(0);

    expect(expectSuccessEnvelope(await put({ globalDailyLimit: 5 })).globalDailyLimit).toBe(5);
    expect((await book(second, 'B0', day)).status).toBe(201);
    expectErrorEnvelope(await book(first, 'B0', day), 409, 'GLOBAL_DAILY_LIMIT');
    expect(expectSuccessEnvelope(await put(DEFAULTS))).toEqual(DEFAULTS);
  });

  it('with an open administration, answers only requests addressed to a loopback host (403 FORBIDDEN_HOST otherwise)', async () => {
    const before = await storedRow(running());
    const { port } = new URL(running().url);
    const body = JSON.stringify({ globalDailyLimit: 1 });
    const rebound = await new Promise<{ status: number; body: any }>((resolve, reject) => {
      const outgoing = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method: 'PUT',
          path: '/api/admin/settings',
          headers: { host: 'attacker.example:5000', 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (incoming) => {
          let text = '';
          incoming.on('data', (chunk: Buffer) => (text += chunk.toString()));
          incoming.on('end', () => {
            try {
              validateResponse('PUT', `${running().url}/api/admin/settings`, incoming.statusCode ?? 0, incoming.headers, text);
              resolve({ status: incoming.statusCode ?? 0, body: JSON.parse(text) });
            } catch (error) {
              reject(error);
            }
          });
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });
    expect(rebound.status).toBe(403);
    expect(rebound.body).toMatchObject({ status: 'error', data: { reason: 'FORBIDDEN_HOST' } });
    expect(await storedRow(running())).toEqual(before);
  });
}

describe('the stored daily limits (PGlite)', () => {
  describeSettings(useServer());
});

describe.skipIf(!postgresUrl)('the stored daily limits (real PostgreSQL)', () => {
  let testDatabase: TestDatabase | undefined;
  beforeAll(async () => {
    testDatabase = await createTestDatabase(postgresUrl);
  });
  // Registered after the database's hook, so it runs after it (and its afterAll, before the drop).
  const running = useServer({
    get databaseUrl() {
      if (!testDatabase) throw new Error('the test database was not created');
      return testDatabase.url;
    },
  });
  afterAll(async () => {
    await testDatabase?.drop();
  });
  describeSettings(running);
});

describe('the settings behind ADMIN_TOKEN', () => {
  const running = useServer({ adminTokens: ['settings-token'] });
  const call: Call = (method, path, options) => request(running().url, method, path, options);
  const as = (token: string) => ({ authorization: `Bearer ${token}` });

  it('refuses GET and PUT without a valid token (401 UNAUTHORIZED), changing nothing', async () => {
    for (const headers of [{}, as('wrong-token'), { authorization: 'settings-token' }]) {
      expectErrorEnvelope(await call('GET', '/api/admin/settings', { headers }), 401, 'UNAUTHORIZED');
      expectErrorEnvelope(await call('PUT', '/api/admin/settings', { json: { globalDailyLimit: 2 }, headers }), 401, 'UNAUTHORIZED');
      // An invalid body is still a 401 first: nothing is said about the input to a caller without the token.
      expectErrorEnvelope(await call('PUT', '/api/admin/settings', { json: { globalDailyLimit: 0 }, headers }), 401, 'UNAUTHORIZED');
    }
    const trpc = await fetch(`${running().url}/trpc/settings.get`);
    expect(trpc.status).toBe(401);
    expect(await storedRow(running())).toEqual(DEFAULTS);
  });

  it('answers and changes them with the token', async () => {
    const headers = as('settings-token');
    expect(expectSuccessEnvelope(await call('GET', '/api/admin/settings', { headers }))).toEqual(DEFAULTS);
    const changed = await call('PUT', '/api/admin/settings', { json: { globalDailyLimit: 21 }, headers });
    expect(expectSuccessEnvelope(changed)).toEqual({ globalDailyLimit: 21, restaurantDailyLimit: 15 });
    expect(await storedRow(running())).toEqual({ globalDailyLimit: 21, restaurantDailyLimit: 15 });
  });

  it('is in the OpenAPI document under its own tag, admin-only, its PUT body required', async () => {
    const document = (await call('GET', '/api/openapi.json')).body;
    const operations = document.paths['/admin/settings'];
    expect(Object.keys(operations).sort()).toEqual(['get', 'put']);
    for (const operation of Object.values(operations) as Record<string, any>[]) {
      expect(operation['tags']).toEqual(['settings']);
      expect(operation['security']).toEqual([{ Authorization: [] }]);
      expect(Object.keys(operation['responses'])).toEqual(expect.arrayContaining(['200', '400', '401', '403']));
    }
    expect(operations.put.requestBody.required).toBe(true);
    expect(document.tags.map((tag: { name: string }) => tag.name)).toContain('settings');
  });
});

/** The pino lines a process printed, parsed (other output, if any, is skipped). */
const logLines = (server: SpawnedServer): Record<string, unknown>[] =>
  server
    .output()
    .split('\n')
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    });

const limitWarnings = (server: SpawnedServer) =>
  logLines(server).filter((line) => typeof line['variable'] === 'string' && line['level'] === 40);

describe.skipIf(!postgresUrl)('server processes and the stored limits (real PostgreSQL)', () => {
  let testDatabase: TestDatabase;
  const servers: SpawnedServer[] = [];
  const start = async (env: Record<string, string>) => {
    const server = await spawnServer({ DATABASE_URL: testDatabase.url, RATE_LIMIT: 'off', ...env });
    servers.push(server);
    return server;
  };
  const call = async (server: SpawnedServer, method: string, path: string, json?: unknown) => {
    const response = await fetchValidated(`${server.url}${path}`, {
      method,
      ...(json === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(json) }),
    });
    return { status: response.status, body: (await response.json()) as { data: any } };
  };

  beforeAll(async () => {
    testDatabase = await createTestDatabase(postgresUrl);
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await testDatabase?.drop();
  });

  it("a new database takes the environment's limits; a process whose environment differs warns, naming both values, and uses the stored ones", async () => {
    const first = await start({ RESTAURANT_DAILY_LIMIT: '3', GLOBAL_DAILY_LIMIT: '9' });
    expect((await call(first, 'GET', '/api/admin/settings')).body.data).toEqual({ globalDailyLimit: 9, restaurantDailyLimit: 3 });
    expect(limitWarnings(first), first.output()).toEqual([]);
    await first.stop();

    // A rolling deploy with other values, and a process without the variables, on the existing database.
    const [second, third, unset] = await Promise.all([
      start({ RESTAURANT_DAILY_LIMIT: '6', GLOBAL_DAILY_LIMIT: '30' }),
      start({ RESTAURANT_DAILY_LIMIT: '6', GLOBAL_DAILY_LIMIT: '30' }),
      start({ RESTAURANT_DAILY_LIMIT: '', GLOBAL_DAILY_LIMIT: '' }),
    ]);
    for (const server of [second, third]) {
      const warnings = limitWarnings(server);
      expect(
        warnings
          .map(({ variable, configured, stored }) => ({ variable, configured, stored }))
          .sort((a, b) => String(a.variable).localeCompare(String(b.variable))),
        server.output(),
      ).toEqual([
        { variable: 'GLOBAL_DAILY_LIMIT', configured: 30, stored: 9 },
        { variable: 'RESTAURANT_DAILY_LIMIT', configured: 6, stored: 3 },
      ]);
      const messages = warnings.map((line) => String(line['msg']));
      expect(messages.find((message) => message.includes('GLOBAL_DAILY_LIMIT'))).toMatch(/GLOBAL_DAILY_LIMIT=30\b.*\b9\b/);
      expect(messages.find((message) => message.includes('RESTAURANT_DAILY_LIMIT'))).toMatch(/RESTAURANT_DAILY_LIMIT=6\b.*\b3\b/);
    }
    expect(limitWarnings(unset), unset.output()).toEqual([]);
    for (const server of [second, third, unset]) {
      expect((await call(server, 'GET', '/api/admin/settings')).body.data).toEqual({ globalDailyLimit: 9, restaurantDailyLimit: 3 });
    }

    // The stored 3 rules, not the environment's 6.
    const created = await call(second, 'POST', '/api/admin/restaurant', restaurantBody({ name: 'Despliegue' }));
    const restaurantId = created.body.data.id as string;
    const book = (server: SpawnedServer, table: string) =>
      call(server, 'POST', `/api/admin/restaurant/${restaurantId}/reservations`, { table, date: '2042-02-02' });
    for (const table of ['A0', 'A1', 'A2']) expect((await book(second, table)).status).toBe(201);
    const refused = await book(third, 'A3');
    expect(refused.status).toBe(409);
    expect(refused.body.data.reason).toBe('RESTAURANT_DAILY_LIMIT');

    // A change made through one process decides the next booking on another at once.
    expect((await call(second, 'PUT', '/api/admin/settings', { restaurantDailyLimit: 4 })).body.data).toEqual({
      globalDailyLimit: 9,
      restaurantDailyLimit: 4,
    });
    expect((await book(third, 'A3')).status).toBe(201);
    expect((await book(unset, 'B0')).body.data.reason).toBe('RESTAURANT_DAILY_LIMIT');
  });
});
