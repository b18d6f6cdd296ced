import compress from '@fastify/compress';
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';

/**
 * Answers compressed on the fly for a client that asks (browsers always do), above all the API's JSON:
 * on a slow phone the Find page waits for the 1103 cities (about 55 kB of JSON, a sixth of that
 * compressed) before its city field takes input. brotli at @fastify/compress's quality 4, else gzip;
 * answers of a known size under 1 KiB go as they are (tRPC's are streamed, so compressed whatever
 * their size). Left alone: event streams (its default types exclude
 * text/event-stream, so each event is flushed as it happens), answers already encoded (the web root's
 * precompressed files, plugins/web.ts), and clients that send no Accept-Encoding (scripts, the bench).
 */
const apiCompressionPlugin: FastifyPluginAsync = async (app) => {
  await app.register(compress, { encodings: ['br', 'gzip'], threshold: 1024 });
};

// Root scope, before any route: @fastify/compress attaches itself to the routes registered after it.
export const apiCompression = fp(apiCompressionPlugin, { name: 'tablebook-api-compression' });
