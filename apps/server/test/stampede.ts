// The foundation's concurrency check, shared by the tests that run it against one process, two, or a
// WORKERS cluster: 300 bookings for one day at once, then the booking rules checked on what was stored.
import { expect } from 'vitest';
import { DEFAULT_TABLES, restaurantBody } from './helpers.ts';
import { fetchValidated } from './support/openapi-validator.ts';

export const STAMPEDE_ATTEMPTS = 300;

export interface BookingOutcome {
  status: number;
  reason?: string;
  /** The body is the envelope its status calls for (success for 201, error otherwise). */
  envelope: boolean;
}

/** Creates `count` restaurants through the API (each must answer 201) and returns their ids. */
export async function createRestaurants(
  baseUrl: string,
  count: number,
  prefix: string,
  headers: Record<string, string> = {},
): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const response = await fetchValidated(`${baseUrl}/api/admin/restaurant`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(restaurantBody({ name: `${prefix} ${index}` })),
    });
    const text = await response.text();
    expect(response.status, text).toBe(201);
    ids.push((JSON.parse(text) as { data: { id: string } }).data.id);
  }
  return ids;
}

/** 300 bookings for one day, spread over every server, restaurant and table (5 attempts per table with 4 restaurants), all at once. */
export async function stampede(
  baseUrls: string[],
  restaurantIds: string[],
  day: string,
  headers: Record<string, string> = {},
): Promise<BookingOutcome[]> {
  const attempts = Array.from({ length: STAMPEDE_ATTEMPTS }, (_, index) => ({
    baseUrl: baseUrls[index % baseUrls.length]!,
    restaurantId: restaurantIds[index % restaurantIds.length]!,
    table: DEFAULT_TABLES[Math.floor(index / restaurantIds.length) % DEFAULT_TABLES.length]!,
  }));
  return Promise.all(
    attempts.map(async ({ baseUrl, restaurantId, table }) => {
      const response = await fetchValidated(`${baseUrl}/api/admin/restaurant/${restaurantId}/reservations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ table, date: day }),
      });
      const body = (await response.json()) as { status?: string; data?: { reason?: string } };
      return {
        status: response.status,
        ...(body.data?.reason ? { reason: body.data.reason } : {}),
        envelope: body.status === (response.status === 201 ? 'success' : 'error'),
      };
    }),
  );
}

/**
 * The day's stored reservations and the answers obey the rules: exactly 20 stored, no table twice,
 * no restaurant over 15, 20 × 201 and every other answer a 409 naming a rule, all in the envelope.
 */
export function expectRulesHeld(rows: { restaurantId: string; table: string }[], outcomes: BookingOutcome[]) {
  expect(rows).toHaveLength(20);
  expect(new Set(rows.map((row) => `${row.restaurantId}/${row.table}`)).size).toBe(rows.length);
  const perRestaurant = new Map<string, number>();
  for (const row of rows) perRestaurant.set(row.restaurantId, (perRestaurant.get(row.restaurantId) ?? 0) + 1);
  expect(Math.max(...perRestaurant.values())).toBeLessThanOrEqual(15);
  expect(outcomes.filter((outcome) => outcome.status === 201)).toHaveLength(20);
  const refusals = outcomes.filter((outcome) => outcome.status !== 201);
  expect(refusals).toHaveLength(STAMPEDE_ATTEMPTS - 20);
  for (const refusal of refusals) {
    expect(refusal.status).toBe(409);
    expect(['TABLE_ALREADY_BOOKED', 'GLOBAL_DAILY_LIMIT', 'RESTAURANT_DAILY_LIMIT']).toContain(refusal.reason);
  }
  expect(outcomes.every((outcome) => outcome.envelope)).toBe(true);
}
