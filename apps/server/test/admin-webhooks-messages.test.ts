// Issue 17, the admin's REST side of the outbox against the real Fastify server: webhook endpoints
// (POST/GET/DELETE /api/admin/webhooks, rotate-secret, deliveries) and messages (list, one, retry),
// their statuses and envelopes, each answer checked against the OpenAPI document by `request`.
import { outboxMessages } from '@tablebook/db';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loadSettings } from '../src/config.ts';
import { expectErrorEnvelope, expectSuccessEnvelope, request, restaurantBody, useServer, type RunningServer } from './helpers.ts';

const TOKEN = 'webhooks-admin-token';
const auth = { authorization: `Bearer ${TOKEN}` };

function calls(running: () => RunningServer) {
  return (method: string, path: string, options: Parameters<typeof request>[3] = {}) =>
    request(running().url, method, path, { ...options, headers: { ...auth, ...options.headers } });
}

describe('webhook endpoints over REST (private addresses refused: the default)', () => {
  const running = useServer({ adminTokens: [TOKEN] });
  const call = calls(running);

  it('needs the admin token on every operation (401 UNAUTHORIZED)', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    for (const [method, path, json] of [
      ['GET', '/api/admin/webhooks', undefined],
      ['POST', '/api/admin/webhooks', { url: 'https://93.184.216.34/', events: ['*'] }],
      ['DELETE', `/api/admin/webhooks/${id}`, undefined],
      ['POST', `/api/admin/webhooks/${id}/rotate-secret`, {}],
      ['GET', `/api/admin/webhooks/${id}/deliveries`, undefined],
      ['GET', '/api/admin/messages', undefined],
      ['GET', `/api/admin/messages/${id}`, undefined],
      ['POST', `/api/admin/messages/${id}/retry`, {}],
    ] as const) {
      const response = await request(running().url, method, path, json === undefined ? {} : { json });
      expectErrorEnvelope(response, 401, 'UNAUTHORIZED');
    }
    expect((await call('GET', '/api/admin/webhooks')).status).toBe(200);
  });

  it('creates with 201 and a whsec_ secret, lists without secrets, deletes, then 404 webhook', async () => {
    const created = expectSuccessEnvelope(
      await call('POST', '/api/admin/webhooks', {
        json: { url: 'https://93.184.216.34/hooks/tablebook', events: ['reservation.created'] },
      }),
      201,
    );
    expect(created).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      url: 'https://93.184.216.34/hooks/tablebook',
      events: ['reservation.created'],
      secret: expect.stringMatching(/^whsec_[A-Za-z0-9+/]{32}$/),
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      previousSecretUntil: null,
    });
    const listResponse = await call('GET', '/api/admin/webhooks');
    const list = expectSuccessEnvelope(listResponse);
    expect(list).toEqual([{ ...created, secret: undefined }]);
    expect(listResponse.text).not.toContain('whsec_');
    expect(listResponse.text).not.toContain('secret"');

    const rotated = expectSuccessEnvelope(await call('POST', `/api/admin/webhooks/${created.id}/rotate-secret`));
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(created.secret);
    expect(Date.parse(rotated.previousSecretUntil) - Date.now()).toBeGreaterThan(23.9 * 3_600_000);
    expect(expectSuccessEnvelope(await call('GET', `/api/admin/webhooks/${created.id}/deliveries`))).toEqual({
      items: [],
      nextCursor: null,
    });

    expect(expectSuccessEnvelope(await call('DELETE', `/api/admin/webhooks/${created.id}`))).toEqual({ id: created.id });
    const gone = await call('DELETE', `/api/admin/webhooks/${created.id}`);
    expectErrorEnvelope(gone, 404, 'NOT_FOUND');
    expect(gone.body.data.details).toEqual({ entity: 'webhook' });
    expectErrorEnvelope(await call('POST', `/api/admin/webhooks/${created.id}/rotate-secret`), 404, 'NOT_FOUND');
    expectErrorEnvelope(await call('GET', `/api/admin/webhooks/${created.id}/deliveries`), 404, 'NOT_FOUND');
    expectErrorEnvelope(await call('DELETE', '/api/admin/webhooks/not-an-id'), 400, 'INVALID_INPUT');
  });

  it('refuses a private or loopback URL, another scheme and bad events with 400 INVALID_INPUT naming the field', async () => {
    for (const url of [
      'http://127.0.0.1:4000/hook',
      'http://[::ffff:127.0.0.1]/',
      'http://2130706433/',
      'http://localhost./',
      'http://192.168.1.20/',
    ]) {
      const response = await call('POST', '/api/admin/webhooks', { json: { url, events: ['*'] } });
      expectErrorEnvelope(response, 400, 'INVALID_INPUT');
      expect(response.body.data.issues, url).toEqual([
        { path: 'url', message: expect.stringContaining('private'), code: expect.any(String) },
      ]);
    }
    const scheme = await call('POST', '/api/admin/webhooks', { json: { url: 'file:///etc/passwd', events: ['*'] } });
    expectErrorEnvelope(scheme, 400, 'INVALID_INPUT');
    expect(scheme.body.data.issues).toEqual([expect.objectContaining({ path: 'url', message: 'A webhook URL must use http: or https:' })]);
    const events = await call('POST', '/api/admin/webhooks', { json: { url: 'https://93.184.216.34/', events: [] } });
    expectErrorEnvelope(events, 400, 'INVALID_INPUT');
    expect(events.body.data.issues).toEqual([expect.objectContaining({ path: 'events', code: 'too_small' })]);
    const unknown = await call('POST', '/api/admin/webhooks', { json: { url: 'https://93.184.216.34/', events: ['reservation.deleted'] } });
    expect(unknown.body.data.issues).toEqual([expect.objectContaining({ path: 'events.0', code: 'invalid_value' })]);
    expect(expectSuccessEnvelope(await call('GET', '/api/admin/webhooks'))).toEqual([]);
  });
});

