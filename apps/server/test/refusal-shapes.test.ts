/**
 * The hostile review of issue 16 (/work/notes/review16-backend.md), the shape of refusals over HTTP on
 * a real server, REST and tRPC: the English message of a body that is no object (D6). Every REST
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
});
