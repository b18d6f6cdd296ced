// Booking benchmark: latency of the booking path against baselines measured in the same run.
// Run: `pnpm bench` (or `npm run bench` on a fresh machine). Uses a real PostgreSQL when one answers
// (TEST_DATABASE_URL or 127.0.0.1:5432), and the embedded PGlite too.
import { createServer } from '@tablebook/server';
import { createDb, migrate, type DatabaseHandle } from '@tablebook/db';
import { canConnect, createTestDatabase } from '@tablebook/testing';

const SAMPLES = Number(process.env['BENCH_SAMPLES'] ?? 300);
const TABLES = ['A0', 'A1', 'A2', 'A3', 'B0', 'B1', 'B2', 'B3', 'C0', 'C1', 'C2', 'C3', 'D0', 'D1', 'D2'];

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

async function time(action: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await action();
  return performance.now() - started;
}

async function post(url: string, body: unknown): Promise<number> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  await response.arrayBuffer();
  return response.status;
}

async function run(label: string, database: DatabaseHandle) {
  await migrate(database);
  const server = createServer({
    database,
    settings: { restaurantDailyLimit: 15, globalDailyLimit: 20, timeZone: 'America/Bogota' },
    logLevel: 'silent',
    port: 0,
  });
  const base = await server.start();
  try {
    const restaurants: string[] = [];
    for (let index = 0; index < 2; index += 1) {
      const response = await fetch(`${base}/api/admin/restaurant`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: `Bench ${index}`, address: 'x', description: 'x', photoUrl: 'https://example.com/x.jpg', cityId: 1 }),
      });
      restaurants.push(((await response.json()) as { data: { id: string } }).data.id);
    }
    // Warm up connections and JIT.
    for (let index = 0; index < 20; index += 1) await fetch(`${base}/api/health`).then((r) => r.arrayBuffer());

    const health: number[] = [];
    const read: number[] = [];
    const booking: number[] = [];
    const refusal: number[] = [];
    for (let index = 0; index < SAMPLES; index += 1) {
      health.push(await time(() => fetch(`${base}/api/health`).then((r) => r.arrayBuffer())));
      read.push(await time(() => fetch(`${base}/api/admin/restaurant/${restaurants[0]}`).then((r) => r.arrayBuffer())));
      // Each sample books a fresh day: the full path (day lock, count, insert, event, notify) succeeds.
      const day = new Date(Date.UTC(2060, 0, 1 + index)).toISOString().slice(0, 10);
      booking.push(await time(() => post(`${base}/api/admin/restaurant/${restaurants[0]}/reservations`, { table: TABLES[index % 15], date: day })));
      // The same table again: refused by the rules (409), nothing written.
      refusal.push(await time(() => post(`${base}/api/admin/restaurant/${restaurants[0]}/reservations`, { table: TABLES[index % 15], date: day })));
    }

    // 60 concurrent attempts for one day (20 succeed): contention on the day lock.
    const contended: number[] = [];
    for (let round = 0; round < 5; round += 1) {
      const day = new Date(Date.UTC(2070, 0, 1 + round)).toISOString().slice(0, 10);
      const started = performance.now();
      await Promise.all(
        Array.from({ length: 60 }, (_, index) =>
          post(`${base}/api/admin/restaurant/${restaurants[index % 2]}/reservations`, { table: TABLES[Math.floor(index / 2) % 15], date: day }),
        ),
      );
      contended.push(performance.now() - started);
    }

    const baseline = median(health);
    const rows = [
      ['GET /api/health (baseline)', median(health)],
      ['GET a restaurant', median(read)],
      ['POST a booking (accepted)', median(booking)],
      ['POST a booking (refused, 409)', median(refusal)],
      ['60 simultaneous bookings for one day (batch)', median(contended)],
    ] as const;
    console.log(`\n${label}: ${SAMPLES} samples each, medians (ratio to the baseline)`);
    for (const [name, value] of rows) console.log(`  ${name.padEnd(46)} ${value.toFixed(2).padStart(8)} ms  x${(value / baseline).toFixed(1)}`);
  } finally {
    await server.stop();
    await database.close();
  }
}

const postgresAdmin = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
if (await canConnect(postgresAdmin)) {
  const database = await createTestDatabase(postgresAdmin);
  try {
    await run(`PostgreSQL (${new URL(postgresAdmin).host})`, createDb(database.url));
  } finally {
    await database.drop();
  }
} else {
  console.log('No PostgreSQL answers: only the embedded database is measured.');
}
await run('PGlite (in memory)', createDb('memory://'));
