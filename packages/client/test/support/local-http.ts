import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

export interface LocalServer {
  url: string;
  /** Every request received, in order. */
  received: ReceivedRequest[];
  close(): Promise<void>;
}

/** A real HTTP server on a free loopback port, answering with `handler`. */
export async function startLocalServer(
  handler: (request: IncomingMessage, response: ServerResponse, index: number) => void | Promise<void>,
): Promise<LocalServer> {
  const received: ReceivedRequest[] = [];
  const server = createServer((request, response) => {
    received.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers });
    void Promise.resolve(handler(request, response, received.length)).catch((error: unknown) => {
      response.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** How a proxy fails a request: cut the connection, a gateway's text 503, or the API's own JSON 503. */
export type Failure = 'reset' | 'gateway-503' | 'api-503';

/** The API's 503 body for a batch: one error per procedure named in the path. */
function apiUnavailableBody(url: string): string {
  const procedures = (url.split('?')[0] ?? '').replace(/^\/trpc\//, '').split(',');
  const error = {
    error: {
      message: 'The database is unavailable; try again shortly',
      code: -32603,
      data: { code: 'SERVICE_UNAVAILABLE', httpStatus: 503, reason: 'SERVICE_UNAVAILABLE', requestId: 'proxy-request' },
    },
  };
  return JSON.stringify(procedures.map(() => error));
}

function fail(failure: Failure, request: IncomingMessage, response: ServerResponse): void {
  if (failure === 'reset') {
    request.socket.destroy();
  } else if (failure === 'gateway-503') {
    response.writeHead(503, { 'content-type': 'text/plain' }).end('Service Unavailable');
  } else {
    response.writeHead(503, { 'content-type': 'application/json' }).end(apiUnavailableBody(request.url ?? ''));
  }
}

/**
 * Hands `request` on to `target` and its answer back as it arrives (an event stream included), with
 * its status and content type; the upstream request ends when the client goes away.
 */
export async function forward(target: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const body = await readBody(request);
  const upstream = new AbortController();
  response.on('close', () => upstream.abort());
  const headers = Object.fromEntries(
    Object.entries(request.headers).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string' && !['host', 'connection', 'content-length'].includes(entry[0]),
    ),
  );
  const answer = await fetch(`${target}${request.url}`, {
    method: request.method ?? 'GET',
    headers,
    signal: upstream.signal,
    ...(body.length > 0 ? { body } : {}),
  });
  response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/octet-stream' });
  if (answer.body) for await (const chunk of answer.body) response.write(chunk);
  response.end();
}

/** A proxy to `target` that fails the first `failFirst` requests it receives, then forwards the rest. */
export function startFlakyProxy(target: string, failFirst: number, failure: Failure): Promise<LocalServer> {
  return startLocalServer((request, response, index) =>
    index <= failFirst ? fail(failure, request, response) : forward(target, request, response),
  );
}
