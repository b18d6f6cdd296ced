import { TablebookError, type TablebookErrorReason } from '@tablebook/client';
import { type CatalogReason, InputError, UsageError } from '../errors.ts';
import { oneLine } from './table.ts';

/** What `--json` prints on stderr for a failure: one object, the same keys whatever failed. */
interface ErrorReport {
  error: {
    /** The API's or the client's reason (TABLE_ALREADY_BOOKED, NETWORK_ERROR…), or the command line's own (errors.ts: USAGE, INVALID_INPUT, NOT_FOUND, ABORTED). */
    reason: TablebookErrorReason | UsageError['reason'];
    message: string;
    /** The HTTP status of the server's answer; null when there was none (a usage error, an unreachable server). */
    status: number | null;
    /** The id the server gave the request, to quote; null when it gave none. */
    requestId: string | null;
  };
}

function errorReport(error: unknown): ErrorReport {
  if (error instanceof TablebookError) {
    const status = error.status === 0 ? null : error.status;
    return { error: { reason: error.reason, message: error.message, status, requestId: error.requestId ?? null } };
  }
  if (error instanceof UsageError || error instanceof InputError) {
    return { error: { reason: error.reason, message: error.message, status: null, requestId: null } };
  }
  // Neither the command line's error nor the API's answer: a fault of the tool itself, as the API names its own.
  const reason: CatalogReason<'INTERNAL_ERROR'> = 'INTERNAL_ERROR';
  return {
    error: { reason, message: error instanceof Error ? error.message : String(error), status: null, requestId: null },
  };
}

/** One line, never a stack trace: what went wrong, and for API errors the reason scripts can match. */
function errorLine(error: unknown, helpFor: string): string {
  if (error instanceof UsageError) return `${error.message} (see 'tablebook ${helpFor}--help')`;
  if (error instanceof InputError) return error.message;
  if (error instanceof TablebookError) {
    const requestId = error.reason === 'INTERNAL_ERROR' && error.requestId ? `, request ${error.requestId}` : '';
    return `${error.message} (${error.reason}${requestId})`;
  }
  return `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
}

/** The failure as stderr shows it: `tablebook: <line>`, or with --json the report as one line of JSON. */
export const errorOutput = (error: unknown, helpFor: string, json: boolean) =>
  json ? `${JSON.stringify(errorReport(error))}\n` : `tablebook: ${oneLine(errorLine(error, helpFor))}\n`;
