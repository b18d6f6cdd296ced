/**
 * Issue 16: "cancelling with the code alone (`POST /api/reservations/cancel {cancellationCode}`, rate-limited
 * like guest bookings)", over HTTP on a real server, on the embedded database and on a real PostgreSQL (whose
 * rate limits are counted in the database): REST and tRPC (`guest.cancelByCode`), the answers the OpenAPI
 * document describes (the request helper validates each), 404 for an unknown code with no timing oracle,
 * and one budget with guest bookings.
 */
import { defaultRateLimits } from '@tablebook/api';
import { createDb, migrate, reservations, type DatabaseHandle } from '@tablebook/db';
import { createTestDatabase, type TestDatabase } from '@tablebook/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createServer, type TablebookServer } from '../src/app.ts';
import { expectErrorEnvelope, expectSuccessEnvelope, request, restaurantBody } from './helpers.ts';

const postgresUrl = inject('postgresUrl');
const ADMIN = { authorization: 'Bearer cancel-code-admin' };
const GUEST_BOOKINGS_PER_MINUTE = 4;
const guest = { guestName: 'Ana Gómez', guestPhone: '+57 300 123 4567' };

function cancelByCodeOverHttp(driver: 'pglite' | 'postgres') {
  describe(`POST /api/reservations/cancel on ${driver}`, () => {
    let testDatabase: TestDatabase | undefined;
    let database: DatabaseHandle;
    let server: TablebookServer;
    let base = '';
    let restaurantId = '';
    let nextDay = Date.parse('2037-03-01T00:00:00Z');
    const day = () => {
      nextDay += 86_400_000;
      return new Date(nextDay).toISOString().slice(0, 10);
    };
    // Every test is its own client (X-Forwarded-For, trusted here), so each has a whole rate-limit budget.
    let client = 0;
    const newClient = () => {
      client += 1;
      return { 'x-forwarded-for': `198.51.100.${client}` };
    };

    beforeAll(async () => {
      if (driver === 'postgres') testDatabase = await createTestDatabase(postgresUrl);
      database = createDb(testDatabase?.url ?? 'memory://');
      await migrate(database);
      server = createServer({
        settings: { timeZone: 'America/Bogota' },
        logLevel: 'silent',
        database,
        port: 0,
        adminTokens: ['cancel-code-admin'],
        trustProxy: true,
        rateLimits: { ...defaultRateLimits, guestBooking: GUEST_BOOKINGS_PER_MINUTE },
      });
      base = await server.start();
      const created = await request(base, 'POST', '/api/admin/restaurant', {
        json: restaurantBody({ name: 'Código en Mano' }),
        headers: ADMIN,
      });
      restaurantId = expectSuccessEnvelope(created, 201).id;
    });
    afterAll(async () => {
      await server?.stop();
      await database?.close();
      await testDatabase?.drop();
    });

    const book = async (from: Record<string, string>, table: string) => {
      const json = { table, date: day(), ...guest };
      return expectSuccessEnvelope(
        await request(base, 'POST', `/api/restaurants/${restaurantId}/reservations`, { json, headers: from }),
        201,
      );
    };
    const cancel = (from: Record<string, string>, cancellationCode: unknown) =>
      request(base, 'POST', '/api/reservations/cancel', { json: { cancellationCode }, headers: from });

    it('cancels with the code alone over REST, then says ALREADY_CANCELLED; an unknown code is 404', async () => {
      const from = newClient();
      const booked = await book(from, 'A1');
      const answer = await cancel(from, booked.cancellationCode.toLowerCase());
      expect(answer.body.message).toBe('Reservation cancelled');
      expect(expectSuccessEnvelope(answer)).toEqual({
        id: booked.id,
        restaurantId,
        restaurantName: 'Código en Mano',
        table: 'A1',
        date: booked.date,
        time: null,
        startsAt: booked.startsAt,
        endsAt: booked.endsAt,
        partySize: 2,
        status: 'cancelled',
      });
      const [row] = await database.db.select().from(reservations).where(eq(reservations.id, booked.id));
      expect(row?.status).toBe('cancelled');
      expectErrorEnvelope(await cancel(from, booked.cancellationCode), 409, 'ALREADY_CANCELLED');
      expectErrorEnvelope(await cancel(newClient(), 'ZZZZZZZZZZZZ'), 404, 'NOT_FOUND');
      const invalid = await cancel(newClient(), '');
      expectErrorEnvelope(invalid, 400, 'INVALID_INPUT');
      expect(invalid.body.data.issues[0].path).toBe('cancellationCode');
    });

    it('is the tRPC mutation guest.cancelByCode, public', async () => {
      const from = newClient();
      const booked = await book(from, 'A2');
      const response = await fetch(`${base}/trpc/guest.cancelByCode`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...from },
        body: JSON.stringify({ cancellationCode: booked.cancellationCode }),
      });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { result: { data: { id: string; status: string } } };
      expect(body.result.data).toMatchObject({ id: booked.id, status: 'cancelled' });
    });

    it('answers a near miss exactly as it answers any unknown code, in about the same time', async () => {
      const from = newClient();
      const booked = await book(from, 'A3');
      const code: string = booked.cancellationCode;
      // One character off at the end (a lookup comparing codes would get furthest), or a different code.
      const nearMiss = `${code.slice(0, -1)}${code.at(-1) === '0' ? '1' : '0'}`;
      const farMiss = code.startsWith('Z') ? 'YYYYYYYYYYYY' : 'ZZZZZZZZZZZZ';
      const near = await cancel(newClient(), nearMiss);
      const far = await cancel(newClient(), farMiss);
      expectErrorEnvelope(near, 404, 'NOT_FOUND');
      expect({ ...near.body, data: { ...near.body.data, requestId: '' } }).toEqual({
        ...far.body,
        data: { ...far.body.data, requestId: '' },
      });
      // Timed interleaved, each from a fresh client (the limit counts these calls): what the database
      // compares is the code's SHA-256, so a near miss takes no longer than a far one. Generous margin:
      // a shared 2-core machine.
      const took = { near: [] as number[], far: [] as number[] };
      for (let round = 0; round < 15; round += 1) {
        for (const [kind, guess] of [
          ['near', nearMiss],
          ['far', farMiss],
        ] as const) {
          const started = performance.now();
          expect((await cancel(newClient(), guess)).status).toBe(404);
          took[kind].push(performance.now() - started);
        }
      }
      const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
      const [nearMedian, farMedian] = [median(took.near), median(took.far)];
      expect(Math.abs(nearMedian - farMedian), `near ${nearMedian} ms, far ${farMedian} ms`).toBeLessThan(Math.max(15, farMedian));
      const [row] = await database.db.select().from(reservations).where(eq(reservations.id, booked.id));
      expect(row?.status).toBe('confirmed');
    });

    it('counts each cancel by code with the guest bookings: one budget per address and minute', async () => {
      const from = newClient();
      const first = await book(from, 'B1');
      const second = await book(from, 'B2');
      expectSuccessEnvelope(await cancel(from, first.cancellationCode));
      expectErrorEnvelope(await cancel(from, 'ZZZZZZZZZZZZ'), 404, 'NOT_FOUND');
      // Four calls of the bucket spent: the next guess, and the next booking, wait.
      const limited = await cancel(from, second.cancellationCode);
      expectErrorEnvelope(limited, 429, 'RATE_LIMITED');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      const json = { table: 'B3', date: day(), ...guest };
      expectErrorEnvelope(
        await request(base, 'POST', `/api/restaurants/${restaurantId}/reservations`, { json, headers: from }),
        429,
        'RATE_LIMITED',
      );
      // Nothing was cancelled by the refused call; other public calls and other clients go on.
      const [row] = await database.db.select().from(reservations).where(eq(reservations.id, second.id));
      expect(row?.status).toBe('confirmed');
      expect((await request(base, 'GET', '/api/restaurants', { headers: from })).status).toBe(200);
      expectSuccessEnvelope(await cancel(newClient(), second.cancellationCode));
    });

    it('is in the OpenAPI document as a public operation with its refusals', async () => {
      const document = (await request(base, 'GET', '/api/openapi.json')).body;
      const operation = document.paths['/reservations/cancel'].post;
      expect(operation.security).toEqual([]);
      expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['200', '400', '403', '404', '409', '429']));
      // Issue 17: the code, or the token of the e-mail's cancel link; exactly one of the two.
      const schema = operation.requestBody.content['application/json'].schema;
      expect(operation.requestBody.required).toBe(true);
      expect(Object.keys(schema.properties)).toEqual(['cancellationCode', 'cancelToken']);
      expect(schema.anyOf.map((branch: { required: string[] }) => branch.required)).toEqual([['cancellationCode'], ['cancelToken']]);
    });
  });
}

cancelByCodeOverHttp('pglite');
describe.skipIf(!postgresUrl)('real PostgreSQL', () => {
  cancelByCodeOverHttp('postgres');
});
