import { request as httpRequest } from 'node:http';
import { reservations, restaurants } from '@tablebook/db';
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TABLES, expectErrorEnvelope, expectSuccessEnvelope, request, restaurantBody, useServer } from './helpers.ts';
import { validateResponse } from './support/openapi-validator.ts';

const running = useServer();
const call = (method: string, path: string, options?: Parameters<typeof request>[3]) => request(running().url, method, path, options);
const restaurantCount = async () => (await running().database.db.select({ n: count() }).from(restaurants))[0]?.n;
const reservationCount = async (restaurantId: string) =>
  (await running().database.db.select({ n: count() }).from(reservations).where(eq(reservations.restaurantId, restaurantId)))[0]?.n;
const createRestaurant = async (overrides: Record<string, unknown> = {}) =>
  expectSuccessEnvelope(await call('POST', '/api/admin/restaurant', { json: restaurantBody(overrides) }), 201) as { id: string };

let dayOffset = 0;
/** A distinct far-future day per call. */
const nextDay = () => new Date(Date.UTC(2032, 0, 1 + dayOffset++)).toISOString().slice(0, 10);

describe('GET /api/cities', () => {
  it.each(['/api/cities', '/api/cities/'])('lists every city at %s', async (path) => {
    const response = await call('GET', path);
    const cities = expectSuccessEnvelope(response) as { id: number; name: string; deptName: string }[];
    expect(cities).toHaveLength(1103);
    expect(cities[0]).toEqual({ id: 1, name: 'Leticia', deptName: 'Amazonas' });
    expect(response.headers.get('x-request-id')).toBeTruthy();
  });
});

describe('POST /api/admin/restaurant', () => {
  it('creates a restaurant: 201, trimmed fields, city expanded', async () => {
    const before = await restaurantCount();
    const response = await call('POST', '/api/admin/restaurant', { json: restaurantBody({ name: '  Casa Vieja  ', cityId: 2 }) });
    const created = expectSuccessEnvelope(response, 201);
    expect(response.body.message).toBe('Restaurant created');
    expect(created).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'Casa Vieja',
      address: 'Calle 39 # 3-56',
      city: { id: 2, name: 'Puerto Nariño', deptName: 'Amazonas' },
      photoUrl: 'https://example.com/ceviche.jpg',
      description: 'Ceviches y cocteles',
      tables: DEFAULT_TABLES.map((label) => ({ label, seats: 4 })),
      // Time of day: a new restaurant books whole days in APP_TIMEZONE until it is given hours.
      timeZone: 'America/Bogota',
      hours: [],
      specialDates: [],
      slotMinutes: 30,
      turnTimes: [
        { maxPartySize: 2, minutes: 90 },
        { maxPartySize: 4, minutes: 120 },
        { maxPartySize: 20, minutes: 150 },
      ],
      minAdvanceMinutes: 0,
      maxAdvanceDays: null,
      // Its own limits: none (the stored default daily limit, no pacing).
      dailyLimit: null,
      pacing: null,
      // Issue 17: the guest of a timed booking is reminded a day and two hours before it.
      reminders: [1440, 120],
    });
    expect(await restaurantCount()).toBe((before ?? 0) + 1);
  });

  it.each([
    ['a missing name', { name: undefined }, 'name'],
    ['a one-letter name', { name: 'x' }, 'name'],
    ['a 251-character name', { name: 'x'.repeat(251) }, 'name'],
    ['a blank address', { address: '  ' }, 'address'],
    ['a 251-character description', { description: 'd'.repeat(251) }, 'description'],
    ['a photo URL that is not http', { photoUrl: 'ftp://example.com/x.jpg' }, 'photoUrl'],
    ['a cityId as a string', { cityId: '1' }, 'cityId'],
    ['a cityId as a boolean', { cityId: true }, 'cityId'],
    ['a null cityId', { cityId: null }, 'cityId'],
    ['a cityId beyond PostgreSQL integer', { cityId: 2_147_483_648 }, 'cityId'],
    ['an unknown city', { cityId: 5000 }, 'cityId'],
    ['a NUL character', { name: 'Bad\u0000Name' }, 'name'],
  ])('refuses %s with 400 and the field named, storing nothing', async (_label, overrides, field) => {
    const before = await restaurantCount();
    const response = await call('POST', '/api/admin/restaurant', { json: restaurantBody(overrides) });
    expectErrorEnvelope(response, 400, 'INVALID_INPUT');
    expect(response.body.data.issues.map((issue: { path: string }) => issue.path)).toContain(field);
    expect(response.body.message).toContain(field);
    expect(await restaurantCount()).toBe(before);
  });

  it('refuses malformed JSON, a wrong content type, an empty body and an oversized body in the envelope', async () => {
    const before = await restaurantCount();
    expectErrorEnvelope(
      await call('POST', '/api/admin/restaurant', { body: '{"name": ', headers: { 'content-type': 'application/json' } }),
      400,
      'INVALID_INPUT',
    );
    expectErrorEnvelope(
      await call('POST', '/api/admin/restaurant', { body: 'name=x', headers: { 'content-type': 'text/plain' } }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    expectErrorEnvelope(
      await call('POST', '/api/admin/restaurant', { body: '', headers: { 'content-type': 'application/json' } }),
      400,
      'INVALID_INPUT',
    );
    expectErrorEnvelope(await call('POST', '/api/admin/restaurant', { json: ['not', 'an', 'object'] }), 400, 'INVALID_INPUT');
    expectErrorEnvelope(
      await call('POST', '/api/admin/restaurant', { json: restaurantBody({ description: 'x'.repeat(70_000) }) }),
      413,
      'PAYLOAD_TOO_LARGE',
    );
    expect(await restaurantCount()).toBe(before);
  });
});

