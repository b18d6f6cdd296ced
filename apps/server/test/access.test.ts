import { queryRows, reservations, restaurants } from '@tablebook/db';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectErrorEnvelope, expectSuccessEnvelope, request, restaurantBody, useServer } from './helpers.ts';

const running = useServer({ adminTokens: ['alpha-token', 'beta-token'] });
const call = (method: string, path: string, options?: Parameters<typeof request>[3]) => request(running().url, method, path, options);
const as = (token: string) => ({ authorization: `Bearer ${token}` });
let restaurantId: string;
let reservationId: string;

const snapshot = async () => {
  const db = running().database.db;
  return JSON.stringify([await db.select().from(restaurants), await db.select().from(reservations)]);
};

beforeAll(async () => {
  const created = await call('POST', '/api/admin/restaurant', { json: restaurantBody({ name: 'Guarded' }), headers: as('alpha-token') });
  restaurantId = expectSuccessEnvelope(created, 201).id;
  const booked = await call('POST', `/api/admin/restaurant/${restaurantId}/reservations`, {
    json: { table: 'A0', date: '2036-01-01' },
    headers: as('alpha-token'),
  });
  reservationId = expectSuccessEnvelope(booked, 201).id;
});

const adminRoutes = (): [string, string, unknown?][] => [
  ['GET', '/api/admin/restaurant'],
  ['POST', '/api/admin/restaurant', restaurantBody({ name: 'Intruder' })],
  ['GET', `/api/admin/restaurant/${restaurantId}`],
  ['PUT', `/api/admin/restaurant/${restaurantId}`, restaurantBody({ name: 'Defaced' })],
  ['DELETE', `/api/admin/restaurant/${restaurantId}`],
  ['GET', `/api/admin/restaurant/${restaurantId}/reservations`],
  ['POST', `/api/admin/restaurant/${restaurantId}/reservations`, { table: 'B0', date: '2036-01-01' }],
  ['GET', `/api/admin/restaurant/${restaurantId}/reservations/${reservationId}`],
  ['PATCH', `/api/admin/restaurant/${restaurantId}/reservations/${reservationId}`, { table: 'C0' }],
  ['POST', `/api/admin/restaurant/${restaurantId}/reservations/${reservationId}/cancel`, {}],
  ['GET', `/api/admin/restaurant/${restaurantId}/availability?date=2036-01-01`],
];

describe('the administration behind ADMIN_TOKEN', () => {
  it('refuses every admin REST route without a token or with a wrong one, changing nothing', async () => {
    const before = await snapshot();
    for (const [method, path, json] of adminRoutes()) {
      for (const headers of [{}, as('wrong-token'), { authorization: 'alpha-token' }, { authorization: 'Basic YWxwaGE=' }]) {
        const response = await call(method, path, { ...(json !== undefined ? { json } : {}), headers });
        expectErrorEnvelope(response, 401, 'UNAUTHORIZED');
      }
    }
    expect(await snapshot()).toBe(before);
  });

  it('accepts each of the two rotated tokens on every admin route', async () => {
    for (const token of ['alpha-token', 'beta-token']) {
      for (const [method, path] of adminRoutes().filter(([method]) => method === 'GET')) {
        expect((await call(method, path, { headers: as(token) })).status, `${method} ${path}`).toBe(200);
      }
    }
    const moved = await call('PATCH', `/api/admin/restaurant/${restaurantId}/reservations/${reservationId}`, {
      json: { table: 'C0' },
      headers: as('beta-token'),
    });
    expect(expectSuccessEnvelope(moved).table).toBe('C0');
  });

  it('guards the admin tRPC procedures the same way', async () => {
    const base = running().url;
    const query = (path: string, input: unknown, headers: Record<string, string> = {}) =>
      fetch(`${base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers });
    const mutate = (path: string, input: unknown, headers: Record<string, string> = {}) =>
      fetch(`${base}/trpc/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(input),
      });
    const calls = [
      () => query('restaurant.list', {}),
      () => query('restaurant.byId', { id: restaurantId }),
      () => mutate('restaurant.create', restaurantBody({ name: 'tRPC intruder' })),
      () => mutate('restaurant.update', { id: restaurantId, ...restaurantBody({ name: 'x-defaced' }) }),
      () => mutate('restaurant.delete', { id: restaurantId }),
      () => query('reservation.list', { restaurantId }),
      () => query('reservation.byId', { restaurantId, reservationId }),
      () => mutate('reservation.create', { restaurantId, table: 'B1', date: '2036-01-01' }),
      () => mutate('reservation.update', { restaurantId, reservationId, notes: 'x' }),
      () => mutate('reservation.cancel', { restaurantId, reservationId }),
      () => query('reservation.availability', { restaurantId, date: '2036-01-01' }),
    ];
    const before = await snapshot();
    for (const attempt of calls) {
      const response = await attempt();
      expect(response.status).toBe(401);
      const body = (await response.json()) as { error: { data: { reason: string } } };
      expect(body.error.data.reason).toBe('UNAUTHORIZED');
    }
    expect(await snapshot()).toBe(before);
    const allowed = await query('restaurant.byId', { id: restaurantId }, as('beta-token'));
    expect(allowed.status).toBe(200);
  });

  it("does not turn another site's bodyless POST into an empty JSON call", async () => {
    const path = `/api/admin/restaurant/${restaurantId}/reservations/${reservationId}/cancel`;
    const crossSite = await call('POST', path, { headers: { ...as('alpha-token'), 'sec-fetch-site': 'cross-site' } });
    expectErrorEnvelope(crossSite, 415, 'UNSUPPORTED_MEDIA_TYPE');
    const [row] = await running().database.db.select().from(reservations).where(eq(reservations.id, reservationId));
    expect(row?.status).toBe('confirmed');
  });

  it('leaves the guest routes, health and the docs open', async () => {
    expect((await call('GET', '/api/cities')).status).toBe(200);
    expect((await call('GET', '/api/restaurants')).status).toBe(200);
    expect((await call('GET', `/api/restaurants/${restaurantId}`)).status).toBe(200);
    expect((await call('GET', `/api/restaurants/${restaurantId}/availability?date=2036-01-01`)).status).toBe(200);
    expect(expectSuccessEnvelope(await call('GET', '/api/health')).adminOpen).toBe(false);
    expect((await call('GET', '/api/openapi.json')).status).toBe(200);
  });

  it('marks the admin operations as needing the token in the OpenAPI document', async () => {
    const document = (await call('GET', '/api/openapi.json')).body;
    expect(document.components.securitySchemes.Authorization).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(document.paths['/admin/restaurant'].get.security).toEqual([{ Authorization: [] }]);
    expect(document.paths['/admin/restaurant/{restaurantId}/reservations'].post.security).toEqual([{ Authorization: [] }]);
    expect(document.paths['/restaurants/{restaurantId}/reservations'].post.security).toEqual([]);
    expect(document.paths['/cities'].get.security).toEqual([]);
  });
});

