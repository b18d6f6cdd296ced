import type { FastifyRequest } from 'fastify';

/** The API's paths: they and everything under them keep their JSON answers. */
const API_PATH = /^\/(?:api|trpc)(?:\/|$)/;
/** The build's own files: a missing one is a 404, never a page (a browser would refuse HTML as a script or a style). */
const ASSETS_PATH = /^\/assets(?:\/|$)/;
/** A last segment with an extension names a file (/favicon.ico, /robots.txt), not a page. */
const FILE_NAME = /\.[a-z0-9]+$/i;

// The Accept header lets HTML through: absent or empty (curl without -H, many monitors), or a range
// of text/html, text/* or */* (browsers send text/html; curl, monitors and link checkers */*) that is
// not refused with q=0. A client that lists only other types (Accept: application/json) asked for no page.
function acceptsHtml(accept: string | undefined): boolean {
  if (accept === undefined || accept.trim() === '') return true;
  return accept.split(',').some((range) => {
    const [type = '', ...parameters] = range.split(';').map((part) => part.trim().toLowerCase());
    const quality = parameters.find((parameter) => parameter.startsWith('q='));
    if (quality !== undefined && !(Number(quality.slice(2)) > 0)) return false;
    return type === 'text/html' || type === 'text/*' || type === '*/*';
  });
}

// A page navigation: a request the web app's index.html answers (its client-side router then shows
// the page, or its own "page not found"). Precisely, all of:
// - GET or HEAD (a form's POST to a page path is no navigation);
// - not /api or /trpc, nor under them (an unknown API path keeps its JSON 404);
// - not /assets or under it (a missing asset keeps its 404);
// - a last path segment without a file extension (`/restaurants/<id>/day` yes, `/favicon.ico` no);
// - an Accept header that lets HTML through (acceptsHtml): a browser, and also curl, a monitor or a
//   link checker sending */* or no Accept at all.
// The not-found handler (errors.ts) answers these with index.html; a malformed one (a bad
// percent-encoding, an over-long segment) gets web-bad-path.ts's HTML page instead of the JSON envelope.
export function isAppPage(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = request.url.split('?')[0] ?? '';
  if (API_PATH.test(path) || ASSETS_PATH.test(path)) return false;
  if (FILE_NAME.test(path.split('/').at(-1) ?? '')) return false;
  return acceptsHtml(request.headers.accept);
}
