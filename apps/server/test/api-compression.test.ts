/**
 * Issue 16, "Fast": the API's JSON answers are compressed for a browser that asks (the Find page waits
 * for the 1103 cities before its city field takes input), while event streams stay uncompressed so
 * each event reaches the page as it happens, and clients that do not ask get plain JSON.
 */
import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectSuccessEnvelope, request, restaurantBody, useServer } from './helpers.ts';

const CHROMIUM_ACCEPTS = 'gzip, deflate, br, zstd';
const running = useServer();
let restaurantId: string;
const day = '2039-06-01';

beforeAll(async () => {
  restaurantId = expectSuccessEnvelope(await request(running().url, 'POST', '/api/admin/restaurant', { json: restaurantBody() }), 201).id;
});

/** The answer as sent: headers, and the body's bytes not decoded (fetch would decode them). */
function rawGet(path: string, headers: Record<string, string>): Promise<{ headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    httpRequest(`${running().url}${path}`, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

/** An event stream, its raw text collected as it arrives. */
function openStream(path: string, headers: Record<string, string>) {
  let text = '';
  const request = httpRequest(`${running().url}${path}`, { headers: { accept: 'text/event-stream', ...headers } });
  const opened = new Promise<IncomingMessage>((resolve, reject) => {
    request.on('response', (response) => {
      response.on('data', (chunk: Buffer) => {
        text += chunk.toString('latin1');
      });
      resolve(response);
    });
    request.on('error', reject);
  });
  request.end();
  return {
    opened,
    /** Resolves once the text so far contains `needle`, or fails after `ms`. */
    async waitFor(needle: string, ms = 5_000) {
      const deadline = Date.now() + ms;
      while (!text.includes(needle)) {
        if (Date.now() > deadline)
          throw new Error(`no ${JSON.stringify(needle)} in the stream within ${ms} ms; got ${JSON.stringify(text.slice(0, 300))}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    close: () => request.destroy(),
  };
}

describe('compressed API answers', () => {
  it('sends the cities (tRPC and REST) as brotli or gzip to a browser, and as plain JSON to a client that does not ask', async () => {
    const trpcPath = `/trpc/city.list?input=${encodeURIComponent('{}')}`;
    const brotli = await rawGet(trpcPath, { 'accept-encoding': CHROMIUM_ACCEPTS });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(String(brotli.headers.vary).toLowerCase()).toContain('accept-encoding');
    const cities = JSON.parse(brotliDecompressSync(brotli.body).toString()).result.data;
    expect(cities).toHaveLength(1103);

    const plain = await rawGet(trpcPath, {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(plain.body.toString()).result.data).toEqual(cities);
    // A tenth of the size, or better: what a phone on 180 KB/s waits for before the city field works.
    expect(brotli.body.length).toBeLessThan(plain.body.length / 5);

    const rest = await rawGet('/api/cities', { 'accept-encoding': 'gzip, deflate' });
    expect(rest.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(rest.body).toString())).toMatchObject({ status: 'success', data: expect.any(Array) });
  });

  it('leaves answers under 1 KiB as they are', async () => {
    const health = await rawGet('/api/health', { 'accept-encoding': CHROMIUM_ACCEPTS });
    expect(health.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(health.body.toString())).toMatchObject({ status: 'success' });
  });

  it('never compresses an event stream: each event arrives as it happens (REST and tRPC)', async () => {
    const rest = openStream(`/api/restaurants/${restaurantId}/events?date=${day}`, { 'accept-encoding': CHROMIUM_ACCEPTS });
    const trpc = openStream(`/trpc/guest.onDayChange?input=${encodeURIComponent(JSON.stringify({ date: day }))}`, {
      'accept-encoding': CHROMIUM_ACCEPTS,
    });
    try {
      for (const stream of [rest, trpc]) {
        const response = await stream.opened;
        expect(response.headers['content-type']).toMatch(/^text\/event-stream/);
        expect(response.headers['content-encoding']).toBeUndefined();
      }
      // A booking now must reach both streams now, not when a compressor's buffer fills.
      expectSuccessEnvelope(
        await request(running().url, 'POST', `/api/admin/restaurant/${restaurantId}/reservations`, {
          json: { table: 'A0', date: day, guestName: 'Stream Guest', guestPhone: '+57 311 222 3333' },
        }),
        201,
      );
      await Promise.all([rest.waitFor(`"type":"created","restaurantId":"${restaurantId}"`), trpc.waitFor(restaurantId)]);
    } finally {
      rest.close();
      trpc.close();
    }
  });
});
