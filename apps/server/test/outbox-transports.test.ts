// The webhook transport against a real local HTTP server: the status is the answer (a redirect is not
// followed), a receiver that never answers fails the attempt after the timeout, and the connection goes
// to the addresses the sender judged, not to whatever the name resolves to later.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebhookTransport } from '../src/outbox/webhook-transport.ts';

describe('the webhook transport', () => {
  let server: Server;
  let port = 0;
  const seen: { path: string; host: string | undefined; body: string; headers: Record<string, unknown> }[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        seen.push({ path: request.url ?? '', host: request.headers.host, body, headers: request.headers });
        if (request.url === '/redirect') response.writeHead(302, { location: `http://127.0.0.1:${port}/ok` }).end();
        else if (request.url === '/hang')
          return; // never answered
        else response.writeHead(request.url === '/ok' ? 204 : 500).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    port = (server.address() as { port: number }).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const headers = { 'content-type': 'application/json', 'webhook-id': 'msg_1', 'webhook-timestamp': '1', 'webhook-signature': 'v1,x' };

  it('POSTs the body with its headers and reports the status; a redirect is an answer, not followed', async () => {
    const transport = createWebhookTransport();
    expect(await transport.post({ url: `http://127.0.0.1:${port}/ok`, headers, body: '{"a":"ñ"}' })).toEqual({ status: 204 });
    expect(seen.at(-1)).toMatchObject({ path: '/ok', body: '{"a":"ñ"}', headers: { 'webhook-id': 'msg_1', 'content-length': '10' } });
    const before = seen.length;
    expect(await transport.post({ url: `http://127.0.0.1:${port}/redirect`, headers, body: '{}' })).toEqual({ status: 302 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seen.slice(before).map((request) => request.path)).toEqual(['/redirect']);
    expect(await transport.post({ url: `http://127.0.0.1:${port}/fail`, headers, body: '{}' })).toEqual({ status: 500 });
  });

  it('gives up on a receiver that does not answer within the timeout', async () => {
    const started = Date.now();
    await expect(
      createWebhookTransport({ timeoutMs: 300 }).post({ url: `http://127.0.0.1:${port}/hang`, headers, body: '{}' }),
    ).rejects.toThrow(/no answer within 300 ms/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('connects to the judged addresses only: a name is not resolved again', async () => {
    // The name resolves nowhere (.invalid): the request reaches the server only through the pinned address.
    const url = `http://hooks.tablebook.invalid:${port}/ok`;
    expect(await createWebhookTransport().post({ url, headers, body: '{}', addresses: ['127.0.0.1'] })).toEqual({ status: 204 });
    expect(seen.at(-1)!.host).toBe(`hooks.tablebook.invalid:${port}`);
    await expect(createWebhookTransport().post({ url, headers, body: '{}' })).rejects.toThrow(/ENOTFOUND|EAI_AGAIN/);
  });
});
