// The outbox under faults, black-box (issue 17): real server processes (main.ts) on a real PostgreSQL,
// a real SMTP server of the test's own that the test makes refuse or hang, counted by Message-ID.
//
// 1. The SMTP server refuses (451 on DATA) for a while, then accepts: every message arrives exactly once.
// 2. A process killed with SIGKILL while its messages hang in DATA (as many as its SMTP pool sends at
//    once): another process sends them after the lease and the rest, nothing lost, at most a duplicate
//    with the same Message-ID.
// 3. A slow but healthy SMTP server (each message answered after 3 s), one process, its defaults but a
//    short lease: no message is claimed again while its process is still sending it (no duplicates).
// 4. A process whose clock is an hour behind the database's: it sends at once all the same (one clock,
//    the database's, for what is due and for leases).
// 5. Two processes (one of them WORKERS=2) sending one queue: no message twice; a message refused
//    for good (550) is dead at its first attempt; the metrics count it all.
//
// Small leases, polls and backoff (through the settings) keep it to seconds.
import { createTestDatabase, spawnServer, type SpawnedServer, type TestDatabase } from '@tablebook/testing';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { DEFAULT_TABLES, restaurantBody } from './helpers.ts';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink.ts';

const postgresUrl = inject('postgresUrl');
const TOKEN = 'outbox-faults-token';
const AUTH = { authorization: `Bearer ${TOKEN}` };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function sql<Row = Record<string, unknown>>(url: string, text: string, values: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as Row[];
  } finally {
    await client.end();
  }
}

async function post(base: string, path: string, body: unknown) {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...AUTH },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  expect(response.status, text).toBeLessThan(300);
  return (JSON.parse(text) as { data: { id: string } }).data;
}

/** The sum of a metric's samples matching `labels` in Prometheus text. */
async function metric(base: string, name: string, labels = ''): Promise<number> {
  const text = await (await fetch(`${base}/metrics`, { headers: AUTH })).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) && line.includes(labels))
    .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
}

/** Books `count` whole days with a guest e-mail each, `via` the given servers in turn, a few at a time. */
async function bookMany(servers: string[], restaurantId: string, count: number, firstDay: number, address: (index: number) => string) {
  const ids: string[] = [];
  for (let start = 0; start < count; start += 10) {
    const batch = Array.from({ length: Math.min(10, count - start) }, (_, offset) => start + offset);
    ids.push(
      ...(await Promise.all(
        batch.map(async (index) => {
          const date = new Date(Date.UTC(2050, 0, firstDay + Math.floor(index / DEFAULT_TABLES.length))).toISOString().slice(0, 10);
          const booked = await post(servers[index % servers.length]!, `/api/admin/restaurant/${restaurantId}/reservations`, {
            table: DEFAULT_TABLES[index % DEFAULT_TABLES.length],
            date,
            guestName: `Guest ${index}`,
            guestEmail: address(index),
          });
          return booked.id;
        }),
      )),
    );
  }
  return ids;
}

