import { AppError, appRouter, type AppRouter } from '@tablebook/api';
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import type { FastifyPluginAsync } from 'fastify';
import type { ContextFor } from '../context.ts';
import { malformedPath } from './errors.ts';
import { decodable, responseMeta, type TrpcErrorAnswer } from './trpc-errors.ts';

/**
 * The api's router at /trpc, in a scope of its own: the tRPC plugin replaces the JSON body parser
 * there (it reads bodies itself), which must not reach the REST routes. Fastify's other parsers go
 * too: tRPC would refuse a text/plain body itself, before it creates the context, so without the
 * request id (and as text/plain); refused by Fastify, it is answered by the error handler, like any
 * body Fastify does not read (see trpc-errors.ts).
 */
export const trpcRoutes: FastifyPluginAsync<{ contextFor: ContextFor; trpcAnswer: TrpcErrorAnswer }> = async (
  app,
  { contextFor, trpcAnswer },
) => {
  app.removeAllContentTypeParsers();
  // What tRPC refuses itself before it creates the context (so with no request id, and as text/plain), refused
  // here as the error handler refuses what Fastify cannot read: a bodyless POST without a content type (one
  // with a body is Fastify's 415), a procedure path tRPC cannot decode (Fastify decoded it once already).
  app.addHook('preHandler', async (request, reply) => {
    const { path } = request.params as { path?: string };
    if (path !== undefined && !decodable(path)) return trpcAnswer(request, reply, malformedPath('the path is malformed'));
    if (request.method === 'GET' || request.method === 'HEAD' || request.headers['content-type'] !== undefined) return;
    return trpcAnswer(request, reply, new AppError({ reason: 'UNSUPPORTED_MEDIA_TYPE', message: 'Missing content-type header' }));
  });
  await app.register(fastifyTRPCPlugin, {
    prefix: '/trpc',
    trpcOptions: {
      router: appRouter,
      createContext: ({ req }) => contextFor(req),
      responseMeta,
    },
  } satisfies FastifyTRPCPluginOptions<AppRouter>);
};
