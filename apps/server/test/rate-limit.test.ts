/**
 * The rate limits on a real PostgreSQL are counted in the database (rate_limits, migration 0009), so
 * they hold for the whole deployment: two limiters on one database (two processes) share a budget; a
 * failing database call counts in the process's memory instead and logs a warning; ended windows are
 * swept; and WORKERS=2 real server processes allow a guest-booking budget once in total, not per worker.
 */
import { request as httpRequest } from 'node:http';
import { createTestDatabase, freePort, spawnServer, type SpawnedServer, type TestDatabase } from '@tablebook/testing';
import { defaultRateLimits } from '@tablebook/api';
import { createDb, migrate, type DatabaseHandle } from '@tablebook/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SharedRateLimiter, type RateLimiterLog } from '../src/rate-limiter.ts';
import { DEFAULT_TABLES, expectErrorEnvelope, expectSuccessEnvelope, restaurantBody, type JsonResponse } from './helpers.ts';

const postgresUrl = inject('postgresUrl');

/** A logger that keeps what it was told (the limiter's only way to say its database failed). */
function recordingLog() {
  const lines: { level: 'warn' | 'info'; fields: Record<string, unknown>; message: string }[] = [];
  const record =
    (level: 'warn' | 'info') =>
    (first: unknown, second?: unknown): void => {
      if (typeof first === 'string') lines.push({ level, fields: {}, message: first });
      else lines.push({ level, fields: first as Record<string, unknown>, message: String(second) });
    };
  return { lines, log: { warn: record('warn'), info: record('info') } as unknown as RateLimiterLog };
}

const limits = { ...defaultRateLimits, guestBooking: 3 };

async function hits(limiter: SharedRateLimiter, count: number, address: string) {
  const allowed: boolean[] = [];
  for (let index = 0; index < count; index += 1) allowed.push((await limiter.hit('guestBooking', address)).allowed);
  return allowed;
}

