/**
 * What Fastify refuses before tRPC runs (a body over 64 KiB, a body that is not JSON, a path it cannot
 * read) is answered on /trpc as tRPC answers a failed call, never in the REST envelope: `{error}` for a
 * single call, an array of `{error}` (one per procedure) for `?batch=1`, each with the catalog's code,
 * status, category and retryable, and the request id. REST keeps its envelope.
 */
import { ERROR_CATALOG, type ErrorReason } from '@tablebook/api';
import { TRPC_ERROR_CODES_BY_KEY } from '@trpc/server/rpc';
import { describe, expect, it } from 'vitest';
import { expectErrorEnvelope, request, useServer } from './helpers.ts';

const OVERSIZED = JSON.stringify({ restaurantId: '00000000-0000-4000-8000-000000000000', notes: 'n'.repeat(2_000_000) });

/** One error of a tRPC answer, as the api's errorFormatter shapes it (derived from the catalog). */
const expectTrpcError = (item: unknown, reason: ErrorReason, requestId: string | null, path?: string) => {
  const { code, status, category, retryable } = ERROR_CATALOG[reason];
  expect(item).toEqual({
    error: {
      message: expect.any(String),
      code: TRPC_ERROR_CODES_BY_KEY[code],
      data: { code, httpStatus: status, reason, category, retryable, requestId, ...(path ? { path } : {}), ...extrasOf(reason) },
    },
  });
};

/** As tRPC's own refusals say it (an unreadable body, an unknown procedure) and REST says Fastify's. */
const extrasOf = (reason: ErrorReason) => {
  if (reason === 'INVALID_INPUT') return { issues: [{ path: '', message: expect.any(String), code: 'malformed_request' }] };
  return reason === 'NOT_FOUND' ? { details: { entity: 'route' } } : {};
};

const send = async (base: string, path: string, init: RequestInit) => {
  const response = await fetch(`${base}${path}`, init);
  const text = await response.text();
  // What @tablebook/client's transport accepts as an API error: JSON, `{error}` or an array of them.
  expect(response.headers.get('content-type'), text).toMatch(/^application\/json/);
  return { status: response.status, requestId: response.headers.get('x-request-id'), body: JSON.parse(text) as unknown };
};

const post = (body: string, contentType?: string): RequestInit => ({
  method: 'POST',
  body,
  headers: contentType ? { 'content-type': contentType } : {},
});

describe('errors Fastify raises before tRPC runs, on /trpc', () => {
  const running = useServer();
  const base = () => running().url;

  it('answers a body over 64 KiB with 413 PAYLOAD_TOO_LARGE in tRPC’s shape, single and batched', async () => {
    const single = await send(base(), '/trpc/reservation.create', post(OVERSIZED, 'application/json'));
    expect(single.status).toBe(413);
    expectTrpcError(single.body, 'PAYLOAD_TOO_LARGE', single.requestId, 'reservation.create');
    expect(single.requestId).toBeTruthy();

    const batch = await send(base(), '/trpc/reservation.create?batch=1', post(`{"0":${OVERSIZED}}`, 'application/json'));
    expect(batch.status).toBe(413);
    expect(batch.body).toHaveLength(1);
    expectTrpcError((batch.body as unknown[])[0], 'PAYLOAD_TOO_LARGE', batch.requestId, 'reservation.create');

    const two = await send(base(), '/trpc/reservation.create,restaurant.update?batch=1', post(OVERSIZED, 'application/json'));
    expect(two.status).toBe(413);
    expect((two.body as unknown[]).map((item) => (item as { error: { data: { path: string } } }).error.data.path)).toEqual([
      'reservation.create',
      'restaurant.update',
    ]);
  });

  it('answers a body that is not JSON (or has no content type) with 415 UNSUPPORTED_MEDIA_TYPE, with the request id', async () => {
    for (const contentType of ['text/plain', 'application/xml', 'application/x-www-form-urlencoded', undefined]) {
      const single = await send(base(), '/trpc/reservation.create', post('{}', contentType));
      expect(single.status, contentType).toBe(415);
      expectTrpcError(single.body, 'UNSUPPORTED_MEDIA_TYPE', single.requestId, 'reservation.create');
      const batch = await send(base(), '/trpc/reservation.create?batch=1', post('{"0":{}}', contentType));
      expect(batch.status, contentType).toBe(415);
      expectTrpcError((batch.body as unknown[])[0], 'UNSUPPORTED_MEDIA_TYPE', batch.requestId, 'reservation.create');
    }
    const bodyless = await send(base(), '/trpc/reservation.create', { method: 'POST' });
    expect(bodyless.status).toBe(415);
    expectTrpcError(bodyless.body, 'UNSUPPORTED_MEDIA_TYPE', bodyless.requestId, 'reservation.create');
  });

  it('answers a path it cannot read with 400 INVALID_INPUT (malformed_request), and no procedure with 404', async () => {
    for (const path of ['/trpc/city.list%E0%A4%A', '/trpc/city%25ZZ', `/trpc/${'city.list,'.repeat(600)}city.list`]) {
      const answer = await send(base(), path, { method: 'GET' });
      expect(answer.status, path.slice(0, 40)).toBe(400);
      expectTrpcError(answer.body, 'INVALID_INPUT', answer.requestId, path.length > 100 ? path.slice('/trpc/'.length) : undefined);
    }
    const nothing = await send(base(), '/trpc/a/b?batch=1', { method: 'GET' });
    expect(nothing.status).toBe(404);
    expectTrpcError((nothing.body as unknown[])[0], 'NOT_FOUND', nothing.requestId, 'a/b');
  });

  it('keeps the envelope on REST, with the same message as over tRPC', async () => {
    const rest = await request(base(), 'POST', '/api/admin/restaurant', {
      body: OVERSIZED,
      headers: { 'content-type': 'application/json' },
    });
    expectErrorEnvelope(rest, 413, 'PAYLOAD_TOO_LARGE');
    const trpc = await send(base(), '/trpc/restaurant.create', post(OVERSIZED, 'application/json'));
    expect((trpc.body as { error: { message: string } }).error.message).toBe(rest.body.message);
    expectErrorEnvelope(await request(base(), 'GET', '/api/restaurants/%E0%A4%A'), 400, 'INVALID_INPUT');
  });
});
