import { describe, expect, it } from 'vitest';
import { TablebookError } from '../src/errors.ts';
import { backoffDelay, DEFAULT_RETRY_OPTIONS, isTransientFailure } from '../src/retry.ts';

const failure = (status: number, reason: TablebookError['reason']) => new TablebookError({ message: 'x', status, code: reason, reason });

describe('the retry policy', () => {
  it('doubles the delay per retry, up to the ceiling, with half of it random', () => {
    const options = { retries: 5, baseDelayMs: 100, maxDelayMs: 500 };
    expect([1, 2, 3, 4].map((retry) => backoffDelay(retry, options, () => 1))).toEqual([100, 200, 400, 500]);
    expect([1, 2, 3, 4].map((retry) => backoffDelay(retry, options, () => 0))).toEqual([50, 100, 200, 250]);
  });

  it('keeps the default waits short enough for a person at a terminal', () => {
    const worst = Array.from({ length: DEFAULT_RETRY_OPTIONS.retries }, (_, index) =>
      backoffDelay(index + 1, DEFAULT_RETRY_OPTIONS, () => 1),
    );
    expect(worst.reduce((sum, delay) => sum + delay, 0)).toBeLessThan(2_000);
  });

  it('counts only failures that may pass by themselves as transient', () => {
    expect(isTransientFailure(failure(0, 'NETWORK_ERROR'))).toBe(true);
    for (const status of [502, 503, 504]) expect(isTransientFailure(failure(status, 'SERVICE_UNAVAILABLE'))).toBe(true);
    expect(isTransientFailure(failure(0, 'ABORTED'))).toBe(false);
    expect(isTransientFailure(failure(409, 'TABLE_ALREADY_BOOKED'))).toBe(false);
    expect(isTransientFailure(failure(500, 'INTERNAL_ERROR'))).toBe(false);
    expect(isTransientFailure(new Error('boom'))).toBe(false);
  });
});

describe('TablebookError', () => {
  it('is an Error with its own name and an empty issue list by default', () => {
    const error = failure(0, 'NETWORK_ERROR');
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(TablebookError);
    expect(error.name).toBe('TablebookError');
    expect(error.issues).toEqual([]);
    expect(error.requestId).toBeUndefined();
  });
});