describe('GET /api/admin/restaurant', () => {
  it('lists by name with filters, capacity for a day and the availability filter', async () => {
    const city = 40;
    const busy = await createRestaurant({ name: 'Zeta Busy', cityId: city });
    await createRestaurant({ name: 'zeta quiet', cityId: city });
    const day = nextDay();
    for (const table of DEFAULT_TABLES.slice(0, 14)) {
      expectSuccessEnvelope(await call('POST', `/api/admin/restaurant/${busy.id}/reservations`, { json: { table, date: day } }), 201);
    }
    const listed = expectSuccessEnvelope(await call('GET', `/api/admin/restaurant?cityId=${city}&date=${day}`));
    expect(listed.map((r: any) => [r.name, r.restaurantRemaining, r.globalRemaining])).toEqual([
      ['Zeta Busy', 1, 6],
      ['zeta quiet', 15, 6],
    ]);
    const filtered = expectSuccessEnvelope(await call('GET', `/api/admin/restaurant?cityId=${city}&date=${day}&aviability=2`));
    expect(filtered.map((r: any) => r.name)).toEqual(['zeta quiet']);
    const alias = expectSuccessEnvelope(await call('GET', `/api/admin/restaurant?cityId=${city}&date=${day}&minAvailable=7`));
    expect(alias).toEqual([]);
    const byPrefix = expectSuccessEnvelope(await call('GET', `/api/admin/restaurant?startWith=ZETA%20q`));
    expect(byPrefix.map((r: any) => r.name)).toEqual(['zeta quiet']);
    expect(byPrefix[0]).not.toHaveProperty('restaurantRemaining');
    expect(expectSuccessEnvelope(await call('GET', '/api/admin/restaurant?cityId=999999'))).toEqual([]);
    expect(expectSuccessEnvelope(await call('GET', '/api/admin/restaurant?startWith=%25%25nothing'))).toEqual([]);
    const page = expectSuccessEnvelope(await call('GET', `/api/admin/restaurant?cityId=${city}&limit=1&offset=1`));
    expect(page.map((r: any) => r.name)).toEqual(['zeta quiet']);
  });

  it.each([
    ['cityId=abc', 'cityId'],
    ['cityId=-1', 'cityId'],
    ['cityId=99999999999', 'cityId'],
    ['date=2030-02-30', 'date'],
    ['date=tomorrow', 'date'],
    ['aviability=many', 'aviability'],
    ['limit=501', 'limit'],
    ['limit=0', 'limit'],
    ['offset=-5', 'offset'],
  ])('refuses ?%s with 400 naming the parameter', async (query, field) => {
    const response = await call('GET', `/api/admin/restaurant?${query}`);
    expectErrorEnvelope(response, 400, 'INVALID_INPUT');
    expect(response.body.data.issues).toEqual([
      expect.objectContaining({ path: field, message: expect.any(String), code: expect.any(String) }),
    ]);
  });
});

