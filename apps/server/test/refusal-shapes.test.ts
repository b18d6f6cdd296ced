/**
 * The hostile review of issue 16 (/work/notes/review16-backend.md), the shape of refusals over HTTP on
 * a real server, REST and tRPC: the English message of a body that is no object (D6); tRPC's own
 * refusals carry what REST's do (D3); a daily limit's details name no id (D1). Every REST
 * answer is checked against the OpenAPI document by the request helper.
 */
import { describe, expect, it } from 'vitest';
import { updateStoredLimits } from '@tablebook/api';
import { expectErrorEnvelope, expectSuccessEnvelope, request, restaurantBody, useServer } from './helpers.ts';

const trpcPost = async (base: string, procedure: string, body: string) => {
  const response = await fetch(`${base}/trpc/${procedure}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return { status: response.status, body: (await response.json()) as { error: { message: string; data: Record<string, unknown> } } };
};

describe('refusals over HTTP', () => {
  const running = useServer();
  const base = () => running().url;

  it('says "Invalid input" once for a body that is no object (D6)', async () => {
    for (const [body, received] of [
      ['[]', 'array'],
      ['"x"', 'string'],
      ['null', 'null'],
    ] as const) {
      const rest = await request(base(), 'POST', '/api/reservations/cancel', { body, headers: { 'content-type': 'application/json' } });
      expectErrorEnvelope(rest, 400, 'INVALID_INPUT');
      expect(rest.body.message, body).toBe(`Invalid input: expected object, received ${received}`);
      const trpc = await trpcPost(base(), 'guest.cancelByCode', body);
      expect(trpc.status).toBe(400);
      expect(trpc.body.error.message, body).toBe(`Invalid input: expected object, received ${received}`);
    }
  });

  it('answers an unknown procedure and a body it cannot read over tRPC as REST does (D3)', async () => {
    const restMissing = await request(base(), 'POST', '/api/nope', { json: {} });
    expectErrorEnvelope(restMissing, 404, 'NOT_FOUND');
    const trpcMissing = await trpcPost(base(), 'nope', '{}');
    expect(trpcMissing.status).toBe(404);
    expect(trpcMissing.body.error.data).toMatchObject({ reason: 'NOT_FOUND', details: restMissing.body.data.details });
    expect(restMissing.body.data.details).toEqual({ entity: 'route' });

    const broken = '{"cancellationCode":';
    const restBroken = await request(base(), 'POST', '/api/reservations/cancel', {
      body: broken,
      headers: { 'content-type': 'application/json' },
    });
    expectErrorEnvelope(restBroken, 400, 'INVALID_INPUT');
    const trpcBroken = await trpcPost(base(), 'guest.cancelByCode', broken);
    expect(trpcBroken.status).toBe(400);
    expect(trpcBroken.body.error.data).toMatchObject({ reason: 'INVALID_INPUT', issues: [{ path: '', code: 'malformed_request' }] });
    expect(restBroken.body.data.issues).toEqual([expect.objectContaining({ path: '', code: 'malformed_request' })]);
    expect(trpcBroken.body.error.message).toMatch(/^Invalid input: /);
  });

  it('sends a daily limit refusal with exactly its declared details, no restaurant id, over REST and tRPC (D1)', async () => {
    await updateStoredLimits(running().database.db, { restaurantDailyLimit: 1, globalDailyLimit: 20 });
    const created = await request(base(), 'POST', '/api/admin/restaurant', { json: restaurantBody({ name: 'Casa Dos' }) });
    const restaurantId = expectSuccessEnvelope(created, 201).id as string;
    const date = '2037-02-01';
    expectSuccessEnvelope(
      await request(base(), 'POST', `/api/admin/restaurant/${restaurantId}/reservations`, { json: { table: 'A0', date } }),
      201,
    );
    const guest = { guestName: 'X', guestEmail: 'x@example.com' };
    const rest = await request(base(), 'POST', `/api/restaurants/${restaurantId}/reservations`, { json: { table: 'A1', date, ...guest } });
    expectErrorEnvelope(rest, 409, 'RESTAURANT_DAILY_LIMIT');
    expect(rest.body.data.details).toEqual({ restaurantName: 'Casa Dos', date, table: 'A1', limit: 1 });
    const trpc = await trpcPost(base(), 'reservation.create', JSON.stringify({ restaurantId, table: 'A2', date }));
    expect(trpc.status).toBe(409);
    expect(trpc.body.error.data['details']).toEqual({ restaurantName: 'Casa Dos', date, table: 'A2', limit: 1 });
    expect(JSON.stringify([rest.body, trpc.body.error.data['details']])).not.toContain(`"${restaurantId}"`);
  });
});
