/**
 * The hostile review of issue 16 (/work/notes/review16-backend.md), the shape of refusals over HTTP on
 * a real server, REST and tRPC: the English message of a body that is no object (D6); tRPC's own
 * refusals carry what REST's do (D3). Every REST
 * answer is checked against the OpenAPI document by the request helper.
 */
import { describe, expect, it } from 'vitest';
import { expectErrorEnvelope, request, useServer } from './helpers.ts';

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
});
