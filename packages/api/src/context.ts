import type { Database } from '@tablebook/db';
import type { DailyLimits } from './rules/booking.ts';

export interface BookingSettings extends DailyLimits {
  /** IANA zone whose calendar decides what "today" is. */
  timeZone: string;
}

/** The minimal logger the api needs; pino's logger satisfies it. */
export interface ContextLogger {
  error(object: object, message?: string): void;
  warn(object: object, message?: string): void;
}

/** Everything a procedure may use: plain values, no HTTP framework. */
export interface Context {
  db: Database;
  settings: BookingSettings;
  requestId: string;
  /** The clock, injectable so tests can move "today". */
  now: () => Date;
  log?: ContextLogger;
}

export interface CreateContextOptions {
  db: Database;
  settings: BookingSettings;
  requestId?: string;
  now?: () => Date;
  log?: ContextLogger;
}

export function createContext(options: CreateContextOptions): Context {
  return {
    db: options.db,
    settings: options.settings,
    requestId: options.requestId ?? crypto.randomUUID(),
    now: options.now ?? (() => new Date()),
    ...(options.log ? { log: options.log } : {}),
  };
}

export const defaultBookingSettings: BookingSettings = {
  restaurantDailyLimit: 15,
  globalDailyLimit: 20,
  timeZone: 'America/Bogota',
};
