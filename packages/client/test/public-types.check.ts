// Type-level checks, run by tsc (`turbo run typecheck` compiles test/), not by vitest: the published
// router type is written out apart from the server's (src/router-types.ts), so any difference between
// the two, procedure by procedure, fails the typecheck.
import type { AppRouter as ServerRouter, RouterInputs as ServerInputs, RouterOutputs as ServerOutputs } from '@tablebook/api';
import { expectTypeOf } from 'vitest';
import type { AppRouter, RouterInputs, RouterOutputs } from '../src/index.ts';

type RootTypes<R extends { _def: { _config: { $types: object } } }> = R['_def']['_config']['$types'];

expectTypeOf<RouterInputs>().toEqualTypeOf<ServerInputs>();
expectTypeOf<RouterOutputs>().toEqualTypeOf<ServerOutputs>();
expectTypeOf<RootTypes<AppRouter>['errorShape']>().toEqualTypeOf<RootTypes<ServerRouter>['errorShape']>();
expectTypeOf<RootTypes<AppRouter>['transformer']>().toEqualTypeOf<RootTypes<ServerRouter>['transformer']>();
// A check that must fail, so that the ones above are known to be checked at all (@ts-expect-error
// fails the typecheck if it did not).
// @ts-expect-error the client's inputs are not `never`
expectTypeOf<RouterInputs>().toEqualTypeOf<never>();
