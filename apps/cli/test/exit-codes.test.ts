import { TablebookError, type TablebookErrorCategory, type TablebookErrorReason } from '@tablebook/client';
import { describe, expect, it } from 'vitest';
import { InputError, UsageError } from '../src/errors.ts';
import { ExitCode, exitCodeFor } from '../src/exit-codes.ts';

const failure = (reason: TablebookErrorReason, status: number) => new TablebookError({ message: 'x', status, code: reason, reason });

/** One failure of each category (typecheck demands a row for a new one), and the exit code it gets. */
const BY_CATEGORY: Record<TablebookErrorCategory, [TablebookErrorReason, number, ExitCode]> = {
  auth: ['UNAUTHORIZED', 401, ExitCode.notAuthorised],
  unavailable: ['SERVICE_UNAVAILABLE', 503, ExitCode.unreachable],
  unexpected: ['UNEXPECTED_RESPONSE', 404, ExitCode.unreachable],
  invalid: ['INVALID_INPUT', 400, ExitCode.refusedOrInvalid],
  refused: ['TABLE_ALREADY_BOOKED', 409, ExitCode.refusedOrInvalid],
  missing: ['NOT_FOUND', 404, ExitCode.refusedOrInvalid],
  limited: ['RATE_LIMITED', 429, ExitCode.refusedOrInvalid],
  internal: ['INTERNAL_ERROR', 500, ExitCode.refusedOrInvalid],
  aborted: ['ABORTED', 0, ExitCode.refusedOrInvalid],
};

describe('exit codes', () => {
  it.each(Object.entries(BY_CATEGORY))('gives a failure of category %s its exit code', (category, [reason, status, code]) => {
    const error = failure(reason, status);
    expect(error.category).toBe(category);
    expect(exitCodeFor(error)).toBe(code);
  });

  it('reads 401s and 403s by their category: not authorised, unless a rule said no', () => {
    expect(exitCodeFor(failure('FORBIDDEN', 403))).toBe(ExitCode.notAuthorised);
    expect(exitCodeFor(failure('FORBIDDEN_HOST', 403))).toBe(ExitCode.notAuthorised);
    // The API's answer names the reason's category (a refusal), which a bare 403 cannot tell.
    const wrongCode = new TablebookError({
      message: 'x',
      status: 403,
      code: 'FORBIDDEN',
      reason: 'INVALID_CANCELLATION_CODE',
      category: 'refused',
      retryable: false,
    });
    expect(exitCodeFor(wrongCode)).toBe(ExitCode.refusedOrInvalid);
  });

  it('counts no answer, and a gateway’s outage, as unreachable', () => {
    expect(exitCodeFor(failure('NETWORK_ERROR', 0))).toBe(ExitCode.unreachable);
    for (const status of [502, 504]) expect(exitCodeFor(failure('SERVICE_UNAVAILABLE', status))).toBe(ExitCode.unreachable);
  });

  it('keeps usage errors at 2 and invalid input at 1', () => {
    expect(exitCodeFor(new UsageError('missing command'))).toBe(ExitCode.usage);
    expect(exitCodeFor(new InputError('bad row'))).toBe(ExitCode.refusedOrInvalid);
    expect(exitCodeFor(new Error('boom'))).toBe(ExitCode.refusedOrInvalid);
  });
});
