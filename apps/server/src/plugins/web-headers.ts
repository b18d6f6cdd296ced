import { readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { inlineScriptSources, withScriptSources } from './web-inline-scripts.ts';

/** A year, the longest max-age caches honour: hashed files never change under their name. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Cached, but revalidated (ETag, Last-Modified) before every use: the next release shows at once. */
const REVALIDATE = 'no-cache';

/**
 * Vite's output names: every file it writes to the build's `assets/` directory is named
 * `<name>-<hash>.<ext>`, the hash of its content (8 characters of base64url), so a changed file is a
 * new name. Anything else (public/ copies such as favicon.svg, index.html) is revalidated.
 */
const HASHED_ASSET = /^assets\/(?:[^/]+\/)*[^/]+-[\w-]{8}\.[a-z0-9]+$/i;

/** The encodings' suffixes that @fastify/static's preCompressed appends to the file it sends instead. */
const PRECOMPRESSED_SUFFIX = /\.(?:br|gz)$/;

/** How long a file of the web root may be cached, by its path under the root ("assets/index-Ab12Cd34.js"). */
const cacheControlFor = (path: string) => (HASHED_ASSET.test(path.replace(PRECOMPRESSED_SUFFIX, '')) ? IMMUTABLE : REVALIDATE);

/** The page every app path is answered with (its .br and .gz variants too). */
const isIndexPage = (path: string) => path.replace(PRECOMPRESSED_SUFFIX, '') === 'index.html';

/**
 * The file @fastify/static is sending on a response, keyed by the raw response (what its setHeaders
 * receives, typed there as a small interface), read back in onSend.
 */
const filesSent = new WeakMap<object, string>();

/** For @fastify/static's setHeaders: remembers which file of the root an answer carries. */
export const rememberFileSent = (root: string) => {
  const base = resolve(root);
  return (response: object, path: string) => {
    filesSent.set(response, relative(base, resolve(base, path)).split(sep).join('/'));
  };
};

const withAcceptEncoding = (vary: unknown) => {
  const named =
    typeof vary === 'string'
      ? vary
          .split(',')
          .map((name) => name.trim())
          .filter(Boolean)
      : [];
  if (named.includes('*') || named.some((name) => name.toLowerCase() === 'accept-encoding')) return named.join(', ');
  return [...named, 'Accept-Encoding'].join(', ');
};

/**
 * The web root's caching headers, set on the reply (not the raw response) so they merge with what other
 * plugins set there (CORS adds `Vary: Origin`): Cache-Control by the file's name, and
 * `Vary: Accept-Encoding` on every variant, since the same URL is sent as brotli, gzip or as it is.
 * index.html's Content-Security-Policy (security.ts's) also allows the page's own inline scripts by
 * their hashes, read from the file being served (a rebuild needs no restart); every other answer
 * keeps the policy as it is.
 */
const webHeadersPlugin: FastifyPluginAsync<{ root: string }> = async (app, { root }) => {
  app.addHook('onSend', async (_request, reply, payload) => {
    const path = filesSent.get(reply.raw);
    if (path === undefined) return payload;
    void reply.header('cache-control', cacheControlFor(path));
    void reply.header('vary', withAcceptEncoding(reply.getHeader('vary')));
    const policy = reply.raw.getHeader('content-security-policy');
    if (isIndexPage(path) && typeof policy === 'string') {
      const sources = inlineScriptSources(await readFile(join(root, 'index.html'), 'utf8'));
      void reply.header('content-security-policy', withScriptSources(policy, sources));
    }
    return payload;
  });
};

export const webHeaders = fp(webHeadersPlugin, { name: 'tablebook-web-headers' });
