// Type-level checks, run by tsc (`turbo run typecheck` compiles test/), not by vitest: the published
// router type is written out apart from the server's (src/router-types.ts), so any difference between
// the two, procedure by procedure, fails the typecheck.
import type { AppRouter as ServerRouter, RouterInputs as ServerInputs, RouterOutputs as ServerOutputs } from '@tablebook/api';
import type { inferRouterError } from '@trpc/server';
import { expectTypeOf } from 'vitest';
import type { AppRouter, RouterInputs, RouterOutputs } from '../src/index.ts';

expectTypeOf<RouterInputs>().toEqualTypeOf<ServerInputs>();
expectTypeOf<RouterOutputs>().toEqualTypeOf<ServerOutputs>();
expectTypeOf<inferRouterError<AppRouter>>().toEqualTypeOf<inferRouterError<ServerRouter>>();
expectTypeOf<AppRouter['_def']['_config']['$types']['transformer']>().toEqualTypeOf<
  ServerRouter['_def']['_config']['$types']['transformer']
>();
// A check that cannot pass, so that the ones above are known to be read: tsc must report it unused.
// @ts-expect-error the client's inputs are not `never`
expectTypeOf<RouterInputs>().toEqualTypeOf<never>();
