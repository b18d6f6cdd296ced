import { createHash } from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import { idempotencyKeys, type Database } from '@tablebook/db';
import { AppError, type ErrorReason, type IssueDetail } from '../errors.ts';
import { retryOnConflict, type Transaction } from './transactions.ts';

export interface IdempotencyScope {
  /** The operation and its target, e.g. "reservation.create:<restaurantId>". */
  scope: string;
  key: string;
  /** The request without its key, in any JSON form: it is hashed canonically. */
  request: unknown;
}

/** How long a key and its result are remembered (the contract promises at least 24 hours). */
export const IDEMPOTENCY_RETENTION_HOURS = 48;

const HTTP_STATUS: Partial<Record<AppError['code'], number>> = {
  BAD_REQUEST: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNPROCESSABLE_CONTENT: 422,
};

interface StoredError {
  error: { code: AppError['code']; reason: ErrorReason; message: string; issues?: IssueDetail[] };
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export const requestHash = (request: unknown) => createHash('sha256').update(canonicalJson(request)).digest('hex');

/**
 * Runs `work` at most once per key. The key row is claimed in the same transaction as the work, so a
 * duplicate arriving at the same moment waits on the key's primary key until the first commits, then
 * replays the stored result. A refusal (4xx) is stored and replayed too; a failure (5xx) rolls the key
 * back with everything else, so a retry runs again.
 */
export async function runIdempotent<T>(db: Database, target: IdempotencyScope, work: (tx: Transaction) => Promise<T>): Promise<T> {
  const hash = requestHash(target.request);
  const where = and(eq(idempotencyKeys.scope, target.scope), eq(idempotencyKeys.key, target.key));
  const outcome = await retryOnConflict(() =>
    db.transaction(async (tx) => {
      const claimed = await tx
        .insert(idempotencyKeys)
        .values({ scope: target.scope, key: target.key, requestHash: hash, responseStatus: 0, responseBody: {} })
        .onConflictDoNothing()
        .returning({ key: idempotencyKeys.key });
      if (claimed.length === 0) {
        const [stored] = await tx.select().from(idempotencyKeys).where(where);
        if (!stored) throw new Error('idempotency key vanished while it was being read');
        if (stored.requestHash !== hash) {
          throw new AppError({
            code: 'UNPROCESSABLE_CONTENT',
            reason: 'IDEMPOTENCY_KEY_REUSED',
            message: `Idempotency key "${target.key}" was already used for a different request`,
          });
        }
        return { replayed: stored.responseBody as T | StoredError, status: stored.responseStatus };
      }
      try {
        const value: T = await tx.transaction((savepoint) => work(savepoint));
        await tx.update(idempotencyKeys).set({ responseStatus: 200, responseBody: value as object }).where(where);
        return { value: value as T };
      } catch (error) {
        const status = error instanceof AppError ? HTTP_STATUS[error.code] : undefined;
        if (!(error instanceof AppError) || status === undefined) throw error;
        const stored: StoredError = {
          error: { code: error.code, reason: error.reason, message: error.message, ...(error.issues ? { issues: error.issues } : {}) },
        };
        await tx.update(idempotencyKeys).set({ responseStatus: status, responseBody: stored }).where(where);
        return { refused: error };
      }
    }),
  );
  if ('refused' in outcome) throw outcome.refused;
  if ('value' in outcome) return outcome.value as T;
  if (outcome.status >= 400) {
    const { error } = outcome.replayed as StoredError;
    throw new AppError({ code: error.code, reason: error.reason, message: error.message, ...(error.issues ? { issues: error.issues } : {}) });
  }
  return outcome.replayed as T;
}

/** Forgets keys older than the retention period; returns how many went. */
export async function purgeExpiredIdempotencyKeys(db: Database): Promise<number> {
  const removed = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, sql`now() - make_interval(hours => ${IDEMPOTENCY_RETENTION_HOURS})`))
    .returning({ key: idempotencyKeys.key });
  return removed.length;
}
