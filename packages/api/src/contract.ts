import type { z } from 'zod';
import type { ErrorReason } from './error-catalog.ts';

/**
 * The REST contract of a procedure, declared beside it in its router: where it is served, what a
 * success looks like, which refusals it can answer and which headers it honours. The REST adapter
 * and the OpenAPI document are both built from this, so they cannot disagree.
 */
type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

type RestTag = 'cities' | 'restaurants' | 'reservations' | 'guests' | 'settings' | 'webhooks' | 'messages';

/** Request headers an operation may honour, each read into the named input field. */
type HonouredHeader = 'Idempotency-Key' | 'Last-Event-ID';

export interface RestContract {
  method: HttpMethod;
  /** Under /api; `{name}` segments are input fields of the same name. */
  path: `/${string}`;
  tag: RestTag;
  summary: string;
  description?: string;
  /** Default 200. */
  successStatus?: 200 | 201;
  /** The envelope's `message` on success. */
  successMessage: string;
  /** Reasons particular to this operation; those every operation of its kind answers are added by `operationReasons`. */
  errors?: readonly ErrorReason[];
  headers?: Partial<Record<HonouredHeader, string>>;
  /** Path segments named otherwise than their input field (`{id}` for `restaurantId`). */
  pathFields?: Record<string, string>;
  /** A subscription served as server-sent events: each item is `event: <name>`, `id:`, JSON `data:` matching `item`. */
  stream?: { event: string; item: z.ZodType };
  /** Default: the procedure's path with dashes ("reservation-create"). */
  operationId?: string;
  /** A realistic call: the body (or query) sent and the `data` answered (an event's data for a stream). */
  example: { request?: Record<string, unknown>; response: unknown };
}

/** Procedure metadata: who may call it (set by its builder) and, for REST operations, the contract. */
export interface Meta {
  access?: 'public' | 'admin';
  rest?: RestContract;
}

const BODY_METHODS: ReadonlySet<HttpMethod> = new Set(['POST', 'PUT', 'PATCH']);

/** Whether requests with this method carry their input in a body (else in the path and the query). */
export const methodTakesBody = (method: string) => BODY_METHODS.has(method as HttpMethod);

export const takesBody = (contract: RestContract) => methodTakesBody(contract.method);

/**
 * Every reason an operation can answer: its own, plus those of every operation (bad input, the
 * rate limit, an open administration's host check, faults, outages), of every admin operation (401),
 * of every path naming a resource (404), of every body (413, 415) and of idempotent ones (422).
 */
export function operationReasons(meta: Meta): ErrorReason[] {
  const contract = meta.rest;
  if (!contract) return [];
  const reasons = new Set<ErrorReason>(['INVALID_INPUT', ...(contract.errors ?? [])]);
  if (meta.access === 'admin') reasons.add('UNAUTHORIZED');
  reasons.add('FORBIDDEN_HOST');
  if (contract.path.includes('{')) reasons.add('NOT_FOUND');
  if (takesBody(contract)) {
    reasons.add('PAYLOAD_TOO_LARGE');
    reasons.add('UNSUPPORTED_MEDIA_TYPE');
  }
  if (contract.headers?.['Idempotency-Key']) reasons.add('IDEMPOTENCY_KEY_REUSED');
  reasons.add('RATE_LIMITED');
  reasons.add('INTERNAL_ERROR');
  reasons.add('SERVICE_UNAVAILABLE');
  return [...reasons];
}
