import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';

/** The variants the build writes beside a file: sent instead of it (preCompressed), never URLs of their own. */
const VARIANT = /\.(?:br|gz)$/i;
/** A file's name ends in an extension; a page path's last segment does not (web-navigation.ts). */
const HAS_EXTENSION = /\.[a-z0-9]+$/i;

/**
 * The path of a file of the web root this URL may name, decoded the way @fastify/static's own routes
 * decode theirs (decodeURI: `%2F` stays a character of a name, never a separator), or undefined when
 * it names none: no dot segment and no dotfile (`.`, `..`, `.env`: the start-up scan skipped dotfiles
 * too, and `..` would climb out of the root), no backslash or NUL, a last segment with an extension,
 * and not a precompressed variant.
 */
export function webFileOf(url: string): string | undefined {
  let path: string;
  try {
    path = decodeURI(url.split('?')[0] ?? '');
  } catch {
    return undefined;
  }
  const segments = path.split('/').slice(1);
  const name = segments.at(-1) ?? '';
  if (segments.some((segment) => segment.startsWith('.')) || /[\\\0]/.test(path)) return undefined;
  if (!HAS_EXTENSION.test(name) || VARIANT.test(name)) return undefined;
  return path;
}

/** Sends the file, or the not-found handler's 404 when the URL names none or it is not on disk. */
function sendLateFile(request: FastifyRequest, reply: FastifyReply) {
  const path = webFileOf(request.url);
  return path === undefined ? reply.callNotFound() : reply.sendFile(path);
}

/**
 * Files written into the web root after start-up: a rebuild under a running server (its new hashed
 * assets, index.html's new references). @fastify/static gives every file present at start-up a route
 * of its own (wildcard: false), so a request for one of them touches no directory listing and an
 * unknown path touches no disk; a new file has no route, so these two answer the rest: anything under
 * /assets/ (every file the build names by its hash) and a top-level name with an extension (public/'s
 * copies such as favicon.svg). They look the file up on disk (at most one stat per encoding tried) and
 * send it through @fastify/static (reply.sendFile), with everything its own routes have: the .br/.gz
 * variant the client accepts, content type, ETag, 304, and web-headers.ts's caching. A file missing
 * here is the not-found handler's JSON 404, never index.html.
 *
 * Not `/*`: a catch-all would also be tried after an API route refused an over-long id (find-my-way
 * falls back to a wildcard sibling) and turn that 400 into a 404. The top-level route's regex takes
 * names with an extension only, so page paths (`/cancel`) still reach the not-found handler directly.
 */
export function lateFileRoutes(app: FastifyInstance) {
  const methods: HTTPMethods[] = ['GET', 'HEAD'];
  // hide: no OpenAPI entry (the document is the API's; @fastify/static's own routes are hidden too).
  for (const url of ['/assets/*', '/:file(^.+\\.\\w+$)'])
    app.route({ method: methods, url, schema: { hide: true }, handler: sendLateFile });
}
