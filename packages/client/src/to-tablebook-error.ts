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
        },
        options,
      );
    }
    const response = error.meta?.['response'];
    const status = response instanceof Response ? response.status : 0;
    return new TablebookError(
      { message: `Unexpected answer from the server: ${error.message}`, status, code: 'UNEXPECTED_RESPONSE', reason: 'UNEXPECTED_RESPONSE' },
      options,
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return new TablebookError(
    { message: `Unexpected failure: ${message}`, status: 0, code: 'UNEXPECTED_RESPONSE', reason: 'UNEXPECTED_RESPONSE' },
    error instanceof Error ? { cause: error } : undefined,
  );
}
