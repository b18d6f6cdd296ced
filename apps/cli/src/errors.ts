import type { TablebookErrorReason } from '@tablebook/client';

/** Reasons that must be the API's catalog's or the client's: a reason renamed there fails the build here. */
export type CatalogReason<Reason extends TablebookErrorReason> = Reason;

/**
 * The reasons of the command line's own errors, as `--json` prints them beside the API's: USAGE for
 * a command line that is wrong (UsageError, the CLI's own word), and for the others the words the API
 * and the client already use: INVALID_INPUT, NOT_FOUND, and ABORTED (the client's, for a call its
 * caller stopped) for a person's "no".
 */
type InputErrorReason = CatalogReason<'INVALID_INPUT' | 'NOT_FOUND' | 'ABORTED'>;

/** The command line itself is wrong: an unknown command or option, a missing argument (exit 2). */
export class UsageError extends Error {
  readonly reason = 'USAGE' as const;

  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The command line is well formed but names something that does not fit the data (exit 1). */
export class InputError extends Error {
  readonly reason: InputErrorReason;

  constructor(message: string, reason: InputErrorReason = 'INVALID_INPUT') {
    super(message);
    this.name = 'InputError';
    this.reason = reason;
  }
}
