// Type-level checks of the published declarations, run by test/package.test.ts with tsc after the build
// (tsconfig.dist-types.json; the workspace's typecheck leaves this file out, since it runs before any
// build): dist/index.d.ts, the bundle build.mjs writes, must type the router as the server does, like
// the sources do (test/public-types.check.ts). A bundling that dropped, widened or renamed anything
// fails here.
import type { AppRouter as ServerRouter, RouterInputs as ServerInputs, RouterOutputs as ServerOutputs } from '@tablebook/api';
import { expectTypeOf } from 'vitest';
import type { AppRouter, RouterInputs, RouterOutputs } from '../dist/index.js';

type RootTypes<R extends { _def: { _config: { $types: object } } }> = R['_def']['_config']['$types'];

expectTypeOf<RouterInputs>().toEqualTypeOf<ServerInputs>();
expectTypeOf<RouterOutputs>().toEqualTypeOf<ServerOutputs>();
expectTypeOf<RootTypes<AppRouter>['errorShape']>().toEqualTypeOf<RootTypes<ServerRouter>['errorShape']>();
expectTypeOf<RootTypes<AppRouter>['transformer']>().toEqualTypeOf<RootTypes<ServerRouter>['transformer']>();
// A check that must fail, so that the ones above are known to be checked at all (@ts-expect-error
// fails the typecheck if it did not).
// @ts-expect-error the published inputs are not `never`
expectTypeOf<RouterInputs>().toEqualTypeOf<never>();
