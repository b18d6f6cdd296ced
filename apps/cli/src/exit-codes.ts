import { TablebookError } from '@tablebook/client';
import { InputError, UsageError } from './errors.ts';

/** What `tablebook` exits with; scripts rely on these, so they never change meaning. */
export const ExitCode = {
  success: 0,
  /** The server refused the request, or the input was invalid (for `import`: any row refused or invalid). */
  refusedOrInvalid: 1,
  usage: 2,
  /** No usable answer from the server: unreachable, unavailable (502/503/504), or not a Tablebook server. */
  unreachable: 3,
  /** 401 or 403: the token is missing, wrong, or not allowed to do this. */
  notAuthorised: 4,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export function exitCodeFor(error: unknown): ExitCode {
  if (error instanceof UsageError) return ExitCode.usage;
  if (error instanceof InputError) return ExitCode.refusedOrInvalid;
  if (error instanceof TablebookError) {
    if (error.status === 401 || error.status === 403) return ExitCode.notAuthorised;
    if (error.reason === 'NETWORK_ERROR' || error.reason === 'SERVICE_UNAVAILABLE' || error.reason === 'UNEXPECTED_RESPONSE') {
      return ExitCode.unreachable;
    }
  }
  return ExitCode.refusedOrInvalid;
}
