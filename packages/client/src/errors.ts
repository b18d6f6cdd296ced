import type { ErrorCategory, ErrorReason, IssueDetail } from '@tablebook/api/shared';
import { TRPCClientError } from '@trpc/client';
import type { AppRouter } from './router-types.ts';

/**
 * Reasons the client itself assigns, for failures that carry no reason from the API:
 * - `NETWORK_ERROR`: no answer at all (refused connection, DNS failure, connection cut mid-answer); status 0.
 * - `ABORTED`: the caller's AbortSignal fired; status 0.
 * - `UNAUTHORIZED` / `FORBIDDEN`: a 401 / 403 from something that is not the tRPC API (e.g. a proxy).
 *   UNAUTHORIZED is also the API's own reason (the error catalog's); FORBIDDEN is the client's alone.
 * - `UNEXPECTED_RESPONSE`: an answer that is not a Tablebook API response (wrong URL, HTML error page…).
 * A 502/503/504 without an API body is reported as `SERVICE_UNAVAILABLE`, like the API's own 503.
 */
export type ClientFailureReason = 'NETWORK_ERROR' | 'ABORTED' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'UNEXPECTED_RESPONSE';

export type TablebookErrorReason = ErrorReason | ClientFailureReason;

/**
 * What kind of failure: the API's error catalog categories (`invalid`, `auth`, `refused`, `missing`,
 * `limited`, `unavailable`, `internal`), and two of the client's own: `unexpected` (an answer that is
 * not the API's) and `aborted` (the caller's signal). No answer at all counts as `unavailable`.
 */
export type TablebookErrorCategory = ErrorCategory | 'unexpected' | 'aborted';

interface Traits {
  category: TablebookErrorCategory;
  retryable: boolean;
}

/** The reasons only the client assigns (UNAUTHORIZED, also given to a proxy's 401, is the catalog's). */
const CLIENT_REASONS: Readonly<Record<Exclude<ClientFailureReason, ErrorReason>, Traits>> = {
  NETWORK_ERROR: { category: 'unavailable', retryable: true },
  ABORTED: { category: 'aborted', retryable: false },
  FORBIDDEN: { category: 'auth', retryable: false },
  UNEXPECTED_RESPONSE: { category: 'unexpected', retryable: false },
};

interface StatusMeaning extends Traits {
  /** tRPC's code for the status. */
  code: string;
}

const meaning = (code: string, category: ErrorCategory, retryable = false): StatusMeaning => ({ code, category, retryable });

/**
 * What an HTTP status means when the answer carries no traits of its own: an API answer names its
 * reason's category and retryable (ErrorData, from the catalog), but a proxy's, a gateway's or another
 * server's does not. Checked against the catalog by test/error-catalog.test.ts.
 */
const CATALOG_STATUSES: Readonly<Record<number, StatusMeaning>> = {
  400: meaning('BAD_REQUEST', 'invalid'),
  401: meaning('UNAUTHORIZED', 'auth'),
  403: meaning('FORBIDDEN', 'auth'),
  404: meaning('NOT_FOUND', 'missing'),
  405: meaning('METHOD_NOT_SUPPORTED', 'invalid'),
  409: meaning('CONFLICT', 'refused'),
  413: meaning('PAYLOAD_TOO_LARGE', 'invalid'),
  415: meaning('UNSUPPORTED_MEDIA_TYPE', 'invalid'),
  422: meaning('UNPROCESSABLE_CONTENT', 'invalid'),
  429: meaning('TOO_MANY_REQUESTS', 'limited', true),
  500: meaning('INTERNAL_SERVER_ERROR', 'internal'),
  503: meaning('SERVICE_UNAVAILABLE', 'unavailable', true),
};

/** Statuses the API never answers with but a proxy or gateway in front of it may, with tRPC's names. */
const GATEWAY_STATUSES: Readonly<Record<number, StatusMeaning>> = {
  408: meaning('TIMEOUT', 'unavailable', true),
  501: meaning('NOT_IMPLEMENTED', 'internal'),
  502: meaning('BAD_GATEWAY', 'unavailable', true),
  504: meaning('GATEWAY_TIMEOUT', 'unavailable', true),
};

/** What an HTTP status means (tRPC's code, the catalog's category and retryable), if the client knows it. */
export function statusMeaning(status: number): StatusMeaning | undefined {
  return Object.hasOwn(CATALOG_STATUSES, status)
    ? CATALOG_STATUSES[status]
    : Object.hasOwn(GATEWAY_STATUSES, status)
      ? GATEWAY_STATUSES[status]
      : undefined;
}

/**
 * A failure's category and retryable when its answer did not say: the client's own reasons have
 * theirs; anything else is read by its status; a status nobody expected is a fault on the server's
 * side if 5xx, else something wrong with the request, and neither is retried.
 */
function traitsOf(reason: string, status: number): Traits {
  if (Object.hasOwn(CLIENT_REASONS, reason)) return CLIENT_REASONS[reason as keyof typeof CLIENT_REASONS];
  const known = statusMeaning(status);
  if (known) return { category: known.category, retryable: known.retryable };
  return { category: status >= 500 ? 'internal' : 'invalid', retryable: false };
}

export interface TablebookErrorDetails {
  message: string;
  /** HTTP status of the answer; 0 when none arrived. */
  status: number;
  /** tRPC error code ("CONFLICT", "NOT_FOUND"…); for failures without an API answer, the reason itself. */
  code: string;
  reason: TablebookErrorReason;
  /** The server's request id (also its `X-Request-Id` header), for finding the call in its log. */
  requestId?: string | undefined;
  /** Per-field problems of an INVALID_INPUT answer. */
  issues?: readonly IssueDetail[] | undefined;
  /** The answer's Retry-After, in seconds (a 429 carries one). */
  retryAfterSeconds?: number | undefined;
  /** As the API's answer gives them (from its error catalog); otherwise read from the reason and status. */
  category?: TablebookErrorCategory | undefined;
  retryable?: boolean | undefined;
}

type TrpcErrorOptions = ConstructorParameters<typeof TRPCClientError<AppRouter>>[1];

/**
 * The one error every call of the client rejects with, whatever went wrong: scripts branch on
 * `reason` (or on `category`), show `message`, and quote `requestId`. It extends tRPC's
 * TRPCClientError, so tRPC passes it through unchanged and tRPC-aware code (`shape`, `data`) keeps working.
 */
export class TablebookError extends TRPCClientError<AppRouter> {
  readonly status: number;
  readonly code: string;
  readonly reason: TablebookErrorReason;
  /** What kind of failure, from the API's error catalog (see TablebookErrorCategory). */
  readonly category: TablebookErrorCategory;
  /**
   * Sending the same request again, unchanged, may succeed (the catalog's `retryable`; true for
   * NETWORK_ERROR). After `retryAfterSeconds` when there is one.
   */
  readonly retryable: boolean;
  readonly retryAfterSeconds: number | undefined;
  readonly requestId: string | undefined;
  readonly issues: readonly IssueDetail[];

  constructor(details: TablebookErrorDetails, options?: TrpcErrorOptions) {
    super(details.message, options);
    // TRPCClientError's constructor pins the prototype to its own class; restore the subclass's.
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = 'TablebookError';
    this.status = details.status;
    this.code = details.code;
    this.reason = details.reason;
    const traits = details.category !== undefined && details.retryable !== undefined ? details : traitsOf(details.reason, details.status);
    this.category = traits.category as TablebookErrorCategory;
    this.retryable = traits.retryable as boolean;
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.requestId = details.requestId;
    this.issues = details.issues ?? [];
  }
}
