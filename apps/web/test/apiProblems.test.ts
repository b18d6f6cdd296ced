/**
 * How the app reads the API's failures, against the real server (PGlite in memory) through the
 * app's own tRPC client: the shapes are the server's, not a copy of them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../src/api/client.ts';
import { isTitledReason, isTransient, problemOf } from '../src/api/problems.ts';
import { fieldErrorsFromServer } from '../src/features/manage/restaurantForm.ts';
import { dailyLimitsErrorsFromServer } from '../src/features/settings/dailyLimitsForm.ts';
import { describeIssue } from '../src/i18n/refusals.ts';
import { addDays, localDay } from '../src/lib/days.ts';
import { startAppServer, type AppServer } from './support/appServer.ts';

let server: AppServer;
beforeAll(async () => {
  server = await startAppServer({ webApp: false });
});
afterAll(async () => {
  await server?.stop();
});

const inEnglish = (issue: Parameters<typeof describeIssue>[0], withField: boolean) => describeIssue(issue, 'en', { withField });

const failureOf = async (call: Promise<unknown>) => {
  try {
    await call;
  } catch (error) {
    return problemOf(error);
  }
  throw new Error('the call succeeded');
};

const restaurant = (cityId: number) => ({
  name: 'La Cevichería',
  address: 'Calle 39 # 3-56',
  description: 'Ceviches',
  photoUrl: 'https://example.com/c.jpg',
  cityId,
});

describe("the API's failures, as the app reads them", () => {
  it("puts an unknown city's refusal next to the city field", async () => {
    const problem = await failureOf(server.api.restaurant.create.mutate(restaurant(999_999)));
    expect(problem).toMatchObject({ reason: 'INVALID_INPUT', httpStatus: 400 });
    expect(problem.requestId).toEqual(expect.any(String));
    expect(problem.issues).toEqual([expect.objectContaining({ path: 'cityId', code: 'unknown_city', cityId: 999_999 })]);
    const { fields, general } = fieldErrorsFromServer(problem.issues, inEnglish);
    expect(fields).toEqual({ cityId: 'That city is not in the list: choose one from it' });
    expect(general).toEqual([]);
    expect(isTransient(problem)).toBe(false);
  });

  it("reads a refused booking's details: the table, the restaurant's name and the day", async () => {
    const created = await server.api.restaurant.create.mutate(restaurant(1));
    const day = addDays(localDay(), 20);
    await server.api.reservation.create.mutate({ restaurantId: created.id, table: 'A0', date: day });
    const problem = await failureOf(server.api.reservation.create.mutate({ restaurantId: created.id, table: 'a0', date: day }));
    expect(problem).toMatchObject({
      reason: 'TABLE_ALREADY_BOOKED',
      details: { restaurantName: 'La Cevichería', table: 'A0', date: day, wholeDay: true },
    });
    expect(isTitledReason(problem.reason)).toBe(true);

    const past = await failureOf(
      server.api.reservation.create.mutate({ restaurantId: created.id, table: 'B0', date: addDays(localDay(), -2) }),
    );
    expect(past).toMatchObject({ reason: 'PAST_DATE', details: { restaurantName: 'La Cevichería', date: addDays(localDay(), -2) } });
  });

  it("puts the refusal of pacing without opening hours on the form's pacing, in the page's words", async () => {
    const problem = await failureOf(
      server.api.restaurant.create.mutate({ ...restaurant(1), pacing: { intervalMinutes: 30, maxCovers: 10 } }),
    );
    expect(problem).toMatchObject({ reason: 'INVALID_INPUT', httpStatus: 400 });
    expect(fieldErrorsFromServer(problem.issues, inEnglish)).toEqual({
      fields: { pacing: 'Needs opening hours: give the restaurant hours, or turn pacing off' },
      general: [],
    });
  });

  it("reads the pacing refusal's details, which name the interval and the covers left", async () => {
    const created = await server.api.restaurant.create.mutate({
      ...restaurant(1),
      name: 'La Paceña',
      hours: (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((day) => ({ day, opens: '12:00', closes: '23:00' })),
      pacing: { intervalMinutes: 30, maxCovers: 5 },
    });
    const day = addDays(localDay(), 20);
    const guest = { restaurantId: created.id, date: day, guestName: 'Ana', guestPhone: '+57 300 000 0000' };
    await server.api.guest.book.mutate({ ...guest, time: '19:00', partySize: 4 });
    const problem = await failureOf(server.api.guest.book.mutate({ ...guest, time: '19:00', partySize: 2 }));
    expect(problem).toMatchObject({
      reason: 'PACING_LIMIT',
      httpStatus: 409,
      details: { restaurantName: 'La Paceña', date: day, from: '19:00', to: '19:30', coversLeft: 1, maxCovers: 5, partySize: 2 },
    });
    expect(isTitledReason(problem.reason)).toBe(true);
  });

  it("puts a stored limit out of range on the settings page's input", async () => {
    const problem = await failureOf(server.api.settings.update.mutate({ globalDailyLimit: 1_000_001 }));
    expect(problem).toMatchObject({ reason: 'INVALID_INPUT', httpStatus: 400 });
    const { fields, general } = dailyLimitsErrorsFromServer(problem.issues, inEnglish);
    expect(fields).toEqual({ globalDailyLimit: 'At most 1,000,000' });
    expect(general).toEqual([]);
  });

  it('reads a deleted restaurant as not found', async () => {
    const problem = await failureOf(server.api.restaurant.byId.query({ id: '00000000-0000-4000-8000-000000000000' }));
    expect(problem).toMatchObject({ reason: 'NOT_FOUND', details: { entity: 'restaurant' } });
  });

  it('tells an unreachable server apart, and retries only that kind of failure', async () => {
    const nowhere = createApiClient({ url: 'http://127.0.0.1:9/trpc' });
    const problem = await failureOf(nowhere.city.list.query({}));
    expect(problem.reason).toBe('NETWORK');
    expect(isTransient(problem)).toBe(true);
  });

  it('sends the extra headers given to the client (where an admin token will go)', async () => {
    const seen: string[] = [];
    const client = createApiClient({
      url: `${server.url}/trpc`,
      headers: () => {
        seen.push('asked');
        return { 'x-request-id': 'web-test-0001' };
      },
    });
    const problem = await failureOf(client.restaurant.byId.query({ id: '00000000-0000-4000-8000-000000000000' }));
    expect(seen.length).toBeGreaterThan(0);
    // The server keeps a safe incoming request id, so the header demonstrably reached it.
    expect(problem.requestId).toBe('web-test-0001');
  });
});
