/**
 * Issue 16, "Fast": the web root's compression and caching over real HTTP. "Assets compressed (gzip
 * and brotli ... precompressed at build time), hashed assets served `Cache-Control: public,
 * max-age=31536000, immutable`, index.html `no-cache`"; the security headers stay what they were.
 * The web root here is written the way the web app's build writes it (apps/web/vite-plugins/precompress.ts).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { useServer } from './helpers.ts';

const INDEX = `<!doctype html><title>Tablebook</title><div id="root"></div>${' '.repeat(200)}`;
const APP_JS = `console.log(${JSON.stringify('app '.repeat(500))});`;
const HASHED = '/assets/index-Ab12_d-4.js';

const webRoot = mkdtempSync(join(tmpdir(), 'tablebook-web-cache-'));
mkdirSync(join(webRoot, 'assets'));
/** A file and the variants the build writes beside it. */
function writeWithVariants(path: string, content: string) {
  writeFileSync(join(webRoot, path), content);
  writeFileSync(join(webRoot, `${path}.br`), brotliCompressSync(content));
  writeFileSync(join(webRoot, `${path}.gz`), gzipSync(content));
}
writeWithVariants('index.html', INDEX);
writeWithVariants(HASHED.slice(1), APP_JS);
// Files the build does not name by their content: public/ copies, and anything without a hash.
writeFileSync(join(webRoot, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
writeFileSync(join(webRoot, 'assets', 'plain.js'), 'console.log("plain")');

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** The bytes as sent, not decoded. */
  body: Buffer;
}

/** One request with exactly these headers (fetch would add its own Accept-Encoding and decode the answer). */
function raw(base: string, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const sent = httpRequest(`${base}${path}`, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    sent.on('error', reject);
    sent.end();
  });
}

const CHROMIUM_ACCEPTS = 'gzip, deflate, br, zstd';
const html = { accept: 'text/html,application/xhtml+xml' };
const varyNames = (response: RawResponse) =>
  String(response.headers.vary ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);

describe('the web root, compressed and cached', () => {
  const running = useServer({ webRoot });

  it('sends a hashed asset as brotli, gzip or as it is, each cached for a year as immutable', async () => {
    const url = running().url;
    const brotli = await raw(url, HASHED, { 'accept-encoding': CHROMIUM_ACCEPTS });
    expect(brotli.status).toBe(200);
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(brotliDecompressSync(brotli.body).toString()).toBe(APP_JS);
    expect(brotli.body.length).toBeLessThan(APP_JS.length / 10);
    expect(Number(brotli.headers['content-length'])).toBe(brotli.body.length);

    const gzip = await raw(url, HASHED, { 'accept-encoding': 'gzip, deflate' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(APP_JS);

    const plain = await raw(url, HASHED, {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(APP_JS);

    for (const variant of [brotli, gzip, plain]) {
      expect(variant.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      // One URL, three bodies: a cache between must key them by Accept-Encoding.
      expect(varyNames(variant)).toContain('accept-encoding');
      expect(variant.headers.etag).toBeTruthy();
    }
    // Each variant has its own validator.
    expect(new Set([brotli, gzip, plain].map((variant) => variant.headers.etag)).size).toBe(3);
  });

  it('sends index.html no-cache, compressed, at /, at /index.html and for client-side routes, and answers 304 to a revalidation', async () => {
    const url = running().url;
    for (const path of ['/', '/index.html', '/restaurants/abc/day?date=2030-01-01', '/reservations/timeline']) {
      const page = await raw(url, path, { ...html, 'accept-encoding': CHROMIUM_ACCEPTS });
      expect(page.status, path).toBe(200);
      expect(page.headers['content-type'], path).toContain('text/html');
      expect(page.headers['content-encoding'], path).toBe('br');
      expect(brotliDecompressSync(page.body).toString(), path).toBe(INDEX);
      expect(page.headers['cache-control'], path).toBe('no-cache');
      expect(varyNames(page), path).toContain('accept-encoding');
    }
    const first = await raw(url, '/', { ...html, 'accept-encoding': 'gzip' });
    expect(first.headers.etag).toBeTruthy();
    const again = await raw(url, '/', { ...html, 'accept-encoding': 'gzip', 'if-none-match': String(first.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('revalidates files not named by their content, and serves no compressed variant as a URL of its own', async () => {
    const url = running().url;
    for (const path of ['/favicon.svg', '/assets/plain.js']) {
      const file = await raw(url, path, {});
      expect(file.status, path).toBe(200);
      expect(file.headers['cache-control'], path).toBe('no-cache');
      expect(varyNames(file), path).toContain('accept-encoding');
    }
    const variant = await raw(url, `${HASHED}.br`, { 'accept-encoding': CHROMIUM_ACCEPTS });
    expect(variant.status).toBe(404);
    expect(JSON.parse(variant.body.toString())).toMatchObject({ status: 'error', data: { reason: 'NOT_FOUND' } });
    const missing = await raw(url, '/assets/missing-Zz99Yy88.js', { 'accept-encoding': CHROMIUM_ACCEPTS });
    expect(missing.status).toBe(404);
    expect(missing.headers['cache-control']).toBeUndefined();
  });

  it('answers HEAD like GET, without a body', async () => {
    const head = await raw(running().url, HASHED, { 'accept-encoding': 'br' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-encoding']).toBe('br');
    expect(head.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(head.body.length).toBe(0);
  });

  it('keeps the security headers on the web root exactly as on the API', async () => {
    const url = running().url;
    const api = await raw(url, '/api/health', { 'accept-encoding': CHROMIUM_ACCEPTS });
    expect(api.headers['cache-control']).toBeUndefined();
    const securityHeaders = [
      'content-security-policy',
      'strict-transport-security',
      'x-content-type-options',
      'x-frame-options',
      'referrer-policy',
      'cross-origin-resource-policy',
      'cross-origin-opener-policy',
    ];
    expect(api.headers['content-security-policy']).toContain("script-src 'self'");
    for (const path of ['/', HASHED, '/restaurants/abc/day']) {
      const answer = await raw(url, path, { ...html, 'accept-encoding': CHROMIUM_ACCEPTS });
      for (const name of securityHeaders) expect(answer.headers[name], `${path} ${name}`).toBe(api.headers[name]);
    }
  });
});

describe('the web root behind CORS', () => {
  const running = useServer({ webRoot, corsOrigins: ['https://partner.example'] });

  it("adds Accept-Encoding to CORS's Vary instead of replacing it", async () => {
    const asset = await raw(running().url, HASHED, { origin: 'https://partner.example', 'accept-encoding': 'br' });
    expect(asset.headers['content-encoding']).toBe('br');
    expect(varyNames(asset)).toEqual(expect.arrayContaining(['origin', 'accept-encoding']));
  });
});