describe('GET, PUT and DELETE /api/admin/restaurant/{id}', () => {
  it('reads, replaces and deletes a restaurant, its reservations going with it', async () => {
    const restaurant = await createRestaurant({ name: 'Original' });
    expect(expectSuccessEnvelope(await call('GET', `/api/admin/restaurant/${restaurant.id}`))).toEqual(restaurant);

    const updated = expectSuccessEnvelope(
      await call('PUT', `/api/admin/restaurant/${restaurant.id}`, { json: restaurantBody({ name: 'Renamed', cityId: 3 }) }),
    );
    expect(updated).toMatchObject({ id: restaurant.id, name: 'Renamed', city: { id: 3 } });
    const [stored] = await running().database.db.select().from(restaurants).where(eq(restaurants.id, restaurant.id));
    expect(stored).toMatchObject({ name: 'Renamed', cityId: 3 });

    expectSuccessEnvelope(
      await call('POST', `/api/admin/restaurant/${restaurant.id}/reservations`, { json: { table: 'A0', date: nextDay() } }),
      201,
    );
    expect(await reservationCount(restaurant.id)).toBe(1);
    const deleted = await call('DELETE', `/api/admin/restaurant/${restaurant.id}`);
    expect(expectSuccessEnvelope(deleted)).toEqual({ id: restaurant.id });
    expect(await reservationCount(restaurant.id)).toBe(0);
    expectErrorEnvelope(await call('GET', `/api/admin/restaurant/${restaurant.id}`), 404, 'NOT_FOUND');
    expectErrorEnvelope(await call('DELETE', `/api/admin/restaurant/${restaurant.id}`), 404, 'NOT_FOUND');
  });

  it('refuses a partial PUT, an unknown id and a non-UUID id', async () => {
    const restaurant = await createRestaurant({ name: 'Untouched' });
    const partial = await call('PUT', `/api/admin/restaurant/${restaurant.id}`, { json: { name: 'Half' } });
    expectErrorEnvelope(partial, 400, 'INVALID_INPUT');
    const [stored] = await running().database.db.select().from(restaurants).where(eq(restaurants.id, restaurant.id));
    expect(stored?.name).toBe('Untouched');
    expectErrorEnvelope(
      await call('PUT', '/api/admin/restaurant/0b7e4f7c-1111-4222-8333-944445555666', { json: restaurantBody() }),
      404,
      'NOT_FOUND',
    );
    const notUuid = await call('GET', '/api/admin/restaurant/not-a-uuid');
    expectErrorEnvelope(notUuid, 400, 'INVALID_INPUT');
    expect(notUuid.body.data.issues).toEqual([{ path: 'id', message: 'id must be a UUID', code: 'invalid_format', format: 'guid' }]);
    expectErrorEnvelope(await call('DELETE', '/api/admin/restaurant/123'), 400, 'INVALID_INPUT');
  });
});

