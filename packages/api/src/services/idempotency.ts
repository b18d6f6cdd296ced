import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import { idempotencyKeys, type Database } from '@tablebook/db';
import { ERROR_CATALOG } from '../error-catalog.ts';
import { AppError, type AnyReasonDetails, type ErrorReason, type IssueDetail } from '../errors.ts';
import { retryOnConflict, WRITE_TRANSACTION, type Transaction } from './transactions.ts';

export interface IdempotencyScope {
  /** The operation and its target, e.g. "reservation.create:<restaurantId>". */
  scope: string;
  key: string;
  /** The request without its key, in any JSON form: it is hashed canonically. */
  request: unknown;
  /**
   * The result holds a secret (a cancellation code): store it encrypted with a key derived from the
   * caller's idempotency key, which is itself stored only as a hash, so only that caller can replay it.
   */
  secret?: boolean;
}

/** How long a key and its result are remembered (the contract promises at least 24 hours). */
const IDEMPOTENCY_RETENTION_HOURS = 48;

interface StoredError {
  /** `details` and the issues' codes are missing from refusals stored before they existed. */
  error: { reason: ErrorReason; message: string; details?: AnyReasonDetails; issues?: IssueDetail[] };
}

/** A stored refusal as it is thrown again: an issue stored without a code is `custom`. */
const replayedRefusal = ({ error }: StoredError) =>
  new AppError({
    reason: error.reason,
    message: error.message,
    details: error.details,
    ...(error.issues ? { issues: error.issues.map((issue) => ({ ...issue, code: issue.code ?? 'custom' }) as IssueDetail) } : {}),
  } as ConstructorParameters<typeof AppError>[0]);

/** A refusal is remembered and replayed; one that a retry may cure (a 429, a 5xx) is not. */
const isFinalRefusal = (error: unknown): error is AppError =>
  error instanceof AppError && ERROR_CATALOG[error.reason].status < 500 && !ERROR_CATALOG[error.reason].retryable;

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

const sha256 = (text: string) => createHash('sha256').update(text).digest();
const requestHash = (request: unknown) => sha256(canonicalJson(request)).toString('hex');

interface SealedBody {
  sealed: string;
}

function seal(value: unknown, target: IdempotencyScope): SealedBody {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sha256(`tablebook:${target.scope}:${target.key}`), iv);
  const encrypted = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return { sealed: Buffer.concat([iv, cipher.getAuthTag(), encrypted]).toString('base64') };
}

function unseal(body: SealedBody, target: IdempotencyScope): unknown {
  const bytes = Buffer.from(body.sealed, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', sha256(`tablebook:${target.scope}:${target.key}`), bytes.subarray(0, 12));
  decipher.setAuthTag(bytes.subarray(12, 28));
  return JSON.parse(Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8'));
}

/**
 * Runs `work` at most once per key. The key row is claimed in the same transaction as the work, so a
 * duplicate arriving at the same moment waits on the key's primary key until the first commits, then
 * replays the stored result. A refusal (4xx) is stored and replayed too; a failure (5xx) rolls the key
 * back with everything else, so a retry runs again. A replayed success answers with the original
 * status and, through `current`, the thing it made as it is now (as Reserve with Google's CreateBooking
 * asks: a booking cancelled since replays as cancelled).
 */
export async function runIdempotent<T>(
  db: Database,
  target: IdempotencyScope,
  work: (tx: Transaction) => Promise<T>,
  /** On a replay of a success, what the result is now (the reservation as it stands, or 404 once it is gone). */
  current?: (stored: T) => Promise<T>,
): Promise<T> {
  const hash = requestHash(target.request);
  const storedKey = sha256(target.key).toString('hex');
  const where = and(eq(idempotencyKeys.scope, target.scope), eq(idempotencyKeys.key, storedKey));
  const outcome = await retryOnConflict(() =>
    db.transaction(async (tx) => {
      const claimed = await tx
        .insert(idempotencyKeys)
        .values({ scope: target.scope, key: storedKey, requestHash: hash, responseStatus: 0, responseBody: {} })
        .onConflictDoNothing()
        .returning({ key: idempotencyKeys.key });
      if (claimed.length === 0) {
        const [stored] = await tx.select().from(idempotencyKeys).where(where);
        if (!stored) throw new Error('idempotency key vanished while it was being read');
        if (stored.requestHash !== hash) {
          throw new AppError({
            reason: 'IDEMPOTENCY_KEY_REUSED',
            message: `Idempotency key "${target.key}" was already used for a different request`,
          });
        }
        return { replayed: stored.responseBody as T | StoredError, status: stored.responseStatus };
      }
      try {
        const value: T = await tx.transaction((savepoint) => work(savepoint));
        const body = target.secret ? seal(value, target) : (value as object);
        await tx.update(idempotencyKeys).set({ responseStatus: 200, responseBody: body }).where(where);
        return { value: value as T };
      } catch (error) {
        if (!isFinalRefusal(error)) throw error;
        const stored: StoredError = {
          error: {
            reason: error.reason,
            message: error.message,
            ...(error.details ? { details: error.details } : {}),
            ...(error.issues ? { issues: error.issues } : {}),
          },
        };
        await tx.update(idempotencyKeys).set({ responseStatus: ERROR_CATALOG[error.reason].status, responseBody: stored }).where(where);
        return { refused: error };
      }
    }, WRITE_TRANSACTION),
  );
  if ('refused' in outcome) throw outcome.refused;
  if ('value' in outcome) return outcome.value as T;
  if (outcome.status >= 400) {
    throw replayedRefusal(outcome.replayed as StoredError);
  }
  const stored = (target.secret ? unseal(outcome.replayed as SealedBody, target) : outcome.replayed) as T;
  return current ? current(stored) : stored;
}

/** Forgets keys older than the retention period; returns how many went. */
export async function purgeExpiredIdempotencyKeys(db: Database): Promise<number> {
  const removed = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, sql`now() - make_interval(hours => ${IDEMPOTENCY_RETENTION_HOURS})`))
    .returning({ key: idempotencyKeys.key });
  return removed.length;
}
