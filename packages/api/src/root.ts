import type { z } from 'zod';
import { operationReasons, type Meta, type RestContract } from './contract.ts';
import type { ErrorReason } from './error-catalog.ts';
import { cityRouter } from './routers/city.ts';
import { guestRouter } from './routers/guest.ts';
import { messageRouter } from './routers/message.ts';
import { reservationRouter } from './routers/reservation.ts';
import { restaurantRouter } from './routers/restaurant.ts';
import { settingsRouter } from './routers/settings.ts';
import { webhookRouter } from './routers/webhook.ts';
import { router } from './trpc.ts';

export const appRouter = router({
  city: cityRouter,
  guest: guestRouter,
  restaurant: restaurantRouter,
  reservation: reservationRouter,
  settings: settingsRouter,
  webhook: webhookRouter,
  message: messageRouter,
});

export type AppRouter = typeof appRouter;

/** A procedure served over REST, as the REST adapter and the OpenAPI document both read it. */
export interface RestOperation {
  /** Dotted tRPC path, e.g. "reservation.create". */
  procedure: string;
  type: 'query' | 'mutation' | 'subscription';
  access: 'public' | 'admin';
  contract: RestContract;
  input: z.ZodType | undefined;
  /** Absent for a stream (its items are described by the contract's example). */
  output: z.ZodType | undefined;
  /** Every reason it can answer, from the catalog. */
  reasons: ErrorReason[];
}

interface ProcedureDefinition {
  _def: { type: RestOperation['type']; meta?: Meta; inputs: z.ZodType[]; output?: z.ZodType };
}

/** Every procedure that declares a REST contract, in the router's order. */
export function restOperations(): RestOperation[] {
  const procedures = appRouter._def.procedures as unknown as Record<string, ProcedureDefinition>;
  return Object.entries(procedures).flatMap(([procedure, { _def }]) => {
    const contract = _def.meta?.rest;
    if (!contract || !_def.meta) return [];
    return [
      {
        procedure,
        type: _def.type,
        access: _def.meta.access ?? 'public',
        contract,
        input: _def.inputs[0],
        output: _def.output,
        reasons: operationReasons(_def.meta),
      },
    ];
  });
}