describe('messages over REST, with WEBHOOKS_ALLOW_PRIVATE', () => {
  const running = useServer({ adminTokens: [TOKEN], settings: { timeZone: 'America/Bogota', webhooksAllowPrivate: true } });
  const call = calls(running);

  it('reads WEBHOOKS_ALLOW_PRIVATE as true or false, default false', () => {
    expect(loadSettings({}).WEBHOOKS_ALLOW_PRIVATE).toBe(false);
    expect(loadSettings({ WEBHOOKS_ALLOW_PRIVATE: 'true' }).WEBHOOKS_ALLOW_PRIVATE).toBe(true);
    expect(() => loadSettings({ WEBHOOKS_ALLOW_PRIVATE: 'yes' })).toThrow(/WEBHOOKS_ALLOW_PRIVATE must be true or false/);
  });

  it('takes a loopback endpoint, lists its deliveries and the guest e-mail, shows one, retries only a dead one (409, 404)', async () => {
    const endpoint = expectSuccessEnvelope(
      await call('POST', '/api/admin/webhooks', { json: { url: 'http://127.0.0.1:9/hook', events: ['*'] } }),
      201,
    );
    const restaurant = expectSuccessEnvelope(await call('POST', '/api/admin/restaurant', { json: restaurantBody({ name: 'Buzón' }) }), 201);
    const date = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const booked = expectSuccessEnvelope(
      await call('POST', `/api/admin/restaurant/${restaurant.id}/reservations`, {
        json: { table: 'A0', date, guestName: 'Ana Gómez', guestEmail: 'ana@example.com' },
      }),
      201,
    );

    const all = expectSuccessEnvelope(await call('GET', `/api/admin/messages?reservationId=${booked.id}`));
    expect(all.nextCursor).toBeNull();
    const byChannel = Object.fromEntries(all.items.map((item: any) => [item.channel, item]));
    expect(byChannel.email).toMatchObject({ kind: 'confirmation', recipient: 'ana@example.com', endpointId: null, endpointUrl: null });
    expect(byChannel.webhook).toMatchObject({
      kind: 'confirmation',
      eventType: 'reservation.created',
      recipient: null,
      endpointId: endpoint.id,
      endpointUrl: 'http://127.0.0.1:9/hook',
    });
    const emails = expectSuccessEnvelope(await call('GET', `/api/admin/messages?channel=email&reservationId=${booked.id}&limit=1`));
    expect(emails.items.map((item: any) => item.id)).toEqual([byChannel.email.id]);
    expectErrorEnvelope(await call('GET', '/api/admin/messages?limit=500'), 400, 'INVALID_INPUT');
    expectErrorEnvelope(await call('GET', '/api/admin/messages?channel=sms'), 400, 'INVALID_INPUT');
    const deliveries = expectSuccessEnvelope(await call('GET', `/api/admin/webhooks/${endpoint.id}/deliveries`));
    expect(deliveries.items).toEqual([{ ...byChannel.webhook, attemptLog: [] }]);

    const id = byChannel.email.id as string;
    expect(expectSuccessEnvelope(await call('GET', `/api/admin/messages/${id}`))).toEqual({ ...byChannel.email, attemptLog: [] });
    const pending = await call('POST', `/api/admin/messages/${id}/retry`);
    expectErrorEnvelope(pending, 409, 'MESSAGE_NOT_DEAD');
    expect(pending.body.data.details).toEqual({ status: 'pending' });

    await running()
      .database.db.update(outboxMessages)
      .set({ status: 'dead', attempts: 8, lastError: '554 rejected' })
      .where(eq(outboxMessages.id, id));
    const retried = expectSuccessEnvelope(await call('POST', `/api/admin/messages/${id}/retry`));
    expect(retried).toMatchObject({ id, status: 'pending', attempts: 0, lastError: '554 rejected', attemptLog: [] });
    expect(Math.abs(Date.parse(retried.dueAt) - Date.now())).toBeLessThan(60_000);

    const unknown = await call('POST', '/api/admin/messages/00000000-0000-4000-8000-000000000000/retry');
    expectErrorEnvelope(unknown, 404, 'NOT_FOUND');
    expect(unknown.body.data.details).toEqual({ entity: 'message' });
    expectErrorEnvelope(await call('GET', '/api/admin/messages/00000000-0000-4000-8000-000000000000'), 404, 'NOT_FOUND');
  });
});
