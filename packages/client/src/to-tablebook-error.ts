import type { ErrorData } from '@tablebook/api/shared';
import { TRPCClientError } from '@trpc/client';
import { TablebookError } from './errors.ts';

/**
 * Any failure of a call as a TablebookError. Transport failures already are one (see transport.ts);
 * what is left is the API's own error answers, whose `data` carries the reason, the request id and
 * the issues, and anything unforeseen, kept as UNEXPECTED_RESPONSE rather than lost.
 */
export function toTablebookError(error: unknown): TablebookError {
  if (error instanceof TablebookError) return error;
  if (error instanceof TRPCClientError && error.cause instanceof TablebookError) return error.cause;
  if (error instanceof TRPCClientError) {
    const data = error.data as Partial<ErrorData> | null | undefined;
    const options = {
      ...(error.shape ? { result: { error: error.shape } } : {}),
      ...(error.cause ? { cause: error.cause } : {}),
      ...(error.meta ? { meta: error.meta } : {}),
    };
    if (data && typeof data.httpStatus === 'number' && typeof data.reason === 'string') {
      return new TablebookError(
        {
          message: error.message,
          status: data.httpStatus,
          code: data.code ?? 'UNEXPECTED_RESPONSE',
          reason: data.reason,
          requestId: data.requestId,
          issues: data.issues,
          category: data.category,
          retryable: data.retryable,
          retryAfterSeconds: retryAfterOf(error.meta?.['response']),
        },
        options,
      );
    }
    const response = error.meta?.['response'];
    const status = response instanceof Response ? response.status : 0;
    return new TablebookError(
      {
        message: `Unexpected answer from the server: ${error.message}`,
        status,
        code: 'UNEXPECTED_RESPONSE',
        reason: 'UNEXPECTED_RESPONSE',
      },
      options,
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return new TablebookError(
    { message: `Unexpected failure: ${message}`, status: 0, code: 'UNEXPECTED_RESPONSE', reason: 'UNEXPECTED_RESPONSE' },
    error instanceof Error ? { cause: error } : undefined,
  );
}

/** The answer's Retry-After in seconds: a number of seconds, or an HTTP date (RFC 9110). */
function retryAfterOf(response: unknown, now = Date.now()): number | undefined {
  const value = response instanceof Response ? response.headers.get('retry-after')?.trim() : undefined;
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}
