// Webhook deliveries over HTTP(S) with node:http: a POST that follows no redirect, bounded by a timeout
// for the whole exchange, and connected only to the addresses the sender judged a moment before
// (checkWebhookAddress), so the host name cannot be made to resolve to a private address in between.
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { WebhookRequest, WebhookTransport } from '@tablebook/api';

export interface WebhookTransportOptions {
  /** The whole delivery, from connecting to the answer's status line (default 10 s). */
  timeoutMs?: number;
  /** Deliveries in flight at once (default 10), apart from e-mail's. */
  concurrency?: number;
}

/** A lookup that answers with the judged addresses instead of asking DNS again. */
function pinnedLookup(addresses: readonly string[]): LookupFunction {
  const entries = addresses.map((address) => ({ address, family: isIP(address) === 6 ? 6 : 4 }));
  return (_hostname, options, callback) => {
    const family = typeof options === 'object' ? options.family : undefined;
    const matching = family === 4 || family === 6 ? entries.filter((entry) => entry.family === family) : entries;
    const chosen = matching.length > 0 ? matching : entries;
    if (typeof options === 'object' && options.all) {
      (callback as unknown as (error: null, addresses: { address: string; family: number }[]) => void)(null, chosen);
    } else {
      callback(null, chosen[0]!.address, chosen[0]!.family);
    }
  };
}

export function createWebhookTransport(options: WebhookTransportOptions = {}): WebhookTransport {
  const timeoutMs = options.timeoutMs ?? 10_000;
  return {
    concurrency: options.concurrency ?? 10,
    post(request: WebhookRequest) {
      const url = new URL(request.url);
      const client = url.protocol === 'https:' ? https : http;
      const body = Buffer.from(request.body, 'utf8');
      return new Promise<{ status: number }>((resolve, reject) => {
        const outgoing = client.request(
          url,
          {
            method: 'POST',
            headers: { 'user-agent': 'Tablebook-Webhooks/1', ...request.headers, 'content-length': String(body.length) },
            signal: AbortSignal.timeout(timeoutMs),
            // A fresh connection per delivery: a kept-alive one may have been opened to an address
            // that is no longer the judged one.
            agent: false,
            ...(request.addresses && request.addresses.length > 0 ? { lookup: pinnedLookup(request.addresses) } : {}),
          },
          (response) => {
            // The status is the answer; the body is not read (a receiver cannot hold the sender with it).
            resolve({ status: response.statusCode ?? 0 });
            response.destroy();
          },
        );
        outgoing.on('error', (error: Error) => {
          reject(error.name === 'AbortError' || error.name === 'TimeoutError' ? new Error(`no answer within ${timeoutMs} ms`) : error);
        });
        outgoing.end(body);
      });
    },
  };
}
