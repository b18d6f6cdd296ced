import { TablebookError, type TablebookErrorCategory } from '@tablebook/client';
import { InputError, UsageError } from './errors.ts';

/** What `tablebook` exits with; scripts rely on these, so they never change meaning. */
export const ExitCode = {
  success: 0,
  /** The server refused the request, or the input was invalid (for `import`: any row refused or invalid). */
  refusedOrInvalid: 1,
  usage: 2,
  /** No usable answer from the server: unreachable, unavailable (the API's 503, a gateway's 502/503/504), or not a Tablebook server. */
  unreachable: 3,
  /** The token is missing, wrong, or not allowed to do this (a 401, a proxy's 403, an administration open only on loopback). */
  notAuthorised: 4,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** What each exit code means, as `tablebook --help` says it. */
export const EXIT_CODE_MEANINGS: Readonly<Record<ExitCode, string>> = {
  0: 'success',
  1: 'refused or invalid input',
  2: 'usage error',
  3: 'server unreachable',
  4: 'not authorised',
};

/**
 * A failed call's exit code, by its category in the API's error catalog (TablebookError.category).
 * Every other kind of failure (a rule said no, no such thing, a rate limit, a fault on the server, an
 * aborted call) is 1, like invalid input.
 */
const EXIT_CODE_BY_CATEGORY: Readonly<Record<TablebookErrorCategory, ExitCode>> = {
  auth: ExitCode.notAuthorised,
  unavailable: ExitCode.unreachable,
  unexpected: ExitCode.unreachable,
  invalid: ExitCode.refusedOrInvalid,
  refused: ExitCode.refusedOrInvalid,
  missing: ExitCode.refusedOrInvalid,
  limited: ExitCode.refusedOrInvalid,
  internal: ExitCode.refusedOrInvalid,
  aborted: ExitCode.refusedOrInvalid,
};

export function exitCodeFor(error: unknown): ExitCode {
  if (error instanceof UsageError) return ExitCode.usage;
  if (error instanceof InputError) return ExitCode.refusedOrInvalid;
  if (error instanceof TablebookError) return EXIT_CODE_BY_CATEGORY[error.category];
  return ExitCode.refusedOrInvalid;
}
