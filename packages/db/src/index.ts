export * from './schema.ts';
export { createDb } from './client.ts';
export type { Database, DatabaseHandle, DatabaseKind, CreateDbOptions, Schema } from './client.ts';
export { migrate, ping, readiness, migrationsFolder } from './migrate.ts';
export { queryRows } from './rows.ts';
export { findPgError, isConnectionError, PgErrorCode, pgLogFields } from './errors.ts';
export type { PgErrorInfo } from './errors.ts';
export type { ListenOptions, Listening } from './listen.ts';
export { LISTENER_APPLICATION_NAME } from './listen.ts';
