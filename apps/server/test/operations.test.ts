/**
 * Operations, black-box: the real server process (apps/server/src/main.ts) against a real PostgreSQL.
 *
 * A. a database outage under load (a throwaway cluster halted and resumed): quick 503s, recovery
 *    without a restart, and no booking lost or doubled once the failed requests are retried;
 * B. a graceful shutdown (SIGTERM) under load: in-flight requests finish, live streams close, exit 0;
 * C. WORKERS=3: the booking rules hold across three processes on one port, and the work is spread;
 *    WORKERS>1 without PostgreSQL refuses to start;
 * D. GET /metrics behind the admin token.
 */
import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import {
  createTestDatabase,
  spawnServer,
  startThrowawayCluster,
  type SpawnedServer,
  type TestDatabase,
  type ThrowawayCluster,
} from '@tablebook/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEFAULT_TABLES } from './helpers.ts';
import { fetchValidated, OpenApiMismatchError } from './support/openapi-validator.ts';
import { createRestaurants, expectRulesHeld, stampede, STAMPEDE_ATTEMPTS as ATTEMPTS } from './stampede.ts';

const TOKEN = 'operations-test-token';
const AUTH = { authorization: `Bearer ${TOKEN}` };
/** Limits high enough that no booking of the load tests is refused by a rule. */
const NO_LIMITS = { RESTAURANT_DAILY_LIMIT: '100000', GLOBAL_DAILY_LIMIT: '1000000' };
const BASE_ENV = { RATE_LIMIT: 'off', ADMIN_TOKEN: TOKEN };

// ---------------------------------------------------------------------------------------------
// Where the PostgreSQL comes from: a throwaway cluster of this file's own (needed by the outage test,
// which stops and starts it), and the run's server (inject('postgresUrl')) for the rest, falling back
// to the throwaway cluster.

let cluster: ThrowawayCluster | undefined;
try {
  cluster = await startThrowawayCluster();
} catch (error) {
  if (process.env['CI'] === 'true') throw error;
  console.warn(`[operations] could not start a throwaway PostgreSQL cluster: ${error instanceof Error ? error.message : error}`);
}
let clusterStopped = false;
const stopCluster = () => {
  if (!cluster || clusterStopped) return;
  clusterStopped = true;
  cluster.stop();
};
// Also when every test of the file is filtered out (the hooks then do not run).
process.once('exit', stopCluster);
afterAll(stopCluster);

const postgresUrl = inject('postgresUrl') || cluster?.url || '';

if (!cluster) {
  console.warn('[operations] no PostgreSQL server binaries (initdb, pg_ctl): the operations tests are SKIPPED');
}

// ---------------------------------------------------------------------------------------------
// Helpers

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A day `offset` days after `base` (YYYY-MM-DD). */
const dayAfter = (base: string, offset: number) => {
  const [year, month, day] = base.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + offset)).toISOString().slice(0, 10);
};

interface Attempt {
  key: string;
  restaurantId: string;
  table: string;
  date: string;
  /** performance.now() when fetch was called / when the answer (or the failure) was in. */
  sentAt: number;
  doneAt: number;
  /** HTTP status, or undefined when no response arrived. */
  status?: number;
  reason?: string;
  envelope?: string;
  id?: string;
  /** The failure code when no response arrived (ECONNREFUSED, ECONNRESET, UND_ERR_SOCKET, TIMEOUT…). */
  error?: string;
  /** The answer carried `Connection: close`. */
  connectionClose?: boolean;
  /** The start of a body that is not the JSON envelope. */
  text?: string;
  retry: boolean;
}

function errorCode(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return 'TIMEOUT';
  const cause = (error as { cause?: { code?: string; name?: string; message?: string } } | undefined)?.cause;
  return cause?.code ?? cause?.name ?? (error instanceof Error ? error.message : String(error));
}

