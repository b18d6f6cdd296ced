import { findPgError, isConnectionError, PgErrorCode } from '@tablebook/db';
import type { TRPCError } from '@trpc/server';
import { AppError } from './errors.ts';

/**
 * The precise error for a database failure that is not the caller's bug: an unreachable database or a
 * statement timeout is 503, text PostgreSQL cannot take is 400. Undefined: a genuine 500.
 */
export function databaseFailure(cause: unknown): AppError | undefined {
  if (isConnectionError(cause)) {
    return new AppError({
      reason: 'SERVICE_UNAVAILABLE',
      message: 'The database is unavailable; try again shortly',
      cause,
    });
  }
  const pgCode = findPgError(cause)?.code;
  if (pgCode === PgErrorCode.outOfSharedMemory) {
    // The shared lock table is full (e.g. a hand-run import holding a lock for each of thousands of days).
    return new AppError({
      reason: 'SERVICE_UNAVAILABLE',
      message: 'The database is out of lock space; try again shortly',
      cause,
    });
  }
  if (pgCode === PgErrorCode.queryCanceled) {
    // DATABASE_STATEMENT_TIMEOUT_MS ran out: the database is overloaded or a lock is held too long.
    return new AppError({
      reason: 'SERVICE_UNAVAILABLE',
      message: 'The database took too long to answer; try again shortly',
      cause,
    });
  }
  if (
    pgCode === PgErrorCode.characterNotInRepertoire ||
    pgCode === PgErrorCode.untranslatableCharacter ||
    pgCode === PgErrorCode.invalidTextRepresentation
  ) {
    return new AppError({
      reason: 'INVALID_INPUT',
      message: 'Invalid input: text contains characters that cannot be stored',
      issues: [{ path: '', message: 'text contains characters that cannot be stored', code: 'unstorable_text' }],
      cause,
    });
  }
  return undefined;
}

/** An internal error that is really a database failure, as the caller will see it; undefined for anything else. */
export const mappedDatabaseFailure = (error: TRPCError): AppError | undefined =>
  error instanceof AppError || error.code !== 'INTERNAL_SERVER_ERROR' ? undefined : databaseFailure(error.cause ?? error);
