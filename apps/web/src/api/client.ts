import type { AppRouter } from '@tablebook/api';
import { createTRPCClient, httpBatchLink } from '@trpc/client';

export interface ApiClientOptions {
  /** The tRPC endpoint; the app is served beside the API, so the default is the same origin. */
  url?: string;
  /** Extra headers for every call (the place where an admin token will go). */
  headers?: () => Record<string, string>;
}

/** The one place that creates the tRPC client, for the app and for scripts and tests alike. */
export function createApiClient(options: ApiClientOptions = {}) {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: options.url ?? '/trpc',
        headers: () => options.headers?.() ?? {},
      }),
    ],
  });
}

export type ApiClient = ReturnType<typeof createApiClient>;