describe.skipIf(!postgresUrl)('the shared rate limiter on PostgreSQL', () => {
  let testDatabase: TestDatabase;
  let database: DatabaseHandle;

  beforeAll(async () => {
    testDatabase = await createTestDatabase(postgresUrl);
    database = createDb(testDatabase.url);
    await migrate(database);
  });
  afterAll(async () => {
    await database?.close();
    await testDatabase?.drop().catch(() => undefined);
  });

  it('counts one budget for two processes, per bucket and address, with the time left in the window', async () => {
    const first = new SharedRateLimiter(database.pool!, limits, recordingLog().log);
    const second = new SharedRateLimiter(database.pool!, limits, recordingLog().log);
    const verdicts = [];
    for (let index = 0; index < 6; index += 1) verdicts.push(await (index % 2 === 0 ? first : second).hit('guestBooking', '203.0.113.1'));
    expect(verdicts.map((verdict) => verdict.allowed)).toEqual([true, true, true, false, false, false]);
    for (const verdict of verdicts) {
      expect(verdict.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(verdict.retryAfterSeconds).toBeLessThanOrEqual(60);
    }
    // Another address and another bucket have budgets of their own.
    expect((await second.hit('guestBooking', '203.0.113.2')).allowed).toBe(true);
    expect((await first.hit('public', '203.0.113.1')).allowed).toBe(true);
    // A forged forwarded address longer than the key column is hashed, not an error.
    expect(await hits(first, 4, `x${'9'.repeat(400)}`)).toEqual([true, true, true, false]);

    const rows = await database.pool!.query<{ key: string; points: number }>('select key, points from rate_limits order by key');
    const keys = rows.rows.map((row) => row.key);
    expect(keys).toHaveLength(4);
    expect([keys[0], keys[1], keys[3]]).toEqual(['guestBooking:203.0.113.1', 'guestBooking:203.0.113.2', 'public:203.0.113.1']);
    expect(keys[2]).toMatch(/^guestBooking:sha256:[0-9a-f]{64}$/);
    // Over the budget, each process answers from memory: at most budget + 1 writes per window and process.
    expect(rows.rows[0]!.points).toBeLessThanOrEqual(limits.guestBooking + 2);
  });

  it('deletes the counters of windows that ended over a minute ago, from the calls themselves', async () => {
    const now = Date.now();
    await database.pool!.query(`insert into rate_limits values ('public:198.51.100.9', 4, $1), ('public:198.51.100.10', 4, $2)`, [
      now - 2 * 60_000,
      now + 30_000,
    ]);
    // A new limiter sweeps at its first call (then every five minutes).
    const limiter = new SharedRateLimiter(database.pool!, limits, recordingLog().log);
    await limiter.hit('public', '198.51.100.11');
    await expect
      .poll(async () => (await database.pool!.query(`select key from rate_limits where key like 'public:198.51.100.%' order by key`)).rows)
      .toEqual([{ key: 'public:198.51.100.10' }, { key: 'public:198.51.100.11' }]);
  });

  it('counts in memory with one warning while its database call fails, and shares again once it answers', async () => {
    // A fresh database without migrations: the table is missing (42P01) until migrate() runs.
    const bare = await createTestDatabase(postgresUrl);
    const handle = createDb(bare.url);
    try {
      const { lines, log } = recordingLog();
      const limiter = new SharedRateLimiter(handle.pool!, limits, log);
      expect(await hits(limiter, 5, '192.0.2.1')).toEqual([true, true, true, false, false]);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({ level: 'warn', fields: { pgCode: '42P01', failures: 1 } });
      expect(lines[0]!.message).toMatch(/shared counters in PostgreSQL failed; counting in this process/);

      await migrate(handle);
      expect(await hits(limiter, 4, '192.0.2.1')).toEqual([true, true, true, false]);
      expect(lines.map((line) => line.level)).toEqual(['warn', 'info']);
      expect(lines[1]!.message).toMatch(/answer again/);
      const stored = await handle.pool!.query<{ points: number }>(`select points from rate_limits where key = 'guestBooking:192.0.2.1'`);
      expect(stored.rows[0]?.points).toBe(4);
    } finally {
      await handle.close();
      await bare.drop().catch(() => undefined);
    }
  });

  it('keeps limiting per process when the database cannot be reached', async () => {
    const unreachable = createDb(`postgres://postgres@127.0.0.1:${await freePort()}/nothing`, { connectionTimeoutMillis: 1000 });
    try {
      const { lines, log } = recordingLog();
      const limiter = new SharedRateLimiter(unreachable.pool!, { ...limits, failedAdminAuth: 2 }, log);
      const allowed = [];
      for (let index = 0; index < 4; index += 1) allowed.push((await limiter.hit('failedAdminAuth', '192.0.2.7')).allowed);
      expect(allowed).toEqual([true, true, false, false]);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({ level: 'warn', fields: { err: expect.any(Error) } });
    } finally {
      await unreachable.close();
    }
  });
});

/** One request on a connection of its own (no keep-alive), so that the cluster hands each to the next worker. */
function freshRequest(base: string, method: string, path: string, options: { json?: unknown; headers?: Record<string, string> }) {
  const body = options.json === undefined ? undefined : JSON.stringify(options.json);
  return new Promise<JsonResponse>((resolve, reject) => {
    const outgoing = httpRequest(
      `${base}${path}`,
      {
        method,
        agent: false,
        headers: { ...options.headers, ...(body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {}) },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => {
          const headers = new Headers();
          for (const [name, value] of Object.entries(response.headers)) if (typeof value === 'string') headers.set(name, value);
          let body: unknown;
          try {
            body = text ? JSON.parse(text) : undefined;
          } catch {
            body = undefined;
          }
          resolve({ status: response.statusCode ?? 0, headers, body, text });
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

describe.skipIf(!postgresUrl)('WORKERS=2 on one PostgreSQL', () => {
  const TOKEN = 'rate-limit-token';
  const GUEST_BUDGET = 5;
  const FAILED_AUTH_BUDGET = 3;
  let testDatabase: TestDatabase;
  let server: SpawnedServer;

  beforeAll(async () => {
    testDatabase = await createTestDatabase(postgresUrl);
    server = await spawnServer({
      DATABASE_URL: testDatabase.url,
      WORKERS: '2',
      ADMIN_TOKEN: TOKEN,
      RATE_LIMIT: 'on',
      RATE_LIMIT_GUEST_BOOKINGS: String(GUEST_BUDGET),
      RATE_LIMIT_FAILED_AUTH: String(FAILED_AUTH_BUDGET),
      // The client's address comes from X-Forwarded-For, so one test can be several clients.
      TRUST_PROXY: 'true',
      // One log line per request, with the pid of the worker that served it.
      LOG_LEVEL: 'info',
    });
    // spawnServer returns once one worker answers; the test needs both.
    const deadline = Date.now() + 60_000;
    while ((server.output().match(/Tablebook listening/g)?.length ?? 0) < 2) {
      if (Date.now() > deadline) throw new Error(`the second worker did not start:\n${server.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
  afterAll(async () => {
    await server?.stop();
    await testDatabase?.drop().catch(() => undefined);
  });

  /** The pids of the processes that logged each request id. */
  const servedBy = (requestIds: string[]) => {
    const pids = new Map<string, number>();
    for (const line of server.output().split('\n')) {
      if (!line.startsWith('{')) continue;
      const entry = JSON.parse(line) as { reqId?: string; pid?: number; msg?: string };
      if (entry.reqId && entry.pid && entry.msg === 'request completed' && requestIds.includes(entry.reqId))
        pids.set(entry.reqId, entry.pid);
    }
    return pids;
  };

  it(`allows ${GUEST_BUDGET} guest bookings per minute and address in total across both workers, the rest 429`, {
    timeout: 60_000,
  }, async () => {
    const admin = { authorization: `Bearer ${TOKEN}` };
    const created = await freshRequest(server.url, 'POST', '/api/admin/restaurant', { json: restaurantBody(), headers: admin });
    const restaurant = expectSuccessEnvelope(created, 201);

    const attempts = 12;
    const requestIds = Array.from({ length: attempts }, (_, index) => `rate-limit-booking-${index}`);
    const booking = (index: number, address: string, requestId: string) =>
      freshRequest(server.url, 'POST', `/api/restaurants/${restaurant.id}/reservations`, {
        json: { table: DEFAULT_TABLES[index], date: '2061-04-04', guestName: 'Flood', guestPhone: '+57 300 000 0000' },
        headers: { 'x-forwarded-for': address, 'x-request-id': requestId },
      });
    const answers = await Promise.all(requestIds.map((requestId, index) => booking(index, '203.0.113.50', requestId)));
    const statuses = answers.map((answer) => answer.status);
    expect(
      statuses.filter((status) => status === 201),
      statuses.join(','),
    ).toHaveLength(GUEST_BUDGET);
    expect(
      statuses.filter((status) => status === 429),
      statuses.join(','),
    ).toHaveLength(attempts - GUEST_BUDGET);
    for (const answer of answers.filter((candidate) => candidate.status === 429)) {
      expectErrorEnvelope(answer, 429, 'RATE_LIMITED');
      const retryAfter = Number(answer.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(answer.body.message).toBe(`Too many requests; try again in ${retryAfter} s`);
    }
    // Both workers served some of them (each request's log line carries its worker's pid).
    await expect.poll(() => servedBy(requestIds).size).toBe(attempts);
    const pids = new Set(servedBy(requestIds).values());
    expect(pids.has(server.process.pid!)).toBe(false);
    expect(pids.size).toBe(2);

    // Another client behind the same balancer has a budget of its own.
    expect((await booking(attempts, '198.51.100.50', 'rate-limit-other-client')).status).toBe(201);

    // Failed admin authentications are counted across the workers too.
    const failures = await Promise.all(
      Array.from({ length: 8 }, () =>
        freshRequest(server.url, 'GET', '/api/admin/restaurant', {
          headers: { authorization: 'Bearer wrong', 'x-forwarded-for': '203.0.113.60' },
        }),
      ),
    );
    const failureStatuses = failures.map((answer) => answer.status).sort();
    expect(failureStatuses).toEqual([...Array(FAILED_AUTH_BUDGET).fill(401), ...Array(8 - FAILED_AUTH_BUDGET).fill(429)]);
  });
});
