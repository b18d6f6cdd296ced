import type { Database } from '@tablebook/db';
import type { AdminAccess } from './auth.ts';
import type { ReservationEventHub } from './events/hub.ts';
import type { StreamSlots } from './events/stream-slots.ts';
import type { ContextLogger } from './logger.ts';
import type { RateLimiter } from './rate-limit.ts';

/**
 * What a process is configured with. The daily limits are not here: they are stored in the database
 * (services/daily-limits.ts), so that every process judges by the same values.
 */
export interface BookingSettings {
  /** IANA zone of a new restaurant (APP_TIMEZONE) and of "today" where no restaurant is named. */
  timeZone: string;
  /** Webhook endpoints may be loopback or private addresses (WEBHOOKS_ALLOW_PRIVATE; default false). */
  webhooksAllowPrivate?: boolean;
}

/** How a booking attempt ended, for metrics: created, refused by a rule (409), rejected as invalid (4xx), or failed (5xx). */
export type BookingOutcome = 'created' | 'refused' | 'rejected' | 'failed';

/** What the transport wants to know about a call (metrics); every method is optional to implement. */
interface RequestObserver {
  /** The procedure a call resolved to (several for a tRPC batch). */
  procedure?(path: string): void;
  booking?(outcome: BookingOutcome, reason: string): void;
}

/** Everything a procedure may use: plain values, no HTTP framework. */
export interface Context {
  db: Database;
  settings: BookingSettings;
  requestId: string;
  /** The clock, injectable so tests can move "today". */
  now: () => Date;
  log?: ContextLogger;
  /** Decided by the transport from the Authorization header and the configured tokens. */
  admin: AdminAccess;
  /** The caller's address, for rate limits. */
  clientAddress: string;
  /** The request's Accept-Language header: a booking without `language` is written to in the guest's language from it. */
  acceptLanguage?: string;
  /** Absent: no limits (tests, RATE_LIMIT=off). */
  rateLimiter?: RateLimiter;
  /** This process's feed of committed reservation changes; absent: no live updates. */
  events?: ReservationEventHub;
  /** Caps live streams per client address. */
  streamSlots?: StreamSlots;
  observer?: RequestObserver;
}

export interface CreateContextOptions {
  db: Database;
  settings: BookingSettings;
  requestId?: string;
  now?: () => Date;
  log?: ContextLogger;
  /** Default: open administration, as when no ADMIN_TOKEN is configured. */
  admin?: AdminAccess;
  clientAddress?: string;
  acceptLanguage?: string | undefined;
  rateLimiter?: RateLimiter;
  events?: ReservationEventHub;
  streamSlots?: StreamSlots;
  observer?: RequestObserver;
}

export function createContext(options: CreateContextOptions): Context {
  return {
    db: options.db,
    settings: options.settings,
    requestId: options.requestId ?? crypto.randomUUID(),
    now: options.now ?? (() => new Date()),
    admin: options.admin ?? { granted: true, open: true },
    clientAddress: options.clientAddress ?? 'local',
    ...(options.acceptLanguage ? { acceptLanguage: options.acceptLanguage } : {}),
    ...(options.log ? { log: options.log } : {}),
    ...(options.rateLimiter ? { rateLimiter: options.rateLimiter } : {}),
    ...(options.events ? { events: options.events } : {}),
    ...(options.streamSlots ? { streamSlots: options.streamSlots } : {}),
    ...(options.observer ? { observer: options.observer } : {}),
  };
}

export const defaultBookingSettings: BookingSettings = {
  timeZone: 'America/Bogota',
};