describe.skipIf(!postgresUrl)('the outbox under faults (real PostgreSQL, real server processes, a real SMTP server)', () => {
  let sink: SmtpSink;
  let database: TestDatabase;
  const processes: SpawnedServer[] = [];
  const env = (extra: Record<string, string> = {}) => ({
    DATABASE_URL: database.url,
    RATE_LIMIT: 'off',
    ADMIN_TOKEN: TOKEN,
    RESTAURANT_DAILY_LIMIT: '100000',
    GLOBAL_DAILY_LIMIT: '1000000',
    SMTP_URL: sink.url,
    OUTBOX_POLL_MS: '100',
    OUTBOX_RETRY_BASE_MS: '200',
    ...extra,
  });
  const spawn = async (extra: Record<string, string> = {}) => {
    const server = await spawnServer(env(extra));
    processes.push(server);
    return server;
  };

  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterEach(async () => {
    await Promise.all(processes.splice(0).map((server) => server.stop()));
    await database?.drop();
    sink.received.splice(0);
    sink.mode = 'accept';
    sink.answerDelayMs = 0;
    sink.refuseRecipient = () => null;
  });
  afterAll(async () => {
    await sink?.close();
  });

  it('an SMTP server that refuses (451) for a while: after it accepts again, every message arrives exactly once', async () => {
    database = await createTestDatabase(postgresUrl);
    sink.mode = 'refuse';
    const server = await spawn();
    const restaurant = await post(server.url, '/api/admin/restaurant', restaurantBody({ name: 'Rechazos SMTP' }));
    const MESSAGES = 30;
    const ids = await bookMany([server.url], restaurant.id, MESSAGES, 1, (index) => `refused-${index}@example.com`);
    expect(ids).toHaveLength(MESSAGES);
    // Refused for about two seconds: each message has been tried (and refused) more than once.
    const refusingSince = Date.now();
    while (sink.refused < MESSAGES * 2 && Date.now() - refusingSince < 10_000) await sleep(50);
    await sleep(Math.max(0, 2000 - (Date.now() - refusingSince)));
    const refusedCount = sink.refused;
    sink.mode = 'accept';
    const acceptedAt = Date.now();

    const arrived = await sink.waitFor((email) => email.to.startsWith('refused-'), MESSAGES, 30_000);
    await sleep(500);
    const recoveryMs = Math.max(...arrived.map((email) => email.receivedAt)) - acceptedAt;
    const received = sink.received.filter((email) => email.to.startsWith('refused-'));
    const byId = new Map<string, number>();
    for (const email of received) byId.set(email.messageId, (byId.get(email.messageId) ?? 0) + 1);
    const duplicates = received.length - byId.size;
    const rows = await sql<{ status: string; attempts: number }>(
      database.url,
      `select status, attempts from outbox_messages where channel = 'email' and kind = 'confirmation'`,
    );
    const failures = await sql<{ response_status: number | null; n: number }>(
      database.url,
      `select response_status, count(*)::int as n from outbox_attempts where not ok group by response_status`,
    );
    console.info(
      `[outbox/faults] SMTP refusing: ${MESSAGES} messages, ${refusedCount} refused DATA replies over ${acceptedAt - refusingSince} ms; ` +
        `after it accepted: ${byId.size} distinct Message-IDs received, ${duplicates} duplicates, all in ${recoveryMs} ms (recovery time); ` +
        `attempts per message ${Math.min(...rows.map((row) => row.attempts))}..${Math.max(...rows.map((row) => row.attempts))}`,
    );
    expect(byId.size).toBe(MESSAGES);
    // Each Message-ID is its outbox row's id: the same on every attempt.
    const outboxIds = await sql<{ id: string }>(database.url, `select id::text from outbox_messages where channel = 'email'`);
    expect([...byId.keys()].sort()).toEqual(outboxIds.map((row) => `<${row.id}@tablebook.invalid>`).sort());
    expect(duplicates).toBe(0);
    expect([...byId.values()].every((count) => count === 1)).toBe(true);
    expect(rows.map((row) => row.status)).toEqual(Array(MESSAGES).fill('sent'));
    expect(rows.every((row) => row.attempts >= 2)).toBe(true);
    expect(failures).toEqual([{ response_status: 451, n: refusedCount }]);
    // The backoff's ceiling at the attempts reached by then (200 ms doubling) bounds the recovery.
    expect(recoveryMs).toBeLessThan(10_000);
    expect(await metric(server.url, 'tablebook_outbox_sent_total', 'channel="email"')).toBe(MESSAGES);
    expect(await metric(server.url, 'tablebook_outbox_failed_total', 'channel="email"')).toBe(refusedCount);
    expect(await metric(server.url, 'tablebook_outbox_queue_depth', 'channel="email"')).toBe(0);
  });

  it('a process killed (SIGKILL) while its messages hang in DATA: another sends them after the lease, none lost', async () => {
    database = await createTestDatabase(postgresUrl);
    sink.mode = 'hold';
    const LEASE_SECONDS = 2;
    const first = await spawn({ OUTBOX_LEASE_SECONDS: String(LEASE_SECONDS) });
    const restaurant = await post(first.url, '/api/admin/restaurant', restaurantBody({ name: 'Caída' }));
    const MESSAGES = 12;
    await bookMany([first.url], restaurant.id, MESSAGES, 40, (index) => `killed-${index}@example.com`);
    const deadline = Date.now() + 10_000;
    while (sink.holding === 0 && Date.now() < deadline) await sleep(25);
    expect(sink.holding, 'the first process never reached DATA').toBeGreaterThan(0);
    // The process claims only what its SMTP pool can send at once (3 connections): those hang in DATA,
    // the rest wait in the queue.
    const SLOTS = 3;
    let claimed: { n: number }[] = [];
    while (Date.now() < deadline) {
      claimed = await sql<{ n: number }>(database.url, `select count(*)::int as n from outbox_messages where status = 'sending'`);
      if (claimed[0]!.n === SLOTS && sink.holding === SLOTS) break;
      await sleep(25);
    }
    const heldInData = sink.holding;
    const exited = new Promise((resolve) => first.process.once('exit', resolve));
    first.process.kill('SIGKILL');
    await exited;
    const killedAt = Date.now();
    sink.mode = 'accept';

    const second = await spawn({ OUTBOX_LEASE_SECONDS: String(LEASE_SECONDS) });
    const arrived = await sink.waitFor((email) => email.to.startsWith('killed-'), MESSAGES, 20_000);
    await sleep(500);
    const received = sink.received.filter((email) => email.to.startsWith('killed-'));
    const byId = new Map<string, number>();
    for (const email of received) byId.set(email.messageId, (byId.get(email.messageId) ?? 0) + 1);
    const takeoverMs = Math.max(...arrived.map((email) => email.receivedAt)) - killedAt;
    const rows = await sql<{ status: string; attempts: number }>(database.url, `select status, attempts from outbox_messages`);
    const lost = await sql<{ n: number }>(
      database.url,
      `select count(*)::int as n from outbox_attempts where not ok and error like 'the lease expired%'`,
    );
    console.info(
      `[outbox/faults] SIGKILL mid-send: ${MESSAGES} messages, ${claimed[0]!.n} claimed by the killed process (${heldInData} hanging in DATA); ` +
        `the second process delivered ${byId.size} distinct Message-IDs, ${received.length - byId.size} duplicates, the last ${takeoverMs} ms after the kill ` +
        `(lease ${LEASE_SECONDS} s, the second process's start included); ${lost[0]!.n} attempts recorded as lost with the lease`,
    );
    expect(claimed[0]!.n).toBe(SLOTS);
    expect(heldInData).toBe(SLOTS);
    expect(byId.size).toBe(MESSAGES);
    // At least once: a duplicate, if any, carries the same Message-ID (counted once above) and is at most one.
    expect([...byId.values()].every((count) => count <= 2)).toBe(true);
    // The killed process's rows on their second attempt (the first lost with the lease), the others' first.
    expect(rows.every((row) => row.status === 'sent')).toBe(true);
    expect(rows.filter((row) => row.attempts === 2)).toHaveLength(SLOTS);
    expect(rows.filter((row) => row.attempts === 1)).toHaveLength(MESSAGES - SLOTS);
    expect(lost[0]!.n).toBe(SLOTS);
    expect(await metric(second.url, 'tablebook_outbox_sent_total', 'channel="email"')).toBe(MESSAGES);
  });

  it('two processes (one with WORKERS=2) sending one queue: no message twice; one refused for good (550) is dead at once', async () => {
    database = await createTestDatabase(postgresUrl);
    const settings = { OUTBOX_MAX_ATTEMPTS: '3', OUTBOX_RETRY_BASE_MS: '100' };
    const [cluster, single] = await Promise.all([spawn({ ...settings, WORKERS: '2' }), spawn(settings)]);
    sink.refuseRecipient = (to) => (to === 'never@example.com' ? 550 : null);
    const restaurant = await post(single.url, '/api/admin/restaurant', restaurantBody({ name: 'Dos procesos' }));
    const MESSAGES = 40;
    const started = Date.now();
    await bookMany([cluster.url, single.url], restaurant.id, MESSAGES, 80, (index) => `pair-${index}@example.com`);
    const bookedIn = Date.now() - started;
    const refused = await post(single.url, `/api/admin/restaurant/${restaurant.id}/reservations`, {
      table: DEFAULT_TABLES[0],
      date: '2051-01-01',
      guestName: 'Nunca',
      guestEmail: 'never@example.com',
    });
    await sink.waitFor((email) => email.to.startsWith('pair-'), MESSAGES, 20_000);
    const allIn = Date.now() - started;
    const deadline = Date.now() + 10_000;
    let dead: { status: string; attempts: number; last_error: string | null }[] = [];
    while (Date.now() < deadline) {
      dead = await sql(database.url, `select status, attempts, last_error from outbox_messages where reservation_id = $1`, [refused.id]);
      if (dead[0]?.status === 'dead') break;
      await sleep(100);
    }
    await sleep(500);
    const received = sink.received.filter((email) => email.to.startsWith('pair-'));
    const distinct = new Set(received.map((email) => email.messageId)).size;
    const sentBy = {
      cluster: await metric(cluster.url, 'tablebook_outbox_sent_total', 'channel="email"'),
      single: await metric(single.url, 'tablebook_outbox_sent_total', 'channel="email"'),
    };
    const deadCount =
      (await metric(cluster.url, 'tablebook_outbox_dead_total', 'channel="email"')) +
      (await metric(single.url, 'tablebook_outbox_dead_total', 'channel="email"'));
    const attempts = await sql<{ attempts: number; n: number }>(
      database.url,
      `select attempts, count(*)::int as n from outbox_messages where recipient like 'pair-%' group by attempts`,
    );
    console.info(
      `[outbox/faults] two processes: ${MESSAGES} messages booked in ${bookedIn} ms, all received ${allIn} ms after the first booking, ${distinct} distinct Message-IDs, ${received.length - distinct} duplicates; ` +
        `sent by the WORKERS=2 process ${sentBy.cluster}, by the other ${sentBy.single}; the refused one ${dead[0]?.status} after ${dead[0]?.attempts} attempts`,
    );
    expect(received).toHaveLength(MESSAGES);
    expect(distinct).toBe(MESSAGES);
    expect(attempts).toEqual([{ attempts: 1, n: MESSAGES }]);
    expect(sentBy.cluster + sentBy.single).toBe(MESSAGES);
    expect(sentBy.cluster).toBeGreaterThan(0);
    expect(sentBy.single).toBeGreaterThan(0);
    // A 550 (permanent) is dead at its first attempt, not retried up to OUTBOX_MAX_ATTEMPTS.
    expect(dead[0]).toMatchObject({ status: 'dead', attempts: 1, last_error: expect.stringMatching(/550/) });
    expect(deadCount).toBe(1);
    expect(sink.to('never@example.com')).toEqual([]);
    // The dead message is not waiting: the queue is empty, its oldest age 0.
    expect(await metric(single.url, 'tablebook_outbox_queue_depth')).toBe(0);
    expect(await metric(cluster.url, 'tablebook_outbox_oldest_due_age_seconds')).toBe(0);
  });

  it('a slow but healthy SMTP server (3 s per message), one process: nothing is claimed again while it is being sent, no duplicates', {
    timeout: 90_000,
  }, async () => {
    database = await createTestDatabase(postgresUrl);
    sink.answerDelayMs = 3_000;
    const LEASE_SECONDS = 5;
    // The defaults (poll, backoff, attempts, SMTP pool), but a lease shorter than the review's 60 s, so
    // that a message queued behind others in the process's own SMTP pool would outlive it.
    const server = await spawn({ OUTBOX_POLL_MS: '', OUTBOX_RETRY_BASE_MS: '', OUTBOX_LEASE_SECONDS: String(LEASE_SECONDS) });
    const restaurant = await post(server.url, '/api/admin/restaurant', restaurantBody({ name: 'Correo lento' }));
    // Three rounds of the pool's 3: the last ones wait 6 s in the queue, past the lease.
    const MESSAGES = 9;
    const started = Date.now();
    await bookMany([server.url], restaurant.id, MESSAGES, 120, (index) => `slow-${index}@example.com`);
    await sink.waitFor((email) => email.to.startsWith('slow-'), MESSAGES, 60_000);
    const allIn = Date.now() - started;
    // Anything claimed again would arrive up to one more answer later.
    await sleep(4_000);
    const received = sink.received.filter((email) => email.to.startsWith('slow-'));
    const distinct = new Set(received.map((email) => email.messageId)).size;
    const rows = await sql<{ status: string; attempts: number }>(
      database.url,
      `select status, attempts from outbox_messages where recipient like 'slow-%'`,
    );
    const lost = await sql<{ n: number }>(
      database.url,
      `select count(*)::int as n from outbox_attempts where error like 'the lease expired%'`,
    );
    console.info(
      `[outbox/faults] slow SMTP (3 s per message, lease ${LEASE_SECONDS} s, one process): ${MESSAGES} messages, ${received.length} received, ` +
        `${distinct} distinct Message-IDs, ${received.length - distinct} duplicates, ${lost[0]!.n} attempts recorded as lost with the lease; all in ${allIn} ms`,
    );
    expect(distinct).toBe(MESSAGES);
    expect(received.length - distinct).toBe(0);
    expect(lost[0]!.n).toBe(0);
    expect(rows).toHaveLength(MESSAGES);
    expect(rows.every((row) => row.status === 'sent' && row.attempts === 1)).toBe(true);
  });

  it("a process whose clock is an hour behind the database's still sends within seconds: what is due is the database's word", async () => {
    database = await createTestDatabase(postgresUrl);
    const shiftClock = fileURLToPath(new URL('./support/shift-clock.mjs', import.meta.url));
    const server = await spawn({
      NODE_OPTIONS: `${process.env['NODE_OPTIONS'] ?? ''} --import ${shiftClock}`.trim(),
      TABLEBOOK_TEST_CLOCK_OFFSET_MS: String(-3_600_000),
    });
    const restaurant = await post(server.url, '/api/admin/restaurant', restaurantBody({ name: 'Reloj atrasado' }));
    const started = Date.now();
    await bookMany([server.url], restaurant.id, 3, 160, (index) => `skewed-${index}@example.com`);
    const arrived = await sink.waitFor((email) => email.to.startsWith('skewed-'), 3, 10_000);
    const [clocks] = await sql<{ due: Date; sent: Date }>(
      database.url,
      `select max(due_at) as due, max(sent_at) as sent from outbox_messages where recipient like 'skewed-%'`,
    );
    console.info(
      `[outbox/faults] process clock 1 h behind the database: 3 messages received ${Math.max(...arrived.map((email) => email.receivedAt)) - started} ms after the first booking`,
    );
    expect(arrived).toHaveLength(3);
    // Recorded on the database's clock too: sent after it was due, not an hour before.
    expect(clocks!.sent.getTime()).toBeGreaterThanOrEqual(clocks!.due.getTime());
    expect(clocks!.sent.getTime() - clocks!.due.getTime()).toBeLessThan(10_000);
  });

  it('WORKERS=2 without SMTP_URL: the log says so once (the primary), not once per worker', async () => {
    database = await createTestDatabase(postgresUrl);
    const server = await spawn({ SMTP_URL: '', WORKERS: '2', LOG_LEVEL: 'info' });
    // Both workers serving, their senders started.
    const started = () =>
      server
        .output()
        .split('\n')
        .filter((line) => line.includes('outbox sender started')).length;
    const deadline = Date.now() + 20_000;
    while (started() < 2 && Date.now() < deadline) await sleep(100);
    expect(started()).toBe(2);
    await sleep(1500);
    const notices = server
      .output()
      .split('\n')
      .filter((line) => line.includes('SMTP_URL is not set'));
    expect(notices).toHaveLength(1);
    expect(JSON.parse(notices[0]!)).toMatchObject({ role: 'primary', level: 40 });
  });
});
