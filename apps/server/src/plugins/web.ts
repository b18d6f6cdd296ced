import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

/** The directory of the built web app, when it holds an index.html; else undefined (no web app). */
export const webRootOf = (directory: string | undefined) =>
  directory && existsSync(join(directory, 'index.html')) ? directory : undefined;

/** A browser asking for a page of the web app (not the API, not a file). */
export const isAppPage = (request: FastifyRequest) =>
  request.method === 'GET' &&
  !/^\/(api|trpc)(\/|$)/.test(request.url) &&
  !/\.[a-z0-9]+(\?|$)/i.test(request.url.split('?')[0] ?? '') &&
  (request.headers.accept ?? '').includes('text/html');

/** The built web app (index.html and assets) at `/`; its client-side routes are the not-found handler's (errors.ts). */
const webAppPlugin: FastifyPluginAsync<{ root: string | undefined }> = async (app, { root }) => {
  if (root) await app.register(fastifyStatic, { root, prefix: '/', wildcard: false, index: 'index.html' });
};

// Root scope: the not-found handler answers page paths with reply.sendFile.
export const webApp = fp(webAppPlugin, { name: 'tablebook-web-app' });
