import {
  checkAdminAccess,
  createContext,
  type BookingSettings,
  type Context,
  type RateLimiter,
  type ReservationEventHub,
  type StreamSlots,
} from '@tablebook/api';
import type { Database } from '@tablebook/db';
import type { FastifyRequest } from 'fastify';
import { recordBooking } from './metrics.ts';

/** The api's context for one request: what every plugin that calls a procedure (or its gates) passes. */
export type ContextFor = (request: FastifyRequest) => Context;

export interface ContextSources {
  db: Database;
  settings: BookingSettings;
  now: () => Date;
  adminTokens: string[];
  rateLimiter?: RateLimiter;
  events: ReservationEventHub;
  streamSlots: StreamSlots;
  /** Told the procedure each call of the request resolved to, for its metrics label. */
  procedure: (request: FastifyRequest, path: string) => void;
}

export function contextFactory(sources: ContextSources): ContextFor {
  const { db, settings, now, adminTokens, rateLimiter, events, streamSlots } = sources;
  return (request) =>
    createContext({
      db,
      settings,
      requestId: String(request.id),
      now,
      log: request.log,
      admin: checkAdminAccess(request.headers.authorization, adminTokens),
      clientAddress: request.ip,
      acceptLanguage: request.headers['accept-language'],
      ...(rateLimiter ? { rateLimiter } : {}),
      events,
      streamSlots,
      observer: { procedure: (path) => sources.procedure(request, path), booking: recordBooking },
    });
}
