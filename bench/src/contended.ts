// The contended day with the default limits: 300 booking attempts for one day sent at once, spread
// over 20 restaurants and their 15 tables (no two on one table). Measures the time until every attempt
// is answered and counts what the database kept: exactly the limit stored (20 with the defaults).
import pg from 'pg';
import { Agent, request } from 'undici';
import { TABLE_LABELS } from './dataset.ts';
import type { Limits } from './limits.ts';

export const CONTENDED_ATTEMPTS = 300;
const RESTAURANTS = 20;

/** What the limits let through: the system's limit, or each restaurant's (at most its 15 tables) over the 20. */
const contendedLimit = (limits: Limits) =>
  Math.min(limits.globalDailyLimit, RESTAURANTS * Math.min(limits.restaurantDailyLimit, TABLE_LABELS.length), CONTENDED_ATTEMPTS);

export interface ContendedRound {
  day: string;
  elapsedMs: number;
  created: number;
  refused: number;
  other: number;
  stored: number;
  /** What the stored limits allow (contendedLimit): the round is right when exactly this many are stored and created. */
  limit: number;
}

export async function contendedRound(
  baseUrl: string,
  databaseUrl: string,
  restaurantIds: readonly string[],
  day: string,
  headers: Record<string, string>,
  limits: Limits,
): Promise<ContendedRound> {
  // One connection per attempt, opened before the clock starts: the race is in the server.
  const dispatcher = new Agent({ connections: CONTENDED_ATTEMPTS, pipelining: 1 });
  const attempts = Array.from({ length: CONTENDED_ATTEMPTS }, (_, index) => ({
    restaurant: restaurantIds[index % RESTAURANTS]!,
    table: TABLE_LABELS[Math.floor(index / RESTAURANTS) % TABLE_LABELS.length]!,
  }));
  await Promise.all(attempts.map(() => request(`${baseUrl}/api/health`, { dispatcher }).then((response) => response.body.dump())));
  const started = performance.now();
  const statuses = await Promise.all(
    attempts.map(async ({ restaurant, table }) => {
      const response = await request(`${baseUrl}/api/admin/restaurant/${restaurant}/reservations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ table, date: day }),
        dispatcher,
      });
      await response.body.dump();
      return response.statusCode;
    }),
  );
  const elapsedMs = performance.now() - started;
  await dispatcher.close();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ n: number }>(
    `select count(*)::int as n from reservations where date = $1 and status <> 'cancelled'`,
    [day],
  );
  await client.end();
  return {
    day,
    elapsedMs,
    created: statuses.filter((status) => status === 201).length,
    refused: statuses.filter((status) => status === 409).length,
    other: statuses.filter((status) => status !== 201 && status !== 409).length,
    stored: rows[0]?.n ?? 0,
    limit: contendedLimit(limits),
  };
}
