import { presentError, type AnyReasonDetails, type ErrorReason, type IssueDetail } from '@tablebook/api';
import { pgLogFields } from '@tablebook/db';
import { TRPCError } from '@trpc/server';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The seed's response shape, kept for every REST response. */
export interface SuccessEnvelope<T = unknown> {
  status: 'success';
  message: string;
  data: T;
}

export interface ErrorEnvelope {
  status: 'error';
  message: string;
  /** `details`: the refusal's facts as the error catalog declares them for `reason` (what clients word it from). */
  data: { reason: ErrorReason; requestId: string; details?: AnyReasonDetails; issues?: IssueDetail[] };
}

export const success = <T>(message: string, data: T): SuccessEnvelope<T> => ({ status: 'success', message, data });

/** The success envelope around a body that is already JSON text (empty text means null), same keys and order as `success`. */
export const successEnvelopeJson = (message: string, json: string): string =>
  `{"status":"success","message":${JSON.stringify(message)},"data":${json.length > 0 ? json : 'null'}}`;

export const failure = (
  message: string,
  reason: ErrorReason,
  requestId: string,
  issues?: IssueDetail[],
  details?: AnyReasonDetails,
): ErrorEnvelope => ({
  status: 'error',
  message,
  data: { reason, requestId, ...(details ? { details } : {}), ...(issues ? { issues } : {}) },
});

/** A failure that is the server's fault is logged with the request id, once: a procedure's was logged where it happened (the api's databaseErrors middleware). */
export function logServerFault(request: FastifyRequest, error: unknown, status: number) {
  if (status >= 500 && !(error instanceof TRPCError))
    request.log.error({ err: error, requestId: String(request.id), ...pgLogFields(error) }, 'request failed');
}

/**
 * Answers any thrown value in the envelope, with the status, reason and message the catalog gives it
 * (an unreachable database is 503, an unknown failure a 500 naming the request id, logged here).
 */
export function sendError(request: FastifyRequest, reply: FastifyReply, error: unknown) {
  const requestId = String(request.id);
  const presented = presentError(error, requestId);
  logServerFault(request, error, presented.status);
  if (presented.retryAfterSeconds !== undefined) void reply.header('Retry-After', String(presented.retryAfterSeconds));
  return reply.status(presented.status).send(failure(presented.message, presented.reason, requestId, presented.issues, presented.details));
}