describe('/api/admin/restaurant/{id}/reservations', () => {
  it('books, refuses a taken table with 409, and lists newest first', async () => {
    const restaurant = await createRestaurant({ name: 'Booked Out' });
    const [early, late] = [nextDay(), nextDay()];
    const path = `/api/admin/restaurant/${restaurant.id}/reservations`;
    const created = await call('POST', path, { json: { table: ' b1', date: early } });
    expect(expectSuccessEnvelope(created, 201)).toMatchObject({
      id: expect.any(String),
      table: 'B1',
      date: early,
      restaurantId: restaurant.id,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      status: 'confirmed',
      partySize: 2,
    });
    expect(created.body.message).toBe('Reservation created');
    const taken = await call('POST', path, { json: { table: 'B1', date: early } });
    expectErrorEnvelope(taken, 409, 'TABLE_ALREADY_BOOKED');
    expect(taken.body.message).toContain('B1');
    expect(taken.body.message).toContain('Booked Out');
    expect(taken.body.message).toContain(early);
    expect(await reservationCount(restaurant.id)).toBe(1);
    expectSuccessEnvelope(await call('POST', path, { json: { table: 'A0', date: late } }), 201);
    const listed = expectSuccessEnvelope(await call('GET', path));
    expect(listed.map((r: any) => r.date)).toEqual([late, early]);
    expect(expectSuccessEnvelope(await call('GET', `${path}?date=${early}`)).map((r: any) => r.table)).toEqual(['B1']);
    expect(expectSuccessEnvelope(await call('GET', `${path}?date=${nextDay()}`))).toEqual([]);
  });

  it('refuses the 16th booking of a restaurant and the 21st of the system with 409', async () => {
    // Sixteen tables, so the restaurant's limit of 15 is reached before its floor is full.
    const first = await createRestaurant({ name: 'Limit One', tables: [...DEFAULT_TABLES, 'E0'].map((label) => ({ label, seats: 4 })) });
    const second = await createRestaurant({ name: 'Limit Two' });
    const day = nextDay();
    for (const table of DEFAULT_TABLES) {
      expectSuccessEnvelope(await call('POST', `/api/admin/restaurant/${first.id}/reservations`, { json: { table, date: day } }), 201);
    }
    const restaurantFull = await call('POST', `/api/admin/restaurant/${first.id}/reservations`, { json: { table: 'E0', date: day } });
    expectErrorEnvelope(restaurantFull, 409, 'RESTAURANT_DAILY_LIMIT');
    expect(restaurantFull.body.message).toContain('Limit One');
    for (const table of DEFAULT_TABLES.slice(0, 5)) {
      expectSuccessEnvelope(await call('POST', `/api/admin/restaurant/${second.id}/reservations`, { json: { table, date: day } }), 201);
    }
    const systemFull = await call('POST', `/api/admin/restaurant/${second.id}/reservations`, { json: { table: 'D2', date: day } });
    expectErrorEnvelope(systemFull, 409, 'GLOBAL_DAILY_LIMIT');
    expect(systemFull.body.message).toContain(day);
    expect(await reservationCount(first.id)).toBe(15);
    expect(await reservationCount(second.id)).toBe(5);
  });

  it.each([
    ['a past date', { table: 'A0', date: '2001-01-01' }, 'PAST_DATE'],
    ['an impossible date', { table: 'A0', date: '2030-02-30' }, 'INVALID_INPUT'],
    ['a three-character table', { table: 'A10', date: '2030-03-01' }, 'INVALID_INPUT'],
    ['a numeric table', { table: 5, date: '2030-03-01' }, 'INVALID_INPUT'],
    ['no table', { date: '2030-03-01' }, 'INVALID_INPUT'],
  ])('refuses %s with 400, storing nothing', async (_label, json, reason) => {
    const restaurant = await createRestaurant({ name: 'Strict Door' });
    expectErrorEnvelope(await call('POST', `/api/admin/restaurant/${restaurant.id}/reservations`, { json }), 400, reason);
    expect(await reservationCount(restaurant.id)).toBe(0);
  });

  it('answers 404 for an unknown restaurant and 400 for a bad id or date', async () => {
    const unknown = '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b';
    expectErrorEnvelope(await call('GET', `/api/admin/restaurant/${unknown}/reservations`), 404, 'NOT_FOUND');
    expectErrorEnvelope(
      await call('POST', `/api/admin/restaurant/${unknown}/reservations`, { json: { table: 'A0', date: nextDay() } }),
      404,
      'NOT_FOUND',
    );
    expectErrorEnvelope(await call('GET', '/api/admin/restaurant/xyz/reservations'), 400, 'INVALID_INPUT');
    const restaurant = await createRestaurant({ name: 'Date Check' });
    expectErrorEnvelope(await call('GET', `/api/admin/restaurant/${restaurant.id}/reservations?date=2030-13-01`), 400, 'INVALID_INPUT');
  });
});

