import { reasonForStatus } from '@tablebook/api';
import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { failure, sendError } from '../envelope.ts';
import { sendBadPathPage } from './web-bad-path.ts';
import { isAppPage } from './web-navigation.ts';

/** A 4xx Fastify raised itself before any handler ran (bad JSON, wrong content type, body too large...). */
const clientErrorStatus = (error: FastifyError) =>
  typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : undefined;

/**
 * Errors Fastify's router raises before any hook runs (a path segment over the length limit, a bad
 * percent-encoding): the envelope too, with the request id, never Fastify's own body echoing the URL;
 * a browser's page navigation, when the web app is served, gets an HTML page instead.
 */
export function frameworkErrorReply(error: FastifyError, request: FastifyRequest, reply: FastifyReply, webRoot?: string) {
  const requestId = String(request.id);
  if (webRoot && isAppPage(request)) {
    void sendBadPathPage(request, reply.header('X-Request-Id', requestId));
    return;
  }
  const problem = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'a path segment is too long' : 'the path is malformed';
  void reply
    .status(400)
    .header('X-Request-Id', requestId)
    .send(failure(`Invalid input: ${problem}`, 'INVALID_INPUT', requestId, [{ path: '', message: problem, code: 'malformed_request' }]));
}

/** 404 for a path the server has no route for (an unknown path, or a known one with an empty id). */
export const sendNoRoute = (request: FastifyRequest, reply: FastifyReply) =>
  reply
    .status(404)
    .send(
      failure(`No route ${request.method} ${request.url.split('?')[0]}`, 'NOT_FOUND', String(request.id), undefined, { entity: 'route' }),
    );

/** Every error and every unknown path answered in the envelope. */
const errorsPlugin: FastifyPluginAsync<{ webRoot: string | undefined }> = async (app, { webRoot }) => {
  // Errors Fastify raises itself (bad JSON, wrong content type, body too large) and anything unexpected.
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = clientErrorStatus(error);
    // Anything else is the catalog's: an api error keeps its status, an unknown one is a logged 500.
    if (status === undefined) return sendError(request, reply, error);
    const reason = reasonForStatus(status);
    const message =
      reason === 'INVALID_INPUT'
        ? `Invalid input: ${error.message}`
        : reason === 'PAYLOAD_TOO_LARGE'
          ? 'Request body too large'
          : error.message;
    const issues = reason === 'INVALID_INPUT' ? [{ path: '', message: error.message, code: 'malformed_request' as const }] : undefined;
    return reply.status(status).send(failure(message, reason, String(request.id), issues));
  });

  app.setNotFoundHandler((request, reply) => {
    // The web app routes on the client: any page path gets its index.html.
    if (webRoot && isAppPage(request)) return reply.type('text/html').sendFile('index.html');
    return sendNoRoute(request, reply);
  });
};

export const errorHandling = fp(errorsPlugin, { name: 'tablebook-errors' });
