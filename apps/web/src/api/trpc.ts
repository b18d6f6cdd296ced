import type { AppRouter } from '@tablebook/api';
import { createTRPCContext } from '@trpc/tanstack-react-query';

/**
 * `useTRPC()` gives typed query and mutation options for every procedure of the API;
 * `useTRPCClient()` the client itself, for live streams (src/live/useLiveStream.ts).
 */
export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();
