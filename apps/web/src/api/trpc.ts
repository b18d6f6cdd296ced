import type { AppRouter } from '@tablebook/api';
import { createTRPCContext } from '@trpc/tanstack-react-query';

/** `useTRPC()` gives typed query and mutation options for every procedure of the API. */
export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();
