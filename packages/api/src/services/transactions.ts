import { sql } from 'drizzle-orm';
import { findPgError, PgErrorCode, type Database } from '@tablebook/db';

export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** Anything that runs queries: the database or a transaction. */
export type Queryable = Database | Transaction;

/**
 * Takes the transaction-scoped lock of each day, in calendar order, through the database's own
 * `tablebook_lock_days` (migration 0008), the function the reservation trigger calls too: every writer
 * of a day's reservations holds it, so count-and-write is serial per day across processes, and two
 * writers that need the same two days take them in the same order (no deadlock). One round trip.
 */
export async function lockDays(tx: Queryable, days: readonly string[]): Promise<void> {
  if (days.length === 0) return;
  await tx.execute(sql`select tablebook_lock_days(${sql.param([...new Set(days)])}::date[])`);
}

/**
 * Every transaction that writes reservations runs in READ COMMITTED, whatever the database's default:
 * the rules count what others committed before the day lock was granted, which an older snapshot would
 * not see (the reservation trigger refuses a judged change in any other isolation level).
 */
export const WRITE_TRANSACTION = { isolationLevel: 'read committed' } as const;

const RETRYABLE = new Set<string>([PgErrorCode.serializationFailure, PgErrorCode.deadlockDetected]);

/** Runs `work` again (a few times, with a short jittered pause) when PostgreSQL aborts it for a deadlock or a serialization failure. */
export async function retryOnConflict<T>(work: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      const code = findPgError(error)?.code;
      if (!code || !RETRYABLE.has(code) || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 20));
    }
  }
}
