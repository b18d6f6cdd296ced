import type { TRPCLink } from '@trpc/client';
import { observable } from '@trpc/server/observable';
import type { AppRouter } from './router-types.ts';
import { toTablebookError } from './to-tablebook-error.ts';

/**
 * Turns every failure coming up from the HTTP link into a TablebookError, so the links above it (the
 * retry policy) and the caller see one error type.
 */
export const tablebookErrorLink: TRPCLink<AppRouter> =
  () =>
  ({ op, next }) =>
    observable((observer) =>
      next(op).subscribe({
        next: (result) => observer.next(result),
        error: (error) => observer.error(toTablebookError(error)),
        complete: () => observer.complete(),
      }),
    );
