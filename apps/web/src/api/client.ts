import type { AppRouter } from '@tablebook/api';
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import { EventSource } from 'eventsource';
import { earlyAnswersLink } from './earlyLink.ts';

export interface ApiClientOptions {
  /** The tRPC endpoint; the app is served beside the API, so the default is the same origin. */
  url?: string;
  /** Extra headers for every call and every live stream (the admin token goes here). */
  headers?: () => Record<string, string>;
  /**
   * The app's client: queries that index.html's inline script already sent are answered from it, if
   * its answer is at most this old (earlyCalls.ts). Scripts and tests leave it out.
   */
  earlyAnswersMaxAgeMs?: number;
}

/**
 * The one place that creates the tRPC client, for the app and for scripts and tests alike. Calls go
 * batched over HTTP; subscriptions are server-sent events, read with an EventSource built on fetch,
 * because the browser's own EventSource cannot send the Authorization header admin streams need.
 */
export function createApiClient(options: ApiClientOptions = {}) {
  const url = options.url ?? '/trpc';
  const headers = () => options.headers?.() ?? {};
  return createTRPCClient<AppRouter>({
    links: [
      ...(options.earlyAnswersMaxAgeMs === undefined ? [] : [earlyAnswersLink<AppRouter>({ maxAgeMs: options.earlyAnswersMaxAgeMs })]),
      splitLink({
        condition: (operation) => operation.type === 'subscription',
        true: httpSubscriptionLink({
          url,
          EventSource,
          eventSourceOptions: () => ({
            fetch: (input, init) => fetch(input, { ...init, headers: { ...init?.headers, ...headers() } }),
          }),
        }),
        false: httpBatchLink({ url, headers }),
      }),
    ],
  });
}

export type ApiClient = ReturnType<typeof createApiClient>;
