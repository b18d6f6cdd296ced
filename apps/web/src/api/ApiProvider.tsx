import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { createContext, useContext, useState, useSyncExternalStore, type ReactNode } from 'react';
import { createAdminSession, type AdminSession, type AdminSessionState } from './adminSession.ts';
import { createApiClient, type ApiClient } from './client.ts';
import { seedEarlyAnswers } from './earlySeed.ts';
import { createQueryClient, QUERY_STALE_TIME_MS } from './queryClient.ts';
import { TRPCProvider } from './trpc.ts';

interface ApiProviderProps {
  children: ReactNode;
  /** Tests hand in their own; the app makes one of each for its lifetime. */
  queryClient?: QueryClient;
  apiClient?: ApiClient;
  adminSession?: AdminSession;
}

const AdminSessionContext = createContext<AdminSession | null>(null);

export function ApiProvider({
  children,
  queryClient: givenQueryClient,
  apiClient: givenApiClient,
  adminSession: givenSession,
}: ApiProviderProps) {
  const [adminSession] = useState(() => givenSession ?? createAdminSession());
  const [apiClient] = useState(
    () => givenApiClient ?? createApiClient({ headers: () => adminSession.headers(), earlyAnswersMaxAgeMs: QUERY_STALE_TIME_MS }),
  );
  const [queryClient] = useState(() => {
    if (givenQueryClient) return givenQueryClient;
    const created = createQueryClient({ onUnauthorized: () => adminSession.markRejected() });
    // What index.html's inline script already fetched is in the cache for the first render (earlySeed.ts).
    seedEarlyAnswers(created, apiClient, QUERY_STALE_TIME_MS);
    return created;
  });
  return (
    <AdminSessionContext.Provider value={adminSession}>
      <QueryClientProvider client={queryClient}>
        <TRPCProvider trpcClient={apiClient} queryClient={queryClient}>
          {children}
        </TRPCProvider>
      </QueryClientProvider>
    </AdminSessionContext.Provider>
  );
}

/** The admin session and its current state, re-rendering when the token changes. */
export function useAdminSession(): AdminSession & { state: AdminSessionState } {
  const session = useContext(AdminSessionContext);
  if (!session) throw new Error('useAdminSession must be used inside <ApiProvider>');
  const state = useSyncExternalStore(session.subscribe, session.get, session.get);
  return { ...session, state };
}