/** One admin booking with an idempotency key; never throws, the outcome is in the returned record. */
async function book(
  baseUrl: string,
  slot: { key: string; restaurantId: string; table: string; date: string },
  retry = false,
  timeoutMs = 15_000,
): Promise<Attempt> {
  const sentAt = performance.now();
  try {
    const response = await fetchValidated(`${baseUrl}/api/admin/restaurant/${slot.restaurantId}/reservations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': slot.key, ...AUTH },
      body: JSON.stringify({ table: slot.table, date: slot.date }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    let body: { status?: string; data?: { id?: string; reason?: string } } | undefined;
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      body = undefined;
    }
    return {
      ...slot,
      sentAt,
      doneAt: performance.now(),
      status: response.status,
      connectionClose: response.headers.get('connection')?.toLowerCase() === 'close',
      retry,
      ...(body?.status ? { envelope: body.status } : { text: text.slice(0, 200) }),
      ...(body?.data?.reason ? { reason: body.data.reason } : {}),
      ...(response.status === 201 && body?.data?.id ? { id: body.data.id } : {}),
    };
  } catch (error) {
    if (error instanceof OpenApiMismatchError) throw error;
    return { ...slot, sentAt, doneAt: performance.now(), error: errorCode(error), retry };
  }
}

/** Slot number n → a (restaurant, table, day) no other n gets. */
const slotFor = (restaurantIds: string[], baseDay: string, n: number, prefix: string) => {
  const perDay = restaurantIds.length * DEFAULT_TABLES.length;
  const within = n % perDay;
  return {
    key: `${prefix}-${n}-${randomUUID()}`,
    restaurantId: restaurantIds[within % restaurantIds.length]!,
    table: DEFAULT_TABLES[Math.floor(within / restaurantIds.length)]!,
    date: dayAfter(baseDay, Math.floor(n / perDay)),
  };
};

async function queryRows<T>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

interface ReservationRow {
  id: string;
  restaurant_id: string;
  table_label: string;
  date: string;
}

const reservationRows = (url: string, restaurantIds: string[]) =>
  queryRows<ReservationRow>(
    url,
    `select id::text, restaurant_id::text, table_label, date::text from reservations where restaurant_id = any($1::uuid[])`,
    [restaurantIds],
  );

async function getJson(url: string, headers: Record<string, string> = {}) {
  const started = performance.now();
  try {
    const response = await fetchValidated(url, { headers, signal: AbortSignal.timeout(10_000) });
    const text = await response.text();
    let body: any;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    return { status: response.status, body, text, ms: performance.now() - started };
  } catch (error) {
    if (error instanceof OpenApiMismatchError) throw error;
    return { status: 0, body: undefined, text: errorCode(error), ms: performance.now() - started };
  }
}

/** Milliseconds of [from, to] that fall inside any of the intervals (when this process's event loop was blocked). */
const overlap = (from: number, to: number, intervals: [number, number][]) =>
  intervals.reduce((total, [start, end]) => total + Math.max(0, Math.min(to, end) - Math.max(from, start)), 0);

/** Samples of one metric (any labels) from Prometheus text: [labels, value]. */
function samples(text: string, name: string): { labels: string; value: number }[] {
  const found: { labels: string; value: number }[] = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})?\s+(\S+)/.exec(line);
    if (match && match[1] === name) found.push({ labels: match[2] ?? '', value: Number(match[3]) });
  }
  return found;
}
const sum = (values: { value: number }[]) => values.reduce((total, sample) => total + sample.value, 0);

/** Linux only: the kernel's count of connections dropped because a listen queue was full (TcpExt ListenOverflows). */
function listenOverflows(): number | undefined {
  try {
    const lines = readFileSync('/proc/net/netstat', 'utf8').split('\n');
    const header = lines.findIndex((line) => line.startsWith('TcpExt:'));
    const names = lines[header]!.split(/\s+/);
    const value = Number(lines[header + 1]!.split(/\s+/)[names.indexOf('ListenOverflows')]);
    return Number.isFinite(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Linux only: the processes that hold an established TCP connection whose local port is `port`,
 * i.e. which server process owns each accepted connection. Undefined when /proc cannot tell.
 */
function pidsHoldingConnections(port: number): Set<number> | undefined {
  const inodes = new Set<string>();
  let readable = false;
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    readable = true;
    for (const line of text.split('\n').slice(1)) {
      const columns = line.trim().split(/\s+/);
      if (columns.length < 10) continue;
      const localPort = Number.parseInt(columns[1]!.split(':').pop()!, 16);
      if (localPort === port && columns[3] === '01') inodes.add(columns[9]!);
    }
  }
  if (!readable) return undefined;
  const pids = new Set<number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const socket = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${entry}/fd/${fd}`));
        if (socket && inodes.has(socket[1]!)) {
          pids.add(Number(entry));
          break;
        }
      } catch {
        // closed meanwhile
      }
    }
  }
  return pids;
}

// ---------------------------------------------------------------------------------------------
// A. Database outage

