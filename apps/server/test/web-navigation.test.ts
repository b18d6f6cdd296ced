/**
 * Review D10: which requests are page navigations (web-navigation.ts), over real HTTP. `/` and the
 * client-side routes are index.html to anything that lets HTML through, browsers and also
 * `curl --compressed` (any type accepted, gzip and brotli), monitors and link checkers (no Accept); the
 * API's paths and missing files keep their JSON 404. An address the router cannot read is an HTML 400
 * page for a navigation and the JSON envelope (400 INVALID_INPUT) for an API client.
 * The web root is written the way the web app's build writes it, variants included.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { useServer } from './helpers.ts';

const INDEX = `<!doctype html><title>Tablebook</title><div id="root"></div>${' '.repeat(200)}`;

const webRoot = mkdtempSync(join(tmpdir(), 'tablebook-web-navigation-'));
mkdirSync(join(webRoot, 'assets'));
for (const [path, content] of [
  ['index.html', INDEX],
  ['assets/index-Ab12_d-4.js', `console.log(${JSON.stringify('app '.repeat(100))})`],
] as const) {
  writeFileSync(join(webRoot, path), content);
  writeFileSync(join(webRoot, `${path}.br`), brotliCompressSync(content));
  writeFileSync(join(webRoot, `${path}.gz`), gzipSync(content));
}

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** The body, decoded from its Content-Encoding. */
  text: string;
}

/** One request with exactly these headers (none added), the path sent as written. */
function raw(base: string, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const sent = httpRequest(`${base}/`, { method, headers, path }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const body = Buffer.concat(chunks);
        const encoding = response.headers['content-encoding'];
        const text = (
          body.length === 0 ? body : encoding === 'br' ? brotliDecompressSync(body) : encoding === 'gzip' ? gunzipSync(body) : body
        ).toString();
        resolve({ status: response.statusCode ?? 0, headers: response.headers, text });
      });
      response.on('error', reject);
    });
    sent.on('error', reject);
    sent.end();
  });
}

/** What `curl --compressed` sends (curl 7.88/8.x). */
const CURL_COMPRESSED = { accept: '*/*', 'accept-encoding': 'deflate, gzip, br, zstd' };
const BROWSER = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'accept-encoding': 'gzip, deflate, br, zstd' };

const expectIndex = (answer: RawResponse, label: string) => {
  expect(answer.status, label).toBe(200);
  expect(answer.headers['content-type'], label).toContain('text/html');
  expect(answer.text, label).toBe(INDEX);
  expect(answer.headers['cache-control'], label).toBe('no-cache');
  expect(String(answer.headers.vary).toLowerCase(), label).toContain('accept-encoding');
  expect(answer.headers.etag, label).toBeTruthy();
};

/** The REST envelope, or tRPC's error shape for /trpc (the same reason and request id in its data). */
const expectJson = (answer: RawResponse, status: number, reason: string, label: string) => {
  expect(answer.status, label).toBe(status);
  expect(answer.headers['content-type'], label).toContain('application/json');
  const body = JSON.parse(answer.text);
  const data = body.status === 'error' ? body.data : body.error?.data;
  expect(data, label).toMatchObject({ reason, requestId: answer.headers['x-request-id'] });
};

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const LONG_SEGMENT = `/${'a'.repeat(6000)}`;

