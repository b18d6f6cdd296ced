import { queryOptions } from '@tanstack/react-query';

export interface ServerHealth {
  status: string;
  database: string;
  /** No ADMIN_TOKEN on the server: anyone can change restaurants and reservations. */
  adminOpen: boolean;
}

/** `GET /api/health`, the REST envelope `{status, data}` unwrapped. */
async function fetchHealth(signal?: AbortSignal): Promise<ServerHealth> {
  const response = await fetch('/api/health', { headers: { accept: 'application/json' }, ...(signal ? { signal } : {}) });
  if (!response.ok) throw new Error(`GET /api/health answered ${response.status}`);
  const body = (await response.json()) as { data?: Partial<ServerHealth> };
  return { status: String(body.data?.status ?? ''), database: String(body.data?.database ?? ''), adminOpen: body.data?.adminOpen === true };
}

export const healthQueryOptions = queryOptions({
  queryKey: ['server-health'],
  queryFn: ({ signal }) => fetchHealth(signal),
  staleTime: 60_000,
  retry: 1,
});