describe.skipIf(!cluster)('operations: a database outage under load', () => {
  let database: TestDatabase;
  let server: SpawnedServer;
  let restaurantIds: string[] = [];
  let halted = false;

  beforeAll(async () => {
    database = await createTestDatabase(cluster!.url);
    server = await spawnServer({ ...BASE_ENV, ...NO_LIMITS, DATABASE_URL: database.url, DATABASE_CONNECT_TIMEOUT_MS: '1000' });
    restaurantIds = await createRestaurants(server.url, 4, 'Outage', AUTH);
  });
  afterAll(async () => {
    if (halted) cluster!.resume();
    await server?.stop();
    await database?.drop().catch(() => undefined);
  });

  it('answers 503 quickly while the database is down, recovers by itself, and loses or doubles no booking', {
    timeout: 150_000,
  }, async () => {
    const CLIENTS = 16; // more than the pool (10): requests also queue for connections during the outage
    const LOAD_MS = 12_000;
    const HALT_AFTER_MS = 3_000;
    const OUTAGE_MS = 5_000;
    const attempts: Attempt[] = [];
    const blocked: [number, number][] = []; // halt()/resume() run synchronously and freeze this process
    let next = 0;

    const readyBefore = await getJson(`${server.url}/api/ready`);
    const started = performance.now();
    let stopLoad = false;
    const alive = () => server.process.exitCode === null && server.process.signalCode === null;
    const clients = Array.from({ length: CLIENTS }, async () => {
      while (!stopLoad && alive()) {
        const attempt = await book(server.url, slotFor(restaurantIds, '2060-01-01', next++, 'outage'));
        attempts.push(attempt);
        // A client that was refused backs off a little, as a real one would.
        if (attempt.status !== 201) await sleep(100);
      }
    });

    await sleep(HALT_AFTER_MS);
    let mark = performance.now();
    halted = true;
    cluster!.halt();
    const haltedAt = performance.now();
    blocked.push([mark, haltedAt]);
    await sleep(1_000);
    const readyDuring = await getJson(`${server.url}/api/ready`);
    const healthDuring = await getJson(`${server.url}/api/health`);
    await sleep(Math.max(0, OUTAGE_MS - (performance.now() - haltedAt)));
    mark = performance.now();
    cluster!.resume();
    halted = false;
    const resumedAt = performance.now();
    blocked.push([mark, resumedAt]);

    await sleep(Math.max(0, LOAD_MS - (performance.now() - started)));
    stopLoad = true;
    await Promise.all(clients);

    // Every attempt that did not get an answer from the rules (201 or a 4xx) is retried with the same
    // key and body until it does.
    const settled = (attempt: Attempt) => attempt.status !== undefined && attempt.status >= 200 && attempt.status < 500;
    const finalByKey = new Map<string, Attempt>();
    for (const attempt of attempts) finalByKey.set(attempt.key, attempt);
    const retryDeadline = performance.now() + 60_000;
    // This process's own stalls while it sends the retries and checks every answer against the OpenAPI
    // document: they count in each retry's latency as seen from here.
    const retryLoopDelay = monitorEventLoopDelay({ resolution: 10 });
    retryLoopDelay.enable();
    const listenOverflowsBefore = listenOverflows();
    let pendingRetries = [...finalByKey.values()].filter((attempt) => !settled(attempt));
    const firstRetryRound = pendingRetries.length;
    while (pendingRetries.length > 0 && performance.now() < retryDeadline && alive()) {
      // Through the same CLIENTS connections as the load, as those clients would retry: several hundred
      // keys sent at once would wait out the pool's 10 s queue timeout on a busy machine and measure the
      // test's own burst, not the outage (the 503s that took 11-15 s were all in that burst).
      const queue = [...pendingRetries];
      const results: Attempt[] = [];
      await Promise.all(
        Array.from({ length: CLIENTS }, async () => {
          for (let attempt = queue.shift(); attempt; attempt = queue.shift()) results.push(await book(server.url, attempt, true));
        }),
      );
      attempts.push(...results);
      for (const result of results) finalByKey.set(result.key, result);
      pendingRetries = results.filter((result) => !settled(result));
      if (pendingRetries.length > 0) await sleep(200);
    }

    retryLoopDelay.disable();
    const listenOverflowsAfter = listenOverflows();
    let readyAfter = await getJson(`${server.url}/api/ready`);
    for (let tries = 0; readyAfter.status !== 200 && tries < 50 && alive(); tries += 1) {
      await sleep(200);
      readyAfter = await getJson(`${server.url}/api/ready`);
    }

    const rows = await reservationRows(database.url, restaurantIds);

    // The numbers.
    const answered = attempts.filter((attempt) => attempt.status !== undefined);
    const created = attempts.filter((attempt) => attempt.status === 201);
    const unavailable = attempts.filter((attempt) => attempt.status === 503);
    const otherServerErrors = attempts.filter((attempt) => attempt.status !== undefined && attempt.status >= 500 && attempt.status !== 503);
    const networkErrors = attempts.filter((attempt) => attempt.error !== undefined);
    const latency = (attempt: Attempt) => attempt.doneAt - attempt.sentAt - overlap(attempt.sentAt, attempt.doneAt, blocked);
    const slowest503 = Math.max(0, ...unavailable.map(latency));
    const firstAfterResume = created.filter((attempt) => attempt.sentAt >= haltedAt).sort((a, b) => a.doneAt - b.doneAt)[0];
    const recoveryMs = firstAfterResume ? firstAfterResume.doneAt - resumedAt : Number.NaN;
    const resumeStartedAt = blocked[1]![0];
    const duringOutage = answered.filter((attempt) => attempt.sentAt >= haltedAt && attempt.sentAt < resumeStartedAt);
    console.log(
      `[operations/outage] sent ${attempts.length} requests (${attempts.filter((a) => !a.retry).length} first tries, ${attempts.filter((a) => a.retry).length} retries), ` +
        `201: ${created.length}, 503: ${unavailable.length}, other 5xx: ${otherServerErrors.length}, no response: ${networkErrors.length}, ` +
        `rows stored: ${rows.length}, recovery (first 201 after resume): ${Math.round(recoveryMs)} ms, slowest 503: ${Math.round(slowest503)} ms, ` +
        `halt ${Math.round(blocked[0]![1] - blocked[0]![0])} ms, resume ${Math.round(blocked[1]![1] - blocked[1]![0])} ms`,
    );
    // Where the 503s fell (a slow one during the outage and one in the retry burst have different causes).
    const phases = {
      outage: (a: Attempt) => !a.retry && a.sentAt < resumedAt && a.doneAt > haltedAt,
      'after resume': (a: Attempt) => !a.retry && a.sentAt >= resumedAt,
      retries: (a: Attempt) => a.retry,
    };
    const byPhase = Object.entries(phases).map(([phase, inPhase]) => {
      const inIt = attempts.filter(inPhase);
      const refused = inIt.filter((a) => a.status === 503);
      return `${phase}: ${inIt.length} sent, ${refused.length} 503 (slowest ${Math.round(Math.max(0, ...refused.map(latency)))} ms)`;
    });
    // The server's own view (its latency histogram, from when it read a request to when it answered it).
    const metricsText = (await getJson(`${server.url}/metrics`, AUTH)).text;
    const served503 = (le: string) =>
      sum(
        samples(metricsText, 'tablebook_http_request_duration_seconds_bucket').filter(
          (s) => s.labels.includes('status="503"') && s.labels.includes(`le="${le}"`),
        ),
      );
    const retryRounds = attempts.filter((a) => a.retry);
    const retryBurst = Math.max(0, ...retryRounds.map((a) => a.doneAt)) - Math.min(Infinity, ...retryRounds.map((a) => a.sentAt));
    console.log(
      `[operations/outage] by phase: ${byPhase.join('; ')}; retry phase: ${firstRetryRound} keys in its first round (through the ${CLIENTS} clients), lasted ${Math.round(retryBurst || 0)} ms, ` +
        `this process's event loop stalled up to ${Math.round(retryLoopDelay.max / 1e6)} ms in it (p99 ${Math.round(retryLoopDelay.percentile(99) / 1e6)} ms); ` +
        `connections dropped by a full listen queue on this machine meanwhile (each costs its client a 1 s SYN retry): ` +
        `${listenOverflowsBefore === undefined || listenOverflowsAfter === undefined ? 'unknown' : listenOverflowsAfter - listenOverflowsBefore}; ` +
        `the server answered its 503s within 0.5 s: ${served503('0.5')}, within 1 s: ${served503('1')}, within 2.5 s: ${served503('2.5')}, of ${served503('+Inf')}`,
    );

    expect(alive(), `the server process died during the outage:\n${server.output().slice(-4000)}`).toBe(true);

    // Ready before, not ready during, ready again after; health answers throughout.
    expect.soft(readyBefore.status, readyBefore.text).toBe(200);
    expect.soft(readyDuring.status, readyDuring.text).toBe(503);
    expect.soft(readyDuring.body).toMatchObject({ status: 'error', data: { reason: 'SERVICE_UNAVAILABLE' } });
    expect.soft(readyDuring.ms).toBeLessThan(2_000);
    expect.soft(healthDuring.status, healthDuring.text).toBe(200);
    expect.soft(readyAfter.status, readyAfter.text).toBe(200);

    // The test has teeth: the outage was seen, and the server kept answering.
    expect.soft(unavailable.length, 'no 503 during the outage: the test did not observe it').toBeGreaterThan(0);
    const errorLines = server
      .output()
      .split('\n')
      .filter((line) => /"level":(50|60)|"statusCode":5\d\d/.test(line) && !line.includes('idle database connection failed'));
    expect
      .soft(
        otherServerErrors.map((a) => `${a.status} ${a.reason ?? ''}`).slice(0, 5),
        errorLines
          .slice(0, 5)
          .map((line) => line.slice(0, 600))
          .join('\n'),
      )
      .toEqual([]);
    expect.soft(networkErrors.map((a) => a.error).slice(0, 5), 'requests without an answer (hang or reset)').toEqual([]);
    expect
      .soft(
        unavailable
          .filter((a) => a.envelope !== 'error' || a.reason !== 'SERVICE_UNAVAILABLE')
          .map((a) => a.text ?? a.reason)
          .slice(0, 5),
        '503s without reason SERVICE_UNAVAILABLE',
      )
      .toEqual([]);
    const slowestPhase = Object.entries(phases).find(([, inPhase]) =>
      unavailable.some((a) => inPhase(a) && latency(a) === slowest503),
    )?.[0];
    expect.soft(slowest503, `a 503 took 2 s or more (${slowestPhase ?? 'no phase'})`).toBeLessThan(2_000);
    expect
      .soft(
        duringOutage
          .filter((a) => latency(a) >= 2_000)
          .map((a) => `${a.status} after ${Math.round(latency(a))} ms`)
          .slice(0, 5),
        'answers during the outage that took 2 s or more',
      )
      .toEqual([]);

    // It recovered by itself (same process), and every retry settled.
    expect.soft(server.process.exitCode).toBeNull();
    expect.soft(firstAfterResume, 'no 201 after the database came back').toBeDefined();
    expect
      .soft(
        pendingRetries.map((a) => `${a.status ?? a.error}`),
        'retries still failing 60 s after the outage',
      )
      .toEqual([]);

    // Nothing lost, nothing doubled: the stored rows are exactly the reported 201s.
    const finals = [...finalByKey.values()];
    expect
      .soft(
        finals.filter((attempt) => attempt.status !== 201).map((a) => `${a.status} ${a.reason ?? ''}`),
        'a retry was refused',
      )
      .toEqual([]);
    const idsByKey = new Map<string, Set<string>>();
    for (const attempt of created) idsByKey.set(attempt.key, (idsByKey.get(attempt.key) ?? new Set()).add(attempt.id!));
    expect
      .soft(
        [...idsByKey].filter(([, ids]) => ids.size !== 1).map(([key]) => key),
        'keys answered with different ids',
      )
      .toEqual([]);
    const reportedIds = new Set(created.map((attempt) => attempt.id!));
    const storedIds = new Set(rows.map((row) => row.id));
    expect.soft(rows.length).toBe(storedIds.size);
    expect
      .soft(
        [...storedIds].filter((id) => !reportedIds.has(id)),
        'rows stored but never reported in a 201',
      )
      .toEqual([]);
    expect
      .soft(
        [...reportedIds].filter((id) => !storedIds.has(id)),
        'ids reported in a 201 but not stored',
      )
      .toEqual([]);
    const perSlot = new Map<string, number>();
    for (const row of rows)
      perSlot.set(
        `${row.restaurant_id}/${row.table_label}/${row.date}`,
        (perSlot.get(`${row.restaurant_id}/${row.table_label}/${row.date}`) ?? 0) + 1,
      );
    expect.soft([...perSlot.values()].every((count) => count === 1)).toBe(true);
    // Each key's row is the one of its own slot.
    const rowById = new Map(rows.map((row) => [row.id, row]));
    const misplaced = finals.filter((attempt) => {
      const row = attempt.id === undefined ? undefined : rowById.get(attempt.id);
      return !row || row.restaurant_id !== attempt.restaurantId || row.table_label !== attempt.table || row.date !== attempt.date;
    });
    expect
      .soft(misplaced.map((a) => `${a.key}: ${a.status ?? a.error} ${a.id ?? ''}`).slice(0, 5), 'keys without their own row')
      .toEqual([]);
    expect.soft(rows.length).toBe(finalByKey.size);
  });
});

