import {
  AppError,
  appRouter,
  createCallerFactory,
  methodTakesBody,
  restOperations,
  takesBody,
  type Context,
  type RestOperation,
} from '@tablebook/api';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { sendError, successEnvelopeJson } from '../envelope.ts';
import { writeEventStream } from '../rest/event-stream.ts';
import { procedureInput, routeUrl } from '../rest/input.ts';
import { sendNoRoute } from './errors.ts';

export interface RestRoutesOptions {
  contextFor: (request: FastifyRequest) => Context;
  /** Keep-alive comment interval on event streams. */
  pingIntervalMs: number;
  /** Streams still open when the server shuts down: aborted in preClose. */
  openStreams: Set<AbortController>;
  /** A stream is about to be written (observability logs it and counts it until its connection closes). */
  onStreamOpen?(request: FastifyRequest, reply: FastifyReply): void;
}

const createCaller = createCallerFactory(appRouter);
type Callable = (input: unknown) => Promise<unknown>;

/** The procedure behind an operation, called with the request's context as tRPC itself would. */
function procedureFor(operation: RestOperation, ctx: Context, signal?: AbortSignal): Callable {
  let node: unknown = createCaller(ctx, signal ? { signal } : undefined);
  for (const key of operation.procedure.split('.')) node = (node as Record<string, unknown>)[key];
  return node as Callable;
}

/**
 * The seed's REST paths as a thin adapter over the same procedures tRPC serves: each route's input,
 * answer and errors come from the procedure's declared contract, and every answer is the envelope.
 */
export const restRoutes: FastifyPluginAsync<RestRoutesOptions> = async (rest, options) => {
  // An empty JSON body is an empty object: `POST .../cancel` needs no body.
  const parseJson = rest.getDefaultJsonParser('error', 'error');
  rest.removeContentTypeParser('application/json');
  // A GET or DELETE takes its input from the path and the query: a body sent with it is ignored.
  const bodyless = (request: FastifyRequest) => !methodTakesBody(request.method);
  rest.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (bodyless(request)) return done(null, undefined);
    return body === '' ? done(null, {}) : parseJson(request, String(body), done);
  });
  // Only JSON bodies (Fastify's own text/plain parser would hand the procedures a string), with a message that says so.
  rest.removeContentTypeParser('text/plain');
  rest.addContentTypeParser('*', (request, payload, done) => {
    if (bodyless(request)) {
      payload.resume();
      return done(null, undefined);
    }
    done(jsonBodyRequired(request), undefined);
  });

  const call = (operation: RestOperation) => async (request: FastifyRequest, reply: FastifyReply) => {
    try {
      if (takesBody(operation.contract) && request.body === undefined) acceptBodyless(request);
      const result = await procedureFor(operation, options.contextFor(request))(procedureInput(operation, request));
      return reply
        .status(operation.contract.successStatus ?? 200)
        .type('application/json; charset=utf-8')
        .send(successEnvelopeJson(operation.contract.successMessage, JSON.stringify(result) ?? ''));
    } catch (error) {
      return sendError(request, reply, error);
    }
  };

  const stream = (operation: RestOperation, event: string) => async (request: FastifyRequest, reply: FastifyReply) => {
    const abort = new AbortController();
    // From the start: a client that leaves while the stream is being opened must end it too.
    reply.raw.once('close', () => abort.abort());
    let items: AsyncIterable<unknown>;
    try {
      items = (await procedureFor(
        operation,
        options.contextFor(request),
        abort.signal,
      )(procedureInput(operation, request))) as AsyncIterable<unknown>;
    } catch (error) {
      return sendError(request, reply, error);
    }
    if (abort.signal.aborted || request.method === 'HEAD') {
      // Gone already, or asked only for the headers: nothing to stream.
      await (items as unknown as AsyncIterator<unknown>).return?.();
      if (request.method === 'HEAD') return reply.status(200).type('text/event-stream; charset=utf-8').send();
      return reply;
    }
    options.openStreams.add(abort);
    options.onStreamOpen?.(request, reply);
    try {
      await writeEventStream(request, reply, items, { event, pingIntervalMs: options.pingIntervalMs, abort });
    } finally {
      options.openStreams.delete(abort);
    }
  };

  // Before the body is parsed: an empty id is no route, whatever the content type.
  const onRequest = async (request: FastifyRequest, reply: FastifyReply) => {
    if (Object.values(request.params as Record<string, string>).some((value) => value === '')) return sendNoRoute(request, reply);
  };
  for (const operation of restOperations()) {
    const url = routeUrl(operation);
    const handler = operation.contract.stream ? stream(operation, operation.contract.stream.event) : call(operation);
    rest.route({ method: operation.contract.method, url, onRequest, handler });
    // The seed answered `/api/cities/` too; every path keeps its trailing-slash twin (undocumented).
    rest.route({ method: operation.contract.method, url: `${url}/`, onRequest, handler });
  }
};

/**
 * A bodyless POST without a content type (`POST .../cancel`) is an empty JSON object, but not from
 * another site's page: a browser sends such "simple" requests cross-site without asking, and an open
 * administration must not be reachable that way.
 */
function acceptBodyless(request: FastifyRequest) {
  const site = request.headers['sec-fetch-site'];
  if (!request.headers['content-type'] && site !== 'cross-site' && site !== 'same-site') {
    request.body = {};
    return;
  }
  throw jsonBodyRequired(request);
}

/** 415, naming what to send and what was sent. */
const jsonBodyRequired = (request: FastifyRequest) =>
  new AppError({
    reason: 'UNSUPPORTED_MEDIA_TYPE',
    message: `This call takes a JSON body: send content-type: application/json${request.headers['content-type'] ? ` (not ${request.headers['content-type']})` : ''}`,
  });
