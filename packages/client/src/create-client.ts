import { createTRPCClient, httpBatchLink, splitLink, type TRPCClient } from '@trpc/client';
import { tablebookErrorLink } from './error-link.ts';
import { queryRetryLink, type RetryOptions } from './retry.ts';
import type { AppRouter } from './router-types.ts';
import { subscriptionLink } from './subscription-link.ts';
import { createTransportFetch, type Fetch } from './transport.ts';

export interface ClientOptions {
  /** The server's base URL, e.g. "http://127.0.0.1:5000"; tRPC is reached under `/trpc`. */
  url: string;
  /** Admin token, sent as `Authorization: Bearer <token>` with every call and every live stream. */
  token?: string | undefined;
  /** A fetch implementation (default: the global one, looked up at call time). */
  fetch?: Fetch | undefined;
  /** Extra headers for every request, live streams' included. */
  headers?: Record<string, string> | undefined;
  /** Backoff for queries that failed transiently (network, 502/503/504); `false` never retries. */
  retry?: RetryOptions | false | undefined;
}

export type TablebookClient = TRPCClient<AppRouter>;

/**
 * Batches calls made in the same tick into one request. The server caps the length of the path
 * segment that lists the procedures (5000 characters), so a batch stays well below that.
 */
const MAX_BATCH_ITEMS = 100;

function trpcEndpoint(url: string): string {
  return `${url.replace(/\/+$/, '')}/trpc`;
}

/** The caller's headers, with the token as the one Authorization header whatever their casing. */
function requestHeaders(options: ClientOptions): Record<string, string> {
  const headers = { ...options.headers };
  if (options.token !== undefined) {
    for (const name of Object.keys(headers)) {
      if (name.toLowerCase() === 'authorization') delete headers[name];
    }
    headers['authorization'] = `Bearer ${options.token}`;
  }
  return headers;
}

/**
 * A typed client for the Tablebook API: `client.restaurant.list.query({...})`,
 * `client.reservation.create.mutate({...})`, `client.reservation.onChange.subscribe({...}, {onData})`.
 * Every failure rejects with (or, for a subscription, is reported as) a TablebookError.
 */
export function createClient(options: ClientOptions): TablebookClient {
  // Not `globalThis.fetch` itself: browsers refuse a fetch called detached from its global.
  const baseFetch: Fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const headers = requestHeaders(options);
  const url = trpcEndpoint(options.url);
  return createTRPCClient<AppRouter>({
    links: [
      queryRetryLink(options.retry === false ? { retries: 0 } : options.retry),
      tablebookErrorLink,
      splitLink({
        condition: (op) => op.type === 'subscription',
        // A stream is read as it arrives: the plain fetch, not the transport's, which buffers answers.
        true: subscriptionLink({ url, headers, fetch: baseFetch }),
        false: httpBatchLink({ url, maxItems: MAX_BATCH_ITEMS, headers, fetch: createTransportFetch(baseFetch) }),
      }),
    ],
  });
}
