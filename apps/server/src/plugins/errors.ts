import { AppError, presentError, reasonForStatus, type IssueDetail } from '@tablebook/api';
import { getTRPCErrorFromUnknown } from '@trpc/server';
import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { failure, logServerFault, sendError } from '../envelope.ts';
import { isTrpcPath, type TrpcErrorAnswer } from './trpc-errors.ts';
import { sendBadPathPage } from './web-bad-path.ts';
import { isAppPage } from './web-navigation.ts';

/** A 4xx Fastify raised itself before any handler ran (bad JSON, wrong content type, body too large...). */
const clientErrorStatus = (error: FastifyError) =>
  typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : undefined;

/** INVALID_INPUT for a request that cannot be read at all: one `malformed_request` issue naming the problem. */
const malformedRequest = (message: string, problem: string): AppError => {
  const issues: IssueDetail[] = [{ path: '', message: problem, code: 'malformed_request' }];
  return new AppError({ reason: 'INVALID_INPUT', message, issues });
};

/** Fastify's own 4xx as the catalog says it (the reason of its status), over REST and tRPC alike. */
function frameworkRefusal(error: FastifyError, status: number): AppError {
  const reason = reasonForStatus(status);
  if (reason === 'INVALID_INPUT') return malformedRequest(`Invalid input: ${error.message}`, error.message);
  return new AppError({ reason, message: reason === 'PAYLOAD_TOO_LARGE' ? 'Request body too large' : error.message });
}

/** The 400 of a path that cannot be read, as Fastify's router errors and tRPC's own path check say it. */
export const malformedPath = (problem: string) => malformedRequest(`Invalid input: ${problem}`, problem);

/** The envelope of an AppError, with the status the caller chose. */
const sendRefusal = (request: FastifyRequest, reply: FastifyReply, status: number, refusal: AppError) =>
  reply.status(status).send(failure(refusal.message, refusal.reason, String(request.id), refusal.issues, refusal.details));

/**
 * Errors Fastify's router raises before any hook runs (a path segment over the length limit, a bad
 * percent-encoding): the envelope too, with the request id, never Fastify's own body echoing the URL;
 * a browser's page navigation, when the web app is served, gets an HTML page instead; a /trpc path,
 * tRPC's answer.
 */
export function frameworkErrorReply(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
  options: { webRoot: string | undefined; trpcAnswer: TrpcErrorAnswer },
) {
  const requestId = String(request.id);
  void reply.header('X-Request-Id', requestId);
  if (options.webRoot && isAppPage(request)) {
    void sendBadPathPage(request, reply);
    return;
  }
  const refusal =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? malformedPath('a path segment is too long') : malformedPath('the path is malformed');
  if (isTrpcPath(request)) void options.trpcAnswer(request, reply, refusal);
  else void sendRefusal(request, reply, 400, refusal);
}

/** 404 for a path the server has no route for (an unknown path, or a known one with an empty id). */
export const sendNoRoute = (request: FastifyRequest, reply: FastifyReply) =>
  reply
    .status(404)
    .send(
      failure(`No route ${request.method} ${request.url.split('?')[0]}`, 'NOT_FOUND', String(request.id), undefined, { entity: 'route' }),
    );

/**
 * Every error and every unknown path answered in the envelope, or under /trpc as tRPC answers a failed
 * call (a client there reads tRPC's error shape, never the envelope).
 */
const errorsPlugin: FastifyPluginAsync<{ webRoot: string | undefined; trpcAnswer: TrpcErrorAnswer }> = async (
  app,
  { webRoot, trpcAnswer },
) => {
  // Errors Fastify raises itself (bad JSON, wrong content type, body too large) and anything unexpected.
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = clientErrorStatus(error);
    if (isTrpcPath(request)) {
      if (status !== undefined) return trpcAnswer(request, reply, frameworkRefusal(error, status));
      logServerFault(request, error, presentError(error, String(request.id)).status);
      return trpcAnswer(request, reply, getTRPCErrorFromUnknown(error));
    }
    // Anything else is the catalog's: an api error keeps its status, an unknown one is a logged 500.
    if (status === undefined) return sendError(request, reply, error);
    return sendRefusal(request, reply, status, frameworkRefusal(error, status));
  });

  app.setNotFoundHandler((request, reply) => {
    if (isTrpcPath(request)) {
      const path = (request.url.split('?')[0] ?? '').replace(/^\/trpc\/?/, '');
      return trpcAnswer(
        request,
        reply,
        new AppError({ reason: 'NOT_FOUND', message: `No procedure found on path "${path}"`, details: { entity: 'route' } }),
      );
    }
    // The web app routes on the client: any page path gets its index.html.
    if (webRoot && isAppPage(request)) return reply.type('text/html').sendFile('index.html');
    return sendNoRoute(request, reply);
  });
};

export const errorHandling = fp(errorsPlugin, { name: 'tablebook-errors' });
