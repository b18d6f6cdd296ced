export { createServer } from './app.ts';
export type { ServerOptions, TablebookServer } from './app.ts';
export { loadSettings, ConfigError } from './config.ts';
export type { Settings } from './config.ts';
export { buildOpenApiDocument } from './openapi/document.ts';
export { startOutbox } from './outbox/start.ts';
export type { RunningOutbox } from './outbox/start.ts';