// ---------------------------------------------------------------------------------------------
// B. Graceful shutdown

describe.skipIf(!postgresUrl)('operations: graceful shutdown on SIGTERM', () => {
  let database: TestDatabase;
  let server: SpawnedServer;
  let restaurantIds: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(postgresUrl);
    server = await spawnServer({ ...BASE_ENV, ...NO_LIMITS, DATABASE_URL: database.url });
    restaurantIds = await createRestaurants(server.url, 4, 'Shutdown', AUTH);
  });
  afterAll(async () => {
    await server?.stop();
    await database?.drop().catch(() => undefined);
  });

  it('finishes the requests in flight, closes live streams, refuses new connections and exits 0', { timeout: 120_000 }, async () => {
    const CLIENTS = 10;
    /** A request sent this close before the SIGTERM may meet a connection the server is already closing. */
    const RACE_MS = 100;
    const attempts: Attempt[] = [];
    let next = 0;

    // A live stream, open across the shutdown: it must be closed by it, not keep the process alive.
    const streamAbort = new AbortController();
    const stream = await fetchValidated(`${server.url}/api/restaurants/${restaurantIds[0]}/events`, {
      headers: { accept: 'text/event-stream' },
      signal: streamAbort.signal,
    });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    let streamEndedAt: number | undefined;
    let streamEnd = '';
    const streamDone = (async () => {
      try {
        for await (const _chunk of stream.body as unknown as AsyncIterable<Uint8Array>) {
          // keep reading
        }
        streamEnd = 'ended';
      } catch (error) {
        streamEnd = `failed: ${errorCode(error)}`;
      }
      streamEndedAt = performance.now();
    })();

    const exited = once(server.process, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
    let sigtermAt = Number.POSITIVE_INFINITY;
    const hardStop = () => performance.now() > sigtermAt + 20_000;
    const clients = Array.from({ length: CLIENTS }, async () => {
      for (;;) {
        const attempt = await book(server.url, slotFor(restaurantIds, '2061-01-01', next++, 'shutdown'));
        attempts.push(attempt);
        if (attempt.error === 'ECONNREFUSED' || hardStop()) return;
      }
    });

    await sleep(1_000);
    sigtermAt = performance.now();
    server.process.kill('SIGTERM');
    const [code, signal] = await Promise.race([
      exited,
      sleep(30_000).then(() => {
        server.process.kill('SIGKILL');
        return [null, 'SIGKILL' as NodeJS.Signals] as [number | null, NodeJS.Signals | null];
      }),
    ]);
    const exitedAt = performance.now();
    await Promise.all(clients);
    await Promise.race([streamDone, sleep(2_000)]);
    streamAbort.abort();

    const rows = await reservationRows(database.url, restaurantIds);
    const created = attempts.filter((attempt) => attempt.status === 201);
    const unavailable = attempts.filter((attempt) => attempt.status === 503);
    const refused = attempts.filter((attempt) => attempt.error === 'ECONNREFUSED');
    const otherErrors = attempts.filter((attempt) => attempt.error !== undefined && attempt.error !== 'ECONNREFUSED');
    const timeToExit = exitedAt - sigtermAt;
    // Answers after the SIGTERM that left the connection open (keep-alive): the client may park it idle.
    const keptOpen = attempts.filter((a) => a.status !== undefined && a.doneAt > sigtermAt && !a.connectionClose).length;
    console.log(
      `[operations/shutdown] sent ${attempts.length}, 201: ${created.length}, 503: ${unavailable.length}, refused: ${refused.length}, ` +
        `reset/closed without a response: ${otherErrors.length}, exit code ${code}${signal ? ` (signal ${signal})` : ''}, ` +
        `time to exit ${Math.round(timeToExit)} ms, answers after SIGTERM without Connection: close ${keptOpen}, live stream ${streamEnd || 'still open'}` +
        `${streamEndedAt !== undefined ? ` ${Math.round(streamEndedAt - sigtermAt)} ms after SIGTERM` : ''}, rows stored: ${rows.length}`,
    );

    expect.soft(signal, server.output().slice(-4000)).toBeNull();
    expect.soft(code, server.output().slice(-4000)).toBe(0);
    // The open stream did not hold the process until the grace period (default 10 s) ran out.
    expect.soft(timeToExit).toBeLessThan(5_000);
    expect.soft(streamEndedAt, 'the live stream was not closed by the shutdown').toBeDefined();

    expect.soft(created.filter((attempt) => attempt.sentAt < sigtermAt).length).toBeGreaterThan(0);
    expect.soft(refused.length, 'the clients never saw the port closed').toBeGreaterThan(0);
    // Every answer is a booking or a clean 503, never anything else.
    expect
      .soft(
        attempts.filter((a) => a.status !== undefined && a.status !== 201 && a.status !== 503).map((a) => `${a.status} ${a.reason ?? ''}`),
      )
      .toEqual([]);
    expect
      .soft(
        unavailable.filter((attempt) => attempt.envelope !== 'error').map((a) => a.text),
        'a 503 without the error envelope',
      )
      .toEqual([]);
    // A request the server had before the SIGTERM got its answer; only later ones may be refused or cut.
    const cut = attempts.filter((a) => a.error !== undefined && a.sentAt < sigtermAt - RACE_MS);
    expect.soft(cut.map((a) => `${a.error} ${Math.round(sigtermAt - a.sentAt)} ms before SIGTERM`)).toEqual([]);
    expect.soft(attempts.filter((a) => a.error === 'TIMEOUT')).toEqual([]);

    // Every 201 is stored, and nothing was stored that was not reported.
    const storedIds = new Set(rows.map((row) => row.id));
    expect.soft(created.filter((attempt) => !storedIds.has(attempt.id!)).map((a) => a.id)).toEqual([]);
    expect.soft(rows.length).toBe(created.length);
  });
});

