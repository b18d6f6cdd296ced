/**
 * Issue 17 over HTTP: a restaurant's `reminders` in POST, PUT and GET /api/admin/restaurant and the
 * public GET /api/restaurants/{id}; the request helper checks each answer against the OpenAPI document.
 */
import { describe, expect, it } from 'vitest';
import { expectErrorEnvelope, expectSuccessEnvelope, request, restaurantBody, useServer } from './helpers.ts';

const ADMIN = { authorization: 'Bearer reminders-admin' };

describe('a restaurant’s reminders over REST', () => {
  const running = useServer({ adminTokens: ['reminders-admin'] });

  it('defaults to [1440, 120], takes its own (shown latest first), keeps it on a PUT without it, and [] clears it', async () => {
    const base = running().url;
    const plain = expectSuccessEnvelope(
      await request(base, 'POST', '/api/admin/restaurant', { json: restaurantBody({ name: 'Recordatorio' }), headers: ADMIN }),
      201,
    );
    expect(plain.reminders).toEqual([1440, 120]);
    const own = expectSuccessEnvelope(
      await request(base, 'POST', '/api/admin/restaurant', {
        json: restaurantBody({ name: 'Recordatorio Propio', reminders: [60, 4320] }),
        headers: ADMIN,
      }),
      201,
    );
    expect(own.reminders).toEqual([4320, 60]);
    const path = `/api/admin/restaurant/${own.id}`;
    const kept = await request(base, 'PUT', path, {
      json: restaurantBody({ name: 'Recordatorio Propio', description: 'Otra' }),
      headers: ADMIN,
    });
    expect(expectSuccessEnvelope(kept).reminders).toEqual([4320, 60]);
    const cleared = await request(base, 'PUT', path, {
      json: restaurantBody({ name: 'Recordatorio Propio', reminders: [] }),
      headers: ADMIN,
    });
    expect(expectSuccessEnvelope(cleared).reminders).toEqual([]);
    expect(expectSuccessEnvelope(await request(base, 'GET', path, { headers: ADMIN })).reminders).toEqual([]);
    expect(expectSuccessEnvelope(await request(base, 'GET', `/api/restaurants/${plain.id}`)).reminders).toEqual([1440, 120]);
  });

  it('refuses a reminder out of range or listed twice: 400 with the issue on the entry', async () => {
    const base = running().url;
    const short = await request(base, 'POST', '/api/admin/restaurant', { json: restaurantBody({ reminders: [1440, 2] }), headers: ADMIN });
    expectErrorEnvelope(short, 400, 'INVALID_INPUT');
    expect(short.body.data.issues).toMatchObject([{ path: 'reminders.1', code: 'too_small' }]);
    const twice = await request(base, 'POST', '/api/admin/restaurant', { json: restaurantBody({ reminders: [120, 120] }), headers: ADMIN });
    expectErrorEnvelope(twice, 400, 'INVALID_INPUT');
    expect(twice.body.data.issues).toMatchObject([{ path: 'reminders.1', code: 'listed_twice', value: '120' }]);
  });

  it('is in the OpenAPI document', async () => {
    const document = (await request(running().url, 'GET', '/api/openapi.json')).body;
    const body = document.paths['/admin/restaurant'].post.requestBody.content['application/json'].schema;
    expect(body.properties.reminders).toMatchObject({
      type: 'array',
      maxItems: 5,
      items: { type: 'integer', minimum: 5, maximum: 10_080 },
    });
  });
});
