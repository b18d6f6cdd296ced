// The per-minute rate limits of a deployment. On PostgreSQL every server process (WORKERS=N, several
// machines) counts in one table, rate_limits (migration 0009), through rate-limiter-flexible's
// RateLimiterPostgres; on the embedded database there is only one process, and it counts in memory.
import { createHash } from 'node:crypto';
import { WindowRateLimiter, type RateLimiter, type RateLimits } from '@tablebook/api';
import { pgLogFields, type DatabaseHandle } from '@tablebook/db';
import type { FastifyBaseLogger } from 'fastify';
import type pg from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';

type Bucket = keyof RateLimits;
const WINDOW_SECONDS = 60;
/** While the shared counters fail, one warning per this many ms and process, not one per request. */
const WARN_INTERVAL_MS = 60_000;
/** How often a process deletes the counters of windows that have ended, and how long after their end. */
const SWEEP_INTERVAL_MS = 5 * 60_000;
const SWEEP_MARGIN_MS = 60_000;
/** rate_limits.key is varchar(255); a longer (forged, forwarded) address is hashed to fit. */
const LONGEST_ADDRESS = 200;

export type RateLimiterLog = Pick<FastifyBaseLogger, 'warn' | 'info'>;

/** The limiter for this database: shared through PostgreSQL, or this process's memory on PGlite. */
export function createRateLimiter(database: DatabaseHandle, limits: RateLimits, log: RateLimiterLog): RateLimiter {
  return database.pool ? new SharedRateLimiter(database.pool, limits, log) : new WindowRateLimiter(limits);
}

const secondsUntil = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

const keyOf = (address: string) =>
  address.length <= LONGEST_ADDRESS ? address : `sha256:${createHash('sha256').update(address).digest('hex')}`;

/**
 * The library names its prepared statements; the server's queries are unnamed so that PgBouncer's
 * transaction mode stays safe (README, "Operations"). This client passes the text and values only.
 */
const unnamedStatements = (pool: pg.Pool) => ({
  query: (statement: { text: string; values?: unknown[] }) => pool.query(statement.text, statement.values ?? []),
});

/**
 * Fixed one-minute windows per bucket and client address, counted in PostgreSQL: one atomic upsert per
 * call, so the budget holds for the whole deployment. The window starts at an address's first call
 * and Retry-After is the time left in it, as with the in-memory limiter.
 *
 * When the database call fails, the call is counted in this process's memory instead (the
 * per-process limits of before) and a warning is logged. Neither failing open nor failing closed:
 * open would let a database outage lift the failed-authentication limit, which guards the admin
 * tokens and needs no database otherwise; closed would turn every public call into a 429 while the
 * database is away, even ones that need no database (the failure is a 503 where the call itself
 * needs the database anyway).
 */
export class SharedRateLimiter implements RateLimiter {
  private readonly counters: Record<Bucket, RateLimiterPostgres>;
  private readonly fallback: WindowRateLimiter;
  private failing = false;
  private lastWarning = 0;
  private failuresSinceWarning = 0;
  private lastSweep = 0;

  constructor(
    private readonly pool: pg.Pool,
    limits: RateLimits,
    private readonly log: RateLimiterLog,
  ) {
    const storeClient = unnamedStatements(pool);
    const counter = (bucket: Bucket) =>
      new RateLimiterPostgres({
        storeClient,
        storeType: 'pool',
        tableName: 'rate_limits',
        // Created by the migrations (under their advisory lock), not by the library at start-up.
        tableCreated: true,
        keyPrefix: bucket,
        points: limits[bucket],
        duration: WINDOW_SECONDS,
        // Once an address is over the budget, this process refuses it from memory until the window
        // ends: a flood from one address costs the database at most (budget + 1) writes per window
        // and process, and the answer is the same as the database's would be.
        inMemoryBlockOnConsumed: limits[bucket] + 1,
        // Swept by sweep() below, from the calls themselves: the library's own timer would outlive
        // a stopped server.
        clearExpiredByTimeout: false,
      });
    this.counters = { guestBooking: counter('guestBooking'), failedAdminAuth: counter('failedAdminAuth'), public: counter('public') };
    this.fallback = new WindowRateLimiter(limits);
  }

  async hit(bucket: Bucket, clientAddress: string): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
    if (Date.now() - this.lastSweep >= SWEEP_INTERVAL_MS) void this.sweep();
    let result: RateLimiterRes;
    try {
      result = await this.counters[bucket].consume(keyOf(clientAddress));
    } catch (outcome) {
      // The library rejects with its result when the budget is spent, and with the error otherwise.
      if (outcome instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: secondsUntil(outcome.msBeforeNext) };
      this.failed(outcome);
      return this.fallback.hit(bucket, clientAddress);
    }
    this.answered();
    return { allowed: true, retryAfterSeconds: secondsUntil(result.msBeforeNext) };
  }

  /**
   * Deletes the counters of windows that ended over a minute ago (the margin covers clocks of
   * machines that differ a little: each writes its own Date.now()). Rows are one per bucket and
   * address, so the table holds the addresses of the last few minutes, not of all time. A failed
   * sweep is tried again at the next interval.
   */
  async sweep(): Promise<void> {
    this.lastSweep = Date.now();
    await this.pool.query('DELETE FROM rate_limits WHERE expire < $1', [this.lastSweep - SWEEP_MARGIN_MS]).catch(() => undefined);
  }

  private failed(error: unknown) {
    this.failing = true;
    this.failuresSinceWarning += 1;
    const now = Date.now();
    if (now - this.lastWarning < WARN_INTERVAL_MS) return;
    this.lastWarning = now;
    this.log.warn(
      { err: error, ...pgLogFields(error), failures: this.failuresSinceWarning },
      'rate limits: the shared counters in PostgreSQL failed; counting in this process until they answer again',
    );
    this.failuresSinceWarning = 0;
  }

  private answered() {
    if (!this.failing) return;
    this.failing = false;
    this.lastWarning = 0;
    this.failuresSinceWarning = 0;
    this.log.info('rate limits: the shared counters in PostgreSQL answer again');
  }
}