// ---------------------------------------------------------------------------------------------
// C. Several worker processes on one port

describe.skipIf(!postgresUrl)('operations: WORKERS', () => {
  let database: TestDatabase;
  let server: SpawnedServer;

  beforeAll(async () => {
    database = await createTestDatabase(postgresUrl);
    server = await spawnServer({ ...BASE_ENV, DATABASE_URL: database.url, WORKERS: '3' });
  });
  afterAll(async () => {
    await server?.stop();
    await database?.drop().catch(() => undefined);
  });

  it(`WORKERS=3 stores exactly 20 of ${ATTEMPTS} simultaneous bookings for one day, served by several processes`, {
    timeout: 120_000,
  }, async () => {
    const restaurantIds = await createRestaurants(server.url, 4, 'Workers', AUTH);
    const day = '2062-03-03';
    const outcomes = await stampede([server.url], restaurantIds, day, AUTH);
    // While the test's keep-alive connections are still open: which processes own them?
    const port = Number(new URL(server.url).port);
    const owners = pidsHoldingConnections(port);

    const rows = await queryRows<{ restaurant_id: string; table_label: string }>(
      database.url,
      `select restaurant_id::text, table_label from reservations where date = $1`,
      [day],
    );
    expectRulesHeld(
      rows.map((row) => ({ restaurantId: row.restaurant_id, table: row.table_label })),
      outcomes,
    );

    // Spread over several processes, seen two ways.
    // 1. The kernel: the accepted connections belong to more than one worker (not the primary).
    const workerOwners = owners ? [...owners].filter((pid) => pid !== server.process.pid) : undefined;
    // 2. /metrics, aggregated across the workers: whichever worker answers counts all 300 (+4) requests.
    const scrapes = [];
    for (let scrape = 0; scrape < 3; scrape += 1) scrapes.push(await getJson(`${server.url}/metrics`, AUTH));
    const requestTotals = scrapes.map((scrape) => sum(samples(scrape.text, 'tablebook_http_requests_total')));
    const bookingRequestTotals = scrapes.map((scrape) =>
      sum(samples(scrape.text, 'tablebook_http_requests_total').filter((sample) => /reservation/i.test(sample.labels))),
    );
    const bookingTotals = scrapes.map((scrape) => sum(samples(scrape.text, 'tablebook_bookings_total')));
    console.log(
      `[operations/workers] connections held by ${workerOwners ? `${workerOwners.length} worker process(es)` : 'unknown (no /proc)'}; ` +
        `/metrics http requests ${requestTotals.join('/')}, of them reservation routes ${bookingRequestTotals.join('/')}, bookings_total ${bookingTotals.join('/')}`,
    );
    if (workerOwners) expect(workerOwners.length, 'every connection was served by one process').toBeGreaterThan(1);
    for (const scrape of scrapes) expect(scrape.status, scrape.text.slice(0, 500)).toBe(200);
    for (const total of requestTotals) expect(total).toBeGreaterThanOrEqual(ATTEMPTS + 4);
    for (const total of bookingRequestTotals) if (total > 0) expect(total).toBeGreaterThanOrEqual(ATTEMPTS);
    for (const total of bookingTotals) expect(total).toBeGreaterThanOrEqual(20);
  });

  it('WORKERS=2 without PostgreSQL refuses to start, naming WORKERS and PostgreSQL', { timeout: 120_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tablebook-workers-'));
    try {
      for (const env of [
        { DATABASE_URL: 'memory://' } as Record<string, string>,
        // Unset (empty is unset): the embedded database, here kept in a temporary directory.
        { DATABASE_URL: '', DATA_DIR: join(dataDir, 'pglite') },
      ]) {
        const outcome = await spawnServer({ ...BASE_ENV, ...env, WORKERS: '2' }, 30_000).then(
          async (started) => {
            await started.stop();
            return new Error(`started with WORKERS=2 and DATABASE_URL=${JSON.stringify(env['DATABASE_URL'])}`);
          },
          (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
        );
        expect(outcome.message).toMatch(/^server exited with 1/);
        expect(outcome.message).toMatch(/WORKERS/);
        expect(outcome.message).toMatch(/PostgreSQL/);
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

// ---------------------------------------------------------------------------------------------
// D. Metrics

describe.skipIf(!postgresUrl)('operations: GET /metrics', () => {
  let database: TestDatabase;
  let server: SpawnedServer;

  beforeAll(async () => {
    database = await createTestDatabase(postgresUrl);
    server = await spawnServer({ ...BASE_ENV, DATABASE_URL: database.url });
  });
  afterAll(async () => {
    await server?.stop();
    await database?.drop().catch(() => undefined);
  });

  it('is refused without the admin token and is Prometheus text with it', { timeout: 120_000 }, async () => {
    const [restaurantId] = await createRestaurants(server.url, 1, 'Metrics', AUTH);
    const booked = await book(server.url, { key: `metrics-${randomUUID()}`, restaurantId: restaurantId!, table: 'A0', date: '2063-01-01' });
    expect(booked.status).toBe(201);

    for (const headers of [{}, { authorization: 'Bearer not-the-token' }] as Record<string, string>[]) {
      const refused = await getJson(`${server.url}/metrics`, headers);
      expect(refused.status, refused.text).toBe(401);
      expect(refused.body).toMatchObject({ status: 'error', message: expect.any(String), data: { reason: 'UNAUTHORIZED' } });
      expect(refused.text).not.toContain('tablebook_http_requests_total');
    }

    const response = await fetch(`${server.url}/metrics`, { headers: AUTH });
    const text = await response.text();
    expect(response.status, text.slice(0, 500)).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    for (const name of [
      'tablebook_http_requests_total',
      'tablebook_http_request_duration_seconds',
      'tablebook_bookings_total',
      'tablebook_db_pool_connections',
      'nodejs_eventloop_lag_seconds',
    ]) {
      expect(text).toContain(name);
    }
    expect(sum(samples(text, 'tablebook_http_requests_total'))).toBeGreaterThanOrEqual(2);
    expect(sum(samples(text, 'tablebook_bookings_total'))).toBeGreaterThanOrEqual(1);
    expect(samples(text, 'tablebook_http_request_duration_seconds_count').length).toBeGreaterThan(0);
  });

  it("counts the outbox by channel: without SMTP_URL a guest's e-mail waits in the queue, its age growing, and the log says so once", {
    timeout: 60_000,
  }, async () => {
    const [restaurantId] = await createRestaurants(server.url, 1, 'Outbox metrics', AUTH);
    const response = await fetchValidated(`${server.url}/api/admin/restaurant/${restaurantId}/reservations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...AUTH },
      body: JSON.stringify({ table: 'A0', date: '2063-02-01', guestName: 'Ana', guestEmail: 'ana@example.com' }),
    });
    expect(response.status, await response.text()).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const { text } = await getJson(`${server.url}/metrics`, AUTH);
    const value = (name: string, channel: string) =>
      samples(text, name).find((sample) => sample.labels === `{channel="${channel}"}`)?.value;
    for (const channel of ['email', 'webhook']) {
      for (const name of ['tablebook_outbox_sent_total', 'tablebook_outbox_failed_total', 'tablebook_outbox_dead_total']) {
        expect(value(name, channel), `${name}{channel="${channel}"}`).toBe(0);
      }
    }
    expect(value('tablebook_outbox_queue_depth', 'email')).toBeGreaterThanOrEqual(1);
    expect(value('tablebook_outbox_oldest_due_age_seconds', 'email')).toBeGreaterThanOrEqual(1);
    expect(value('tablebook_outbox_queue_depth', 'webhook')).toBe(0);
    expect(value('tablebook_outbox_oldest_due_age_seconds', 'webhook')).toBe(0);
    const notices = server
      .output()
      .split('\n')
      .filter((line) => line.includes('SMTP_URL is not set'));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('e-mail messages are kept in the outbox, not sent');
  });
});
