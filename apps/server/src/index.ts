export { createServer } from './app.ts';
export type { ServerOptions, TablebookServer } from './app.ts';
export { loadSettings, ConfigError } from './config.ts';
export type { Settings } from './config.ts';
export { buildOpenApiDocument } from './openapi/document.ts';
