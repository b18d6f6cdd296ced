// Answers at the edges of the REST adapter and the live streams, found by review and by a
// differential run against the server before the adapter (the trpc-to-openapi bridge).
import { connect } from 'node:net';
import { openSse as openRawSse } from '@tablebook/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectErrorEnvelope, expectSuccessEnvelope, request, restaurantBody, useServer } from './helpers.ts';
import { validatedSse } from './support/openapi-validator.ts';

const running = useServer({ adminTokens: ['edge-token'], streamsPerClient: 2 });
const admin = { authorization: 'Bearer edge-token' };
const call = (method: string, path: string, options?: Parameters<typeof request>[3]) => request(running().url, method, path, options);
const openSse = async (url: string, headers?: Record<string, string>) => validatedSse(url, await openRawSse(url, headers));
let restaurantId: string;

beforeAll(async () => {
  const created = await call('POST', '/api/admin/restaurant', { json: restaurantBody({ name: 'Edge Cases' }), headers: admin });
  restaurantId = expectSuccessEnvelope(created, 201).id;
});

/** Sends a GET and drops the connection a moment later, before the stream has delivered anything. */
function hitAndRun(path: string, afterMs: number): Promise<void> {
  const { port } = new URL(running().url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), '127.0.0.1', () => {
      socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n`);
      setTimeout(() => socket.destroy(), afterMs);
    });
    socket.on('close', () => resolve());
    socket.on('error', () => resolve());
  });
}

describe('live streams dropped early', () => {
  it('give their stream slot back, over tRPC and REST, so the cap (2 here) is never used up by clients that left', async () => {
    const input = encodeURIComponent(JSON.stringify({ restaurantId, date: '2040-01-01' }));
    for (let round = 0; round < 6; round += 1) {
      await hitAndRun(`/trpc/guest.onChange?input=${input}`, round % 3);
      await hitAndRun(`/api/restaurants/${restaurantId}/events?date=2040-01-01`, round % 3);
    }
    // Both slots must be free again: two streams open, and neither is refused.
    const deadline = Date.now() + 3000;
    for (;;) {
      const first = await openSse(`${running().url}/api/restaurants/${restaurantId}/events`);
      const second = await openSse(`${running().url}/api/restaurants/${restaurantId}/events?date=`);
      const statuses = [first.status, second.status];
      first.close();
      second.close();
      if (statuses.every((status) => status === 200) || Date.now() > deadline) {
        expect(statuses).toEqual([200, 200]);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });

  it('answers HEAD on a stream with its headers and ends', async () => {
    const response = await fetch(`${running().url}/api/restaurants/${restaurantId}/events`, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
  });
});

describe('REST input at the edges', () => {
  it('treats an empty date, lastEventId or Last-Event-ID as not given', async () => {
    const stream = await openSse(`${running().url}/api/restaurants/${restaurantId}/events?date=&lastEventId=`, { 'last-event-id': '' });
    expect(stream.status).toBe(200);
    stream.close();
  });

  it('checks the token before the shape of the body', async () => {
    expectErrorEnvelope(await call('POST', '/api/admin/restaurant', { json: [] }), 401, 'UNAUTHORIZED');
    expectErrorEnvelope(await call('PUT', `/api/admin/restaurant/${restaurantId}`, { json: 'x' }), 401, 'UNAUTHORIZED');
    const invalid = await call('POST', '/api/admin/restaurant', { json: ['not', 'an', 'object'], headers: admin });
    expectErrorEnvelope(invalid, 400, 'INVALID_INPUT');
  });

  it('ignores a body sent with a DELETE, whatever its content type', async () => {
    const doomed = expectSuccessEnvelope(
      await call('POST', '/api/admin/restaurant', { json: restaurantBody({ name: 'Doomed' }), headers: admin }),
      201,
    );
    const deleted = await call('DELETE', `/api/admin/restaurant/${doomed.id}`, {
      body: '',
      headers: { ...admin, 'content-type': 'text/plain;charset=UTF-8' },
    });
    expect(expectSuccessEnvelope(deleted)).toEqual({ id: doomed.id });
  });

  it('answers a path id over the router limit, and a bad percent-encoding, in the envelope', async () => {
    const tooLong = await call('GET', `/api/restaurants/${'a'.repeat(6000)}`);
    expectErrorEnvelope(tooLong, 400, 'INVALID_INPUT');
    expect(tooLong.text).not.toContain('aaaaaaaaaa');
    expectErrorEnvelope(await call('GET', '/api/restaurants/%E0%A4%A'), 400, 'INVALID_INPUT');
  });

  it('refuses a text/plain body with a message that says what to send', async () => {
    const response = await call('POST', '/api/admin/restaurant', { body: 'name=x', headers: { ...admin, 'content-type': 'text/plain' } });
    expectErrorEnvelope(response, 415, 'UNSUPPORTED_MEDIA_TYPE');
    expect(response.body.message).toContain('application/json');
  });
});
