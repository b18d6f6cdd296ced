// The API's router as a client sees it, written out in full in the published declarations.
//
// The server's router type carries what no client needs and no outsider can install: its context
// (the database, drizzle's types), its procedures' metadata (zod schemas of the REST contract) and
// aliases of zod-inferred types. tRPC's client reads only the record of procedures (each one's input
// and output) and the root's error shape and transformer. So this is the same record with every
// input and output taken apart into plain object types, an opaque context and meta, and the server's
// own error shape. tsc prints the inferred type of `routerTypes` structurally in the emitted
// declarations (build.mjs bundles them), so they import nothing from the workspace.
import type { AppRouter as ServerRouter } from '@tablebook/api';
import type { TRPCBuiltRouter, TRPCMutationProcedure, TRPCQueryProcedure, TRPCSubscriptionProcedure } from '@trpc/server';

/**
 * The same type, its object types rebuilt property by property. A conditional type (not a bare mapped
 * one), so that what it resolves to carries no alias and tsc prints its members rather than a name.
 */
type Plain<T> = T extends string | number | boolean | bigint | symbol | null | undefined
  ? T
  : T extends (...args: never) => unknown
    ? T
    : T extends AsyncIterable<infer Item, infer Return, infer Next>
      ? AsyncIterable<Plain<Item>, Return, Next>
      : T extends object
        ? { [K in keyof T]: Plain<T[K]> }
        : T;

/** A procedure as the server's router declares it, read by shape: the server may build on another tRPC 11 release. */
interface ServerProcedure<Type extends string, Input, Output> {
  _def: { procedure: true; type: Type; $types: { input: Input; output: Output } };
}

// Each kind of procedure with its input and output rebuilt, its meta opaque; `errorShape: unknown`
// makes tRPC take the router's.
type ClientProcedure<P> =
  P extends ServerProcedure<'query', infer Input, infer Output>
    ? TRPCQueryProcedure<{ input: Plain<Input>; output: Plain<Output>; meta: object; errorShape: unknown }>
    : P extends ServerProcedure<'mutation', infer Input, infer Output>
      ? TRPCMutationProcedure<{ input: Plain<Input>; output: Plain<Output>; meta: object; errorShape: unknown }>
      : P extends ServerProcedure<'subscription', infer Input, infer Output>
        ? TRPCSubscriptionProcedure<{ input: Plain<Input>; output: Plain<Output>; meta: object; errorShape: unknown }>
        : never;

type ClientRecord<R> = R extends object
  ? { [K in keyof R]: R[K] extends { _def: { procedure: true } } ? ClientProcedure<R[K]> : ClientRecord<R[K]> }
  : never;

/**
 * The server's router, read by shape too: its record of procedures, its transformer and its error
 * shape (what every call can fail with: its errorFormatter's answer, packages/api trpc.ts), taken as
 * it is: tsc writes it out as `{message, code, data: ErrorData}`, and build.mjs inlines ErrorData.
 * test/public-types.check.ts (the sources) and test/dist-types.check.ts (the built declarations) keep
 * the whole equal to the server's.
 */
type ClientRouter<R> = R extends {
  _def: { record: infer Procedures; _config: { $types: { transformer: infer Transformer; errorShape: infer ErrorShape } } };
}
  ? TRPCBuiltRouter<{ ctx: object; meta: object; errorShape: ErrorShape; transformer: Transformer }, ClientRecord<Procedures>>
  : never;

/** Types only: nothing imports this module at run time (the bundle has no such value). */
const clientView = <R>(router: R) => router as unknown as ClientRouter<R>;
const routerTypes = clientView(undefined as unknown as ServerRouter);

/** The Tablebook API's tRPC router, as `createTRPCClient<AppRouter>` and `inferRouterInputs<AppRouter>` read it. */
export type AppRouter = typeof routerTypes;
