import { AppError, appRouter, type AppRouter } from '@tablebook/api';
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import type { FastifyPluginAsync } from 'fastify';
import type { ContextFor } from '../context.ts';

/** A 429 tells the caller when to come back. */
const retryAfterHeader = (errors: readonly unknown[]): Record<string, string> => {
  const limited = errors.find((error): error is AppError => error instanceof AppError && error.retryAfterSeconds !== undefined);
  return limited ? { 'Retry-After': String(limited.retryAfterSeconds) } : {};
};

/**
 * The api's router at /trpc, in a scope of its own: the tRPC plugin replaces the JSON body parser
 * there (it reads bodies itself), which must not reach the REST routes.
 */
export const trpcRoutes: FastifyPluginAsync<{ contextFor: ContextFor }> = async (app, { contextFor }) => {
  await app.register(fastifyTRPCPlugin, {
    prefix: '/trpc',
    trpcOptions: {
      router: appRouter,
      createContext: ({ req }) => contextFor(req),
      responseMeta: ({ errors }) => ({ headers: retryAfterHeader(errors) }),
    },
  } satisfies FastifyTRPCPluginOptions<AppRouter>);
};
