import { AppError, appRouter, type AppRouter } from '@tablebook/api';
import type { TRPCError } from '@trpc/server';
import { resolveResponse, type ResponseMetaFn } from '@trpc/server/http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ContextFor } from '../context.ts';

/** A 429 tells the caller when to come back. */
const retryAfterHeader = (errors: readonly unknown[]): Record<string, string> => {
  const limited = errors.find((error): error is AppError => error instanceof AppError && error.retryAfterSeconds !== undefined);
  return limited ? { 'Retry-After': String(limited.retryAfterSeconds) } : {};
};

/** The headers of every tRPC answer, the routes' and the error answers below. */
export const responseMeta: ResponseMetaFn<AppRouter> = ({ errors }) => ({ headers: retryAfterHeader(errors) });

/** Answers an error on a /trpc path as tRPC answers the call: what the error handlers hand such errors to. */
export type TrpcErrorAnswer = (request: FastifyRequest, reply: FastifyReply, error: TRPCError) => Promise<FastifyReply>;

const TRPC_PATH = /^\/trpc(?:\/|$)/;

export const isTrpcPath = (request: FastifyRequest) => TRPC_PATH.test(request.url.split('?')[0] ?? '');

/** tRPC decodes the path itself and refuses one it cannot, before it creates the context (so with no request id). */
export const decodable = (path: string) => {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
};

/**
 * The procedure path as tRPC's Fastify adapter passes it (the route's parameter); a request the router
 * could not route has none, so the rest of its URL. Nothing, when tRPC could not decode it.
 */
function procedurePath(request: FastifyRequest): string {
  const params = request.params as { path?: unknown } | undefined;
  const path = typeof params?.path === 'string' ? params.path : (request.url.split('?')[0] ?? '').replace(TRPC_PATH, '');
  return decodable(path) ? path : '';
}

/**
 * The call as tRPC sees it, without its body (which Fastify could not or would not read). The content type is
 * said to be JSON: Fastify already judged the real one, and tRPC refuses an unknown one before it creates the
 * context, so that answer would carry no request id. Only GET and POST reach tRPC's call handling (HEAD
 * would be answered 204 with no error at all).
 */
function trpcRequestOf(request: FastifyRequest): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (name.startsWith(':') || name === 'content-length' || name === 'transfer-encoding' || value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  headers.set('content-type', 'application/json');
  const method = request.method === 'GET' || request.method === 'HEAD' ? 'GET' : 'POST';
  return new Request(new URL(request.url, 'http://localhost'), { method, headers });
}

/**
 * Through tRPC's own resolver with `error`, its hook for "the request had an issue before reaching the
 * handler": every call of the request fails with it, so a single call is answered `{error}` and a batch
 * (`?batch=1`) an array of `{error}` per procedure (what tRPC answers for a body it cannot read, and what
 * httpBatchLink expects), each shaped by the api's errorFormatter with the request's context (so its id).
 */
export function trpcErrorAnswer(contextFor: ContextFor): TrpcErrorAnswer {
  return async (request, reply, error) => {
    const response = await resolveResponse({
      router: appRouter,
      req: trpcRequestOf(request),
      path: procedurePath(request),
      error,
      createContext: async () => contextFor(request),
      responseMeta,
    });
    return reply.send(response);
  };
}
