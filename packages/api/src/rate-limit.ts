/** The limited kinds of call, each with its own budget per client address and minute. */
export type RateLimitBucket = 'guestBooking' | 'failedAdminAuth' | 'public';

export interface RateLimits {
  guestBooking: number;
  failedAdminAuth: number;
  public: number;
}

export const defaultRateLimits: RateLimits = { guestBooking: 10, failedAdminAuth: 20, public: 600 };

export interface RateLimitVerdict {
  allowed: boolean;
  /** Seconds until the window resets (for Retry-After). */
  retryAfterSeconds: number;
}

/**
 * Counts one call of a bucket from an address. Asynchronous because the count may live in the
 * database, shared by every server process (apps/server/src/rate-limiter.ts). It never rejects: an
 * implementation whose store fails decides itself what to answer.
 */
export interface RateLimiter {
  hit(bucket: RateLimitBucket, clientAddress: string): Promise<RateLimitVerdict>;
}

/**
 * Fixed one-minute windows per (bucket, client address), in this process's memory: for the embedded
 * database (one process), and as the fallback of the shared limiter while its database fails.
 */
export class WindowRateLimiter implements RateLimiter {
  private readonly windows = new Map<string, { started: number; count: number }>();

  constructor(
    private readonly limits: RateLimits,
    private readonly windowMs = 60_000,
    private readonly clock: () => number = Date.now,
  ) {}

  hit(bucket: RateLimitBucket, clientAddress: string): Promise<RateLimitVerdict> {
    return Promise.resolve(this.count(bucket, clientAddress));
  }

  private count(bucket: RateLimitBucket, clientAddress: string): RateLimitVerdict {
    const now = this.clock();
    if (this.windows.size > 10_000) this.sweep(now);
    const key = `${bucket}\u0000${clientAddress}`;
    let window = this.windows.get(key);
    if (!window || now - window.started >= this.windowMs) {
      window = { started: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count += 1;
    const retryAfterSeconds = Math.max(1, Math.ceil((window.started + this.windowMs - now) / 1000));
    return { allowed: window.count <= this.limits[bucket], retryAfterSeconds };
  }

  private sweep(now: number) {
    for (const [key, window] of this.windows) {
      if (now - window.started >= this.windowMs) this.windows.delete(key);
    }
  }
}
