/** PostgreSQL error codes the application reacts to. */
export const PgErrorCode = {
  uniqueViolation: '23505',
  foreignKeyViolation: '23503',
  checkViolation: '23514',
  notNullViolation: '23502',
  exclusionViolation: '23P01',
  serializationFailure: '40001',
  deadlockDetected: '40P01',
  invalidTextRepresentation: '22P02',
  characterNotInRepertoire: '22021',
  untranslatableCharacter: '22P05',
  datetimeFieldOverflow: '22008',
  numericValueOutOfRange: '22003',
  stringDataRightTruncation: '22001',
  adminShutdown: '57P01',
  /** A statement cancelled, e.g. by statement_timeout. */
  queryCanceled: '57014',
  cannotConnectNow: '57P03',
  tooManyConnections: '53300',
  /** The shared lock table is full (max_locks_per_transaction). */
  outOfSharedMemory: '53200',
} as const;

export interface PgErrorInfo {
  code: string;
  constraint?: string;
}

/**
 * Drizzle wraps driver errors (and tRPC wraps those): walk the cause chain to the first object that
 * carries a SQLSTATE code.
 */
export function findPgError(error: unknown): PgErrorInfo | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current && typeof current === 'object'; depth += 1) {
    const candidate = current as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) {
      return {
        code: candidate.code,
        ...(typeof candidate.constraint === 'string' ? { constraint: candidate.constraint } : {}),
      };
    }
    current = candidate.cause;
  }
  return undefined;
}

const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/** True when the error means the database could not be reached (not that a query was wrong). */
export function isConnectionError(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current && typeof current === 'object'; depth += 1) {
    const candidate = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof candidate.code === 'string') {
      if (CONNECTION_ERROR_CODES.has(candidate.code)) return true;
      if (candidate.code.startsWith('08') || candidate.code === PgErrorCode.adminShutdown) return true;
      if (candidate.code === PgErrorCode.cannotConnectNow || candidate.code === PgErrorCode.tooManyConnections) return true;
    }
    if (
      typeof candidate.message === 'string' &&
      /timeout exceeded when trying to connect|timeout expired|Connection terminated|is not queryable|terminating connection due to administrator command/i.test(
        candidate.message,
      )
    ) {
      return true;
    }
    current = candidate.cause;
  }
  return false;
}

/** The fields an error log line carries for a PostgreSQL failure: its SQLSTATE and the constraint it names. */
export function pgLogFields(error: unknown): { pgCode?: string; constraint?: string } {
  const pg = findPgError(error);
  if (!pg) return {};
  return { pgCode: pg.code, ...(pg.constraint ? { constraint: pg.constraint } : {}) };
}
