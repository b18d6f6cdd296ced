import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { createApiClient, type ApiClient } from './client.ts';
import { createQueryClient } from './queryClient.ts';
import { TRPCProvider } from './trpc.ts';

interface ApiProviderProps {
  children: ReactNode;
  /** Tests hand in their own; the app makes one of each for its lifetime. */
  queryClient?: QueryClient;
  apiClient?: ApiClient;
}

export function ApiProvider({ children, queryClient: givenQueryClient, apiClient: givenApiClient }: ApiProviderProps) {
  const [queryClient] = useState(() => givenQueryClient ?? createQueryClient());
  const [apiClient] = useState(() => givenApiClient ?? createApiClient());
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={apiClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
