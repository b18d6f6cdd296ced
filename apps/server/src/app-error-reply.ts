import { AppError } from '@tablebook/api';
import { isConnectionError } from '@tablebook/db';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import type { FastifyReply } from 'fastify';
import { failure } from './envelope.ts';

/**
 * Answers an api error raised outside the tRPC handlers (hand-written routes) in the envelope, with
 * the status tRPC would give it; an unreachable database is 503. Anything else is rethrown (a 500).
 */
export function sendAppError(reply: FastifyReply, requestId: string, error: unknown) {
  if (!(error instanceof AppError)) {
    if (isConnectionError(error)) {
      return reply.status(503).send(failure('The database is unavailable; try again shortly', { reason: 'SERVICE_UNAVAILABLE', requestId }));
    }
    throw error;
  }
  if (error.retryAfterSeconds !== undefined) void reply.header('Retry-After', String(error.retryAfterSeconds));
  return reply
    .status(getHTTPStatusCodeFromError(error))
    .send(failure(error.message, { reason: error.reason, requestId, ...(error.issues ? { issues: error.issues } : {}) }));
}
