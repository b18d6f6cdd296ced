import { statusMeaning, TablebookError, type TablebookErrorReason } from './errors.ts';

/** A proxy's 401/403 are the client's own UNAUTHORIZED/FORBIDDEN; a gateway's 502/503/504 an outage. */
function reasonForStatus(status: number): TablebookErrorReason {
  if (status === 401) return 'UNAUTHORIZED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 502 || status === 503 || status === 504) return 'SERVICE_UNAVAILABLE';
  return 'UNEXPECTED_RESPONSE';
}

export interface HttpAnswer {
  url: string;
  status: number;
  statusText?: string | undefined;
  /** What the body was, for the message: "text/html", "a JSON body that is not an API error"… */
  body: string;
}

/**
 * An HTTP answer that did not come from the tRPC API: a proxy, a gateway, another server at that URL.
 * Its `code` is tRPC's name for the status (the catalog's, or a gateway's like BAD_GATEWAY).
 */
export function httpFailure(answer: HttpAnswer): TablebookError {
  const reason = reasonForStatus(answer.status);
  const origin = originOf(answer.url);
  const status = `${answer.status}${answer.statusText ? ` ${answer.statusText}` : ''}`;
  const message =
    reason === 'UNAUTHORIZED'
      ? `The server at ${origin} refused the request: ${status} (missing or wrong token)`
      : reason === 'FORBIDDEN'
        ? `The server at ${origin} refused the request: ${status} (the token does not allow this)`
        : reason === 'SERVICE_UNAVAILABLE'
          ? `The server at ${origin} is unavailable: ${status}`
          : `The server at ${origin} answered ${status} with ${answer.body}, not a Tablebook API response (is the URL right?)`;
  return new TablebookError({ message, status: answer.status, code: statusMeaning(answer.status)?.code ?? 'UNEXPECTED_RESPONSE', reason });
}

/** No answer arrived: the server is down, unreachable, or dropped the connection. */
export function networkFailure(url: string, cause: unknown): TablebookError {
  return new TablebookError(
    {
      message: `Cannot reach the Tablebook server at ${originOf(url)} (${describeCause(cause)})`,
      status: 0,
      code: 'NETWORK_ERROR',
      reason: 'NETWORK_ERROR',
    },
    cause instanceof Error ? { cause } : undefined,
  );
}

/**
 * The server ended a live stream (it is shutting down or draining: these streams never end by
 * themselves). Like a connection cut, a NETWORK_ERROR: the subscription reconnects.
 */
export function streamEndedFailure(url: string): TablebookError {
  return new TablebookError({
    message: `The Tablebook server at ${originOf(url)} ended the live stream (it is shutting down or restarting); reconnecting`,
    status: 0,
    code: 'NETWORK_ERROR',
    reason: 'NETWORK_ERROR',
  });
}

export function abortedFailure(cause: unknown): TablebookError {
  return new TablebookError(
    { message: 'The request was aborted', status: 0, code: 'ABORTED', reason: 'ABORTED' },
    cause instanceof Error ? { cause } : undefined,
  );
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

/** Node's fetch says only "fetch failed"; the useful part (ECONNREFUSED…) is in its cause. */
function describeCause(cause: unknown): string {
  const inner = cause instanceof Error && cause.cause instanceof Error ? cause.cause : cause;
  if (inner instanceof Error) {
    const code = (inner as { code?: unknown }).code;
    return typeof code === 'string' ? code : inner.message;
  }
  return String(inner);
}
