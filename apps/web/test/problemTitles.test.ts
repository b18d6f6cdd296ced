import { ERROR_CATALOG, ERROR_REASONS } from '@tablebook/api/shared';
import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { isTitledReason, isTransient, problemOf, type ApiProblem } from '../src/api/problems.ts';
import { createQueryClient } from '../src/api/queryClient.ts';
import { dictionaries } from '../src/i18n/dictionary.ts';

const problem = (reason: string): ApiProblem => ({
  reason,
  details: undefined,
  issues: [],
  httpStatus: undefined,
  requestId: undefined,
  retryAfterSeconds: undefined,
});

describe("the app's words for the API's error catalog", () => {
  it('titles every reason of the catalog, and NETWORK, in both languages', () => {
    for (const language of ['en', 'es'] as const) {
      const { titles } = dictionaries[language].problems;
      expect(Object.keys(titles).sort(), language).toEqual([...ERROR_REASONS, 'NETWORK'].sort());
      for (const reason of [...ERROR_REASONS, 'NETWORK'] as const) expect(titles[reason].trim(), `${language}:${reason}`).not.toBe('');
    }
  });

  it('shows a reason of a newer server with the general title, and does not retry it', () => {
    expect(isTitledReason('NETWORK')).toBe(true);
    expect(isTitledReason('SOMETHING_NEW')).toBe(false);
    expect(isTransient(problem('SOMETHING_NEW'))).toBe(false);
  });

  it('calls transient what the catalog calls retryable, and no answer at all', () => {
    for (const reason of ERROR_REASONS) expect(isTransient(problem(reason)), reason).toBe(ERROR_CATALOG[reason].retryable);
    expect(isTransient(problem('NETWORK'))).toBe(true);
  });
});

describe('retrying a rate-limited query', () => {
  /** The API's 429 as tRPC's client reports it, with the answer's Retry-After. */
  const limited = (retryAfter: string) =>
    new TRPCClientError<never>('Too many requests', {
      result: {
        error: { message: 'Too many requests', code: -32029, data: { code: 'TOO_MANY_REQUESTS', httpStatus: 429, reason: 'RATE_LIMITED' } },
      },
      meta: { response: new Response(null, { status: 429, headers: { 'retry-after': retryAfter } }) },
    } as never);
  const { retry, retryDelay } = createQueryClient().getDefaultOptions().queries ?? {};

  it('reads the Retry-After, waits it out when it is short, and shows the failure at once when it is not', () => {
    expect(problemOf(limited('3'))).toMatchObject({ reason: 'RATE_LIMITED', retryAfterSeconds: 3 });
    if (typeof retry !== 'function' || typeof retryDelay !== 'function') throw new Error('the query client sets both');
    expect(retry(0, limited('3'))).toBe(true);
    expect(retryDelay(0, limited('3'))).toBe(3000);
    expect(retry(0, limited('60'))).toBe(false);
  });
});
