import { queryOptions } from '@tanstack/react-query';

export interface ServerHealth {
  status: string;
  database: string;
  /** No ADMIN_TOKEN on the server: anyone can change restaurants and reservations. */
  adminOpen: boolean;
  /** The server's zone (APP_TIMEZONE), whose today the Find page searches; undefined from a server that does not say. */
  timeZone: string | undefined;
}

/** `GET /api/health`, the REST envelope `{status, data}` unwrapped. */
async function fetchHealth(signal?: AbortSignal): Promise<ServerHealth> {
  const response = await fetch('/api/health', { headers: { accept: 'application/json' }, ...(signal ? { signal } : {}) });
  if (!response.ok) throw new Error(`GET /api/health answered ${response.status}`);
  const body = (await response.json()) as { data?: Partial<ServerHealth> };
  const { timeZone } = body.data ?? {};
  return {
    status: String(body.data?.status ?? ''),
    database: String(body.data?.database ?? ''),
    adminOpen: body.data?.adminOpen === true,
    timeZone: typeof timeZone === 'string' && timeZone !== '' ? timeZone : undefined,
  };
}

/** The health asked for before any page rendered (startHealthCheck), until a query takes it. */
let early: Promise<ServerHealth> | undefined;
/** Its answer once it came, and when: a query created after that starts with it (no loading state). */
let earlyAnswer: { health: ServerHealth; at: number } | undefined;

/**
 * Asks for the server's health now, once per load, instead of when a page first renders: the Find
 * page's module calls it as the app's code is evaluated, so the answer (the server's zone) is often
 * there by the first render (React's first render takes a while on a slow phone) and never later
 * than one round trip after it. Nothing waits for it.
 */
export function startHealthCheck(): void {
  if (early || earlyAnswer || typeof window === 'undefined') return;
  early = fetchHealth().then((health) => {
    earlyAnswer = { health, at: Date.now() };
    return health;
  });
  // A failure is the query's to meet (it asks again): never an unhandled rejection here.
  early.catch(() => undefined);
}

export const healthQueryOptions = queryOptions({
  queryKey: ['server-health'],
  queryFn: ({ signal }) => {
    // The early call, if still on its way, answers the first query; every later one asks afresh.
    const started = early;
    early = undefined;
    return started ?? fetchHealth(signal);
  },
  initialData: () => earlyAnswer?.health,
  initialDataUpdatedAt: () => earlyAnswer?.at,
  staleTime: 60_000,
  retry: 1,
});
