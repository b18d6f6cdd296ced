import type { AppRouter } from '@tablebook/api';
import type { ErrorReason, IssueDetail } from '@tablebook/api/shared';
import { TRPCClientError } from '@trpc/client';

/**
 * Reasons the client itself assigns, for failures that carry no reason from the API:
 * - `NETWORK_ERROR`: no answer at all (refused connection, DNS failure, connection cut mid-answer); status 0.
 * - `ABORTED`: the caller's AbortSignal fired; status 0.
 * - `UNAUTHORIZED` / `FORBIDDEN`: a 401 / 403 from something that is not the tRPC API (e.g. a proxy).
 * - `UNEXPECTED_RESPONSE`: an answer that is not a Tablebook API response (wrong URL, HTML error page…).
 * A 502/503/504 without an API body is reported as `SERVICE_UNAVAILABLE`, like the API's own 503.
 */
export type ClientFailureReason = 'NETWORK_ERROR' | 'ABORTED' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'UNEXPECTED_RESPONSE';

export type TablebookErrorReason = ErrorReason | ClientFailureReason;

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
}

type TrpcErrorOptions = ConstructorParameters<typeof TRPCClientError<AppRouter>>[1];

/**
 * The one error every call of the client rejects with, whatever went wrong: scripts branch on
 * `reason`, show `message`, and quote `requestId`. It extends tRPC's TRPCClientError, so tRPC passes
 * it through unchanged and tRPC-aware code (`shape`, `data`) keeps working.
 */
export class TablebookError extends TRPCClientError<AppRouter> {
  readonly status: number;
  readonly code: string;
  readonly reason: TablebookErrorReason;
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
    this.requestId = details.requestId;
    this.issues = details.issues ?? [];
  }
}