describe('the rest of the surface', () => {
  it('keeps a safe caller request id and makes one otherwise', async () => {
    const echoed = await call('GET', '/api/health', { headers: { 'x-request-id': 'trace-123' } });
    expect(echoed.headers.get('x-request-id')).toBe('trace-123');
    const replaced = await call('GET', '/api/health', { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const failed = await call('GET', '/api/admin/restaurant/nope', { headers: { 'x-request-id': 'trace-456' } });
    expect(failed.body.data.requestId).toBe('trace-456');
  });

  it('with an open administration, answers only requests addressed to a loopback host', async () => {
    // fetch will not send a Host header of one's choosing; node:http will (as a rebound browser would).
    const withHost = (host: string) =>
      new Promise<{ status: number; body: any }>((resolve, reject) => {
        const { port } = new URL(running().url);
        const outgoing = httpRequest({ host: '127.0.0.1', port, path: '/api/admin/restaurant', headers: { host } }, (incoming) => {
          let text = '';
          incoming.on('data', (chunk: Buffer) => (text += chunk.toString()));
          incoming.on('end', () => {
            try {
              validateResponse('GET', `${running().url}/api/admin/restaurant`, incoming.statusCode ?? 0, incoming.headers, text);
              resolve({ status: incoming.statusCode ?? 0, body: JSON.parse(text) });
            } catch (error) {
              reject(error);
            }
          });
        });
        outgoing.on('error', reject);
        outgoing.end();
      });
    const rebound = await withHost('attacker.example:5000');
    expect(rebound.status).toBe(403);
    expect(rebound.body).toMatchObject({ status: 'error', data: { reason: 'FORBIDDEN_HOST' } });
    expect((await withHost('localhost:5000')).status).toBe(200);
  });

  it('answers health, unknown paths, the OpenAPI document and the docs', async () => {
    expect(expectSuccessEnvelope(await call('GET', '/api/health'))).toEqual({
      status: 'ok',
      database: 'up',
      adminOpen: true,
      timeZone: 'America/Bogota',
    });
    expectErrorEnvelope(await call('GET', '/api/no-such-thing'), 404, 'NOT_FOUND');
    expectErrorEnvelope(await call('GET', '/no-such-page'), 404, 'NOT_FOUND');
    const document = await call('GET', '/api/openapi.json');
    expect(document.status).toBe(200);
    expect(document.body.openapi).toBe('3.1.0');
    const operations = document.body.paths;
    expect(Object.keys(operations)).toEqual(
      expect.arrayContaining([
        '/cities',
        '/admin/restaurant',
        '/admin/restaurant/{id}',
        '/admin/restaurant/{restaurantId}/reservations',
        '/health',
      ]),
    );
    const create = operations['/admin/restaurant/{restaurantId}/reservations'].post;
    expect(Object.keys(create.responses)).toEqual(expect.arrayContaining(['201', '400', '404', '409']));
    expect(create.responses['201'].content['application/json'].schema.properties.status.const).toBe('success');
    // The envelope, then what this status narrows (allOf: generators drop keywords next to a $ref).
    expect(create.responses['409'].content['application/json'].schema.allOf[0].$ref).toBe('#/components/schemas/ErrorEnvelope');
    const docs = await fetch(`${running().url}/api/docs/`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger');
  });

  it('serves the same procedures over tRPC with typed errors', async () => {
    const restaurant = await createRestaurant({ name: 'Via tRPC' });
    const base = running().url;
    const single = await fetch(`${base}/trpc/restaurant.byId?input=${encodeURIComponent(JSON.stringify({ id: restaurant.id }))}`);
    expect(single.status).toBe(200);
    expect(((await single.json()) as any).result.data).toEqual(restaurant);
    const day = nextDay();
    const booking = JSON.stringify({ restaurantId: restaurant.id, table: 'A0', date: day });
    const first = await fetch(`${base}/trpc/reservation.create`, {
      method: 'POST',
      body: booking,
      headers: { 'content-type': 'application/json' },
    });
    expect(first.status).toBe(200);
    const second = await fetch(`${base}/trpc/reservation.create`, {
      method: 'POST',
      body: booking,
      headers: { 'content-type': 'application/json' },
    });
    expect(second.status).toBe(409);
    const error = ((await second.json()) as any).error;
    expect(error.data).toMatchObject({ code: 'CONFLICT', reason: 'TABLE_ALREADY_BOOKED', httpStatus: 409 });
    expect(JSON.stringify(error)).not.toContain('stack');
    const batch = await fetch(
      `${base}/trpc/restaurant.byId,city.list?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: { id: restaurant.id }, 1: { search: 'Leticia' } }))}`,
    );
    expect(batch.status).toBe(200);
    const [one, two] = (await batch.json()) as any[];
    expect(one.result.data.id).toBe(restaurant.id);
    expect(two.result.data).toEqual([{ id: 1, name: 'Leticia', deptName: 'Amazonas' }]);
  });
});