describe('page navigations', () => {
  const running = useServer({ webRoot });

  it('answers / with index.html to curl --compressed, to any accepted encoding and to a client sending no Accept', async () => {
    const url = running().url;
    for (const encoding of ['deflate, gzip, br, zstd', 'gzip', 'br', 'deflate', 'gzip, deflate', 'zstd', 'identity']) {
      for (const accept of ['*/*', 'text/html', undefined]) {
        const headers = { 'accept-encoding': encoding, ...(accept === undefined ? {} : { accept }) };
        expectIndex(await raw(url, '/', headers), `/ ${encoding} ${accept}`);
      }
    }
    expectIndex(await raw(url, '/', {}), '/ with no headers');
    const compressed = await raw(url, '/', CURL_COMPRESSED);
    expect(compressed.headers['content-encoding']).toBe('br');
  });

  it('answers a client-side route with index.html to */*, to no Accept, and to a browser; HEAD too; 304 on revalidation', async () => {
    const url = running().url;
    for (const path of ['/cancel', '/restaurants/abc/day?date=2030-01-01', '/manage/', '/reservations/timeline', '/api-docs', '/trpcx']) {
      expectIndex(await raw(url, path, CURL_COMPRESSED), `${path} curl --compressed`);
      expectIndex(await raw(url, path, {}), `${path} no headers`);
      expectIndex(await raw(url, path, BROWSER), `${path} browser`);
      expectIndex(await raw(url, path, { accept: 'text/*' }), `${path} text/*`);
    }
    const head = await raw(url, '/cancel', CURL_COMPRESSED, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-type']).toContain('text/html');
    expect(head.text).toBe('');
    const first = await raw(url, '/cancel', CURL_COMPRESSED);
    const again = await raw(url, '/cancel', { ...CURL_COMPRESSED, 'if-none-match': String(first.headers.etag) });
    expect(again.status).toBe(304);
  });

  it('keeps the JSON 404 for the API, for files and /assets, for a client asking for JSON only, and for other methods', async () => {
    const url = running().url;
    for (const path of [
      '/api',
      '/api/nope',
      '/api/nope.html',
      '/trpc',
      '/trpc/nope',
      '/assets',
      '/assets/',
      '/assets/nested/page',
      '/assets/missing-Zz99Yy88.js',
      '/favicon.ico',
      '/restaurants/abc/photo.png',
    ]) {
      for (const headers of [CURL_COMPRESSED, BROWSER, {}] as Record<string, string>[])
        expectJson(await raw(url, path, headers), 404, 'NOT_FOUND', `${path} ${headers.accept}`);
    }
    for (const accept of ['application/json', 'application/json, text/html;q=0', 'image/avif,image/webp']) {
      expectJson(await raw(url, '/cancel', { accept }), 404, 'NOT_FOUND', `/cancel ${accept}`);
    }
    for (const method of ['POST', 'DELETE']) expectJson(await raw(url, '/cancel', BROWSER, method), 404, 'NOT_FOUND', `${method} /cancel`);
  });

  it('answers an unreadable address with an HTML 400 page to a navigation, in its language, with no request id in the page', async () => {
    const url = running().url;
    for (const [path, headers, language] of [
      ['/%E0%A4%A', { ...BROWSER, 'accept-language': 'es-CO,es;q=0.9,en;q=0.8' }, 'es'],
      ['/restaurants/%E0%A4%A/day', { ...BROWSER, 'accept-language': 'en-US,en;q=0.9' }, 'en'],
      ['/%E0%A4%A', { ...CURL_COMPRESSED }, 'en'],
      ['/%E0%A4%A', { 'accept-language': 'fr-FR, es;q=0.5, en;q=0.4' }, 'es'],
      ['/%E0%A4%A', { 'accept-language': 'en;q=0.2, es;q=0.9' }, 'es'],
      ['/%E0%A4%A', { 'accept-language': 'de' }, 'en'],
      [LONG_SEGMENT, BROWSER, 'en'],
    ] as const) {
      const label = `${path.slice(0, 30)} ${JSON.stringify(headers)}`;
      const page = await raw(url, path, headers);
      expect(page.status, label).toBe(400);
      expect(page.headers['content-type'], label).toBe('text/html; charset=utf-8');
      expect(page.text, label).toContain(`<html lang="${language}">`);
      expect(page.text, label).toContain(language === 'es' ? 'Esta dirección no es válida' : 'This address is not valid');
      expect(page.text, label).toContain('<a href="/">');
      expect(page.text, label).not.toMatch(UUID);
      expect(page.text, label).not.toMatch(/INVALID_INPUT|malformed|"status"/);
      expect(page.headers['x-request-id'], label).toMatch(UUID);
      // No hook ran (Fastify answers these itself): the page brings its own policy, which allows no script.
      expect(page.headers['content-security-policy'], label).toMatch(/^default-src 'none';style-src 'sha256-[\w+/=]+';/);
      expect(page.headers['content-security-policy'], label).toContain("frame-ancestors 'none'");
      expect(page.headers['x-content-type-options'], label).toBe('nosniff');
      expect(page.headers['cache-control'], label).toBe('no-store');
      expect(page.text, label).not.toContain('<script');
    }
    const head = await raw(url, '/%E0%A4%A', BROWSER, 'HEAD');
    expect(head.status).toBe(400);
    expect(head.text).toBe('');
  });

  it('keeps the JSON envelope, 400 INVALID_INPUT, for an unreadable API path or a client asking for JSON', async () => {
    const url = running().url;
    for (const [path, headers] of [
      ['/api/restaurants/%E0%A4%A', BROWSER],
      ['/trpc/%E0%A4%A', CURL_COMPRESSED],
      ['/assets/%E0%A4%A.js', BROWSER],
      ['/%E0%A4%A', { accept: 'application/json' }],
      [`/api/restaurants${LONG_SEGMENT}`, BROWSER],
    ] as const) {
      expectJson(await raw(url, path, headers), 400, 'INVALID_INPUT', `${path.slice(0, 40)} ${headers.accept}`);
    }
    expectJson(await raw(url, '/%E0%A4%A', BROWSER, 'POST'), 400, 'INVALID_INPUT', 'POST /%E0%A4%A');
  });
});

describe('a server without the web app', () => {
  const running = useServer();

  it('answers page paths and unreadable addresses in JSON: there is no page to show', async () => {
    const url = running().url;
    expectJson(await raw(url, '/cancel', BROWSER), 404, 'NOT_FOUND', '/cancel');
    expectJson(await raw(url, '/', CURL_COMPRESSED), 404, 'NOT_FOUND', '/');
    expectJson(await raw(url, '/%E0%A4%A', BROWSER), 400, 'INVALID_INPUT', '/%E0%A4%A');
  });
});