describe('guests', () => {
  it('book with a name and a phone or e-mail, get a cancellation code kept only as a hash, and cancel with it', async () => {
    const path = `/api/restaurants/${restaurantId}/reservations`;
    const noContact = await call('POST', path, { json: { table: 'D0', date: '2036-02-02', guestName: 'Ana' } });
    expectErrorEnvelope(noContact, 400, 'INVALID_INPUT');
    expect(noContact.body.data.issues[0].path).toBe('guestPhone');
    expectErrorEnvelope(
      await call('POST', path, { json: { table: 'D0', date: '2036-02-02', guestPhone: '+57 300 000 0000' } }),
      400,
      'INVALID_INPUT',
    );

    const headers = { 'Idempotency-Key': 'guest-checkout-1' };
    const json = { table: 'D0', date: '2036-02-02', guestName: 'Ana Gómez', guestEmail: 'ana@example.com', partySize: 3 };
    const booked = expectSuccessEnvelope(await call('POST', path, { json, headers }), 201);
    expect(booked).toMatchObject({ table: 'D0', date: '2036-02-02', guestName: 'Ana Gómez', partySize: 3, status: 'confirmed' });
    expect(booked.cancellationCode).toMatch(/^[0-9A-Z]{12}$/);
    expect(booked).not.toHaveProperty('guestEmail');
    const replay = expectSuccessEnvelope(await call('POST', path, { json, headers }), 201);
    expect(replay).toEqual(booked);

    const [stored] = await running().database.db.select().from(reservations).where(eq(reservations.id, booked.id));
    expect(stored?.cancellationCodeHash).toMatch(/^[0-9a-f]{64}$/);
    const everything = JSON.stringify([
      await queryRows(running().database.db, sql`select * from reservations`),
      await queryRows(running().database.db, sql`select * from idempotency_keys`),
    ]);
    expect(everything).toContain(booked.id);
    expect(everything).not.toContain(booked.cancellationCode);
    expect(everything).not.toContain('guest-checkout-1');

    const cancelPath = `${path}/${booked.id}/cancel`;
    expectErrorEnvelope(await call('POST', cancelPath, { json: { cancellationCode: 'WRONGCODE123' } }), 403, 'INVALID_CANCELLATION_CODE');
    expectErrorEnvelope(await call('POST', cancelPath, { json: {} }), 400, 'INVALID_INPUT');
    const cancelled = expectSuccessEnvelope(
      await call('POST', cancelPath, { json: { cancellationCode: booked.cancellationCode.toLowerCase() } }),
    );
    expect(cancelled).toEqual({ id: booked.id, restaurantId, table: 'D0', date: '2036-02-02', status: 'cancelled' });
    expectErrorEnvelope(await call('POST', cancelPath, { json: { cancellationCode: booked.cancellationCode } }), 409, 'ALREADY_CANCELLED');
  });

  it('see no personal data in the public availability', async () => {
    const availability = expectSuccessEnvelope(await call('GET', `/api/restaurants/${restaurantId}/availability?date=2036-01-01`));
    expect(JSON.stringify(availability)).not.toMatch(/guest|@|phone/i);
    expect(Object.keys(availability).sort()).toEqual(['date', 'freeTables', 'globalRemaining', 'restaurantRemaining', 'takenTables']);
  });
});
