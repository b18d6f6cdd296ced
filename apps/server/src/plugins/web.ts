import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { rememberFileSent, webHeaders } from './web-headers.ts';
import { lateFileRoutes } from './web-late-files.ts';

/** The directory of the built web app, when it holds an index.html; else undefined (no web app). */
export const webRootOf = (directory: string | undefined) =>
  directory && existsSync(join(directory, 'index.html')) ? directory : undefined;

/**
 * The built web app (index.html and assets) at `/`; its client-side routes are the not-found handler's
 * (errors.ts, for the requests web-navigation.ts counts as page navigations). The build writes `.br`
 * and `.gz` beside each text file (apps/web/vite-plugins/precompress.ts): they are sent as they are to
 * a browser that accepts them (preCompressed), so compression costs no CPU per request and uses
 * brotli's best quality (the on-the-fly compression of api-compression.ts leaves an answer that
 * carries its encoding alone). Caching follows the file's name (web-headers.ts). The files present at
 * start-up get a route each; files a rebuild writes later are web-late-files.ts's.
 */
const webAppPlugin: FastifyPluginAsync<{ root: string | undefined }> = async (app, { root }) => {
  if (!root) return;
  await app.register(webHeaders, { root });
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    // A list, not a string: preCompressed looks the index up only in a list, so with a string `/` was a
    // 404 to any client accepting gzip or brotli that did not also accept text/html (curl --compressed).
    index: ['index.html'],
    preCompressed: true,
    // The compressed files are variants of the others, not URLs of their own.
    globIgnore: ['**/*.br', '**/*.gz'],
    // web-headers.ts sets Cache-Control by the file's name; send's own ("public, max-age=0") is off.
    cacheControl: false,
    setHeaders: rememberFileSent(root),
  });
  lateFileRoutes(app);
};

// Root scope: the not-found handler answers page paths with reply.sendFile.
export const webApp = fp(webAppPlugin, { name: 'tablebook-web-app' });
