/**
 * index.html's inline script and the Content-Security-Policy: the web app's build puts one inline
 * script into index.html (it starts the Find page's first API calls while the app's code downloads,
 * apps/web/vite-plugins/earlyStart.ts). `script-src 'self'` would block it, so index.html's policy
 * allows exactly that script by its SHA-256, and nothing else changes: other scripts, other files and
 * the API keep the policy as it was.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { inlineScriptSources, withScriptSources } from '../src/plugins/web-inline-scripts.ts';
import { useServer } from './helpers.ts';

const EARLY = 'globalThis.early=fetch("/trpc/city.list?batch=1&input=%7B%220%22%3A%7B%7D%7D")';
const INDEX = [
  '<!doctype html><html><head><title>Tablebook</title>',
  `<script>${EARLY}</script>`,
  '<script type="module" crossorigin src="/assets/index-Ab12_d-4.js"></script>',
  '</head><body><div id="root"></div></body></html>',
].join('\n');
const hashOf = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

const webRoot = mkdtempSync(join(tmpdir(), 'tablebook-web-csp-'));
mkdirSync(join(webRoot, 'assets'));
for (const [path, content] of [
  ['index.html', INDEX],
  ['assets/index-Ab12_d-4.js', 'console.log("app")'],
] as const) {
  writeFileSync(join(webRoot, path), content);
  writeFileSync(join(webRoot, `${path}.br`), brotliCompressSync(content));
  writeFileSync(join(webRoot, `${path}.gz`), gzipSync(content));
}

/** One request with exactly these headers; the policy of its answer, split into directives. */
function policyOf(
  base: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: IncomingHttpHeaders; directives: string[] }> {
  return new Promise((resolve, reject) => {
    const sent = httpRequest(`${base}${path}`, { headers }, (response) => {
      response.resume();
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          directives: String(response.headers['content-security-policy'] ?? '').split(';'),
        }),
      );
      response.on('error', reject);
    });
    sent.on('error', reject);
    sent.end();
  });
}

const html = { accept: 'text/html,application/xhtml+xml', 'accept-encoding': 'gzip, deflate, br, zstd' };
const scriptSrc = (directives: string[]) => directives.find((directive) => directive.startsWith('script-src'));

describe("index.html's inline script under the Content-Security-Policy", () => {
  const running = useServer({ webRoot });

  it('allows exactly the inline script of index.html by its hash, at /, at deep links and on a revalidation', async () => {
    const url = running().url;
    const api = await policyOf(url, '/api/health');
    expect(scriptSrc(api.directives)).toBe("script-src 'self'");
    for (const path of ['/', '/index.html', '/restaurants/abc/day?date=2030-01-01']) {
      const page = await policyOf(url, path, html);
      expect(page.status, path).toBe(200);
      expect(scriptSrc(page.directives), path).toBe(`script-src 'self' ${hashOf(EARLY)}`);
      // Every other directive as the API has it.
      expect(
        page.directives.filter((directive) => !directive.startsWith('script-src')),
        path,
      ).toEqual(api.directives.filter((directive) => !directive.startsWith('script-src')));
    }
    // A browser that revalidates takes the 304's headers for the cached page: the hash must be there too.
    const first = await policyOf(url, '/', html);
    const again = await policyOf(url, '/', { ...html, 'if-none-match': String(first.headers.etag) });
    expect(again.status).toBe(304);
    expect(scriptSrc(again.directives)).toBe(`script-src 'self' ${hashOf(EARLY)}`);
  });

  it('leaves the policy of the other files as it is', async () => {
    const url = running().url;
    const api = await policyOf(url, '/api/health');
    const asset = await policyOf(url, '/assets/index-Ab12_d-4.js', { 'accept-encoding': 'br' });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-security-policy']).toBe(api.headers['content-security-policy']);
  });
});

describe('inline script hashes', () => {
  it('hashes the text between the tags of each inline script, none with a src or empty', () => {
    const page = `<script>a()</script><script type="module" src="/x.js"></script><script> </script><SCRIPT type="text/javascript">b()\n</SCRIPT >`;
    expect(inlineScriptSources(page)).toEqual([hashOf('a()'), hashOf('b()\n')]);
    expect(inlineScriptSources('<title>no scripts</title>')).toEqual([]);
  });

  it('adds sources to script-src, or to a script-src made from default-src, and leaves an open policy open', () => {
    expect(withScriptSources("default-src 'self';script-src 'self';object-src 'none'", ["'sha256-x'"])).toBe(
      "default-src 'self';script-src 'self' 'sha256-x';object-src 'none'",
    );
    expect(withScriptSources("default-src 'self'; img-src *", ["'sha256-x'"])).toBe(
      "default-src 'self';img-src *;script-src 'self' 'sha256-x'",
    );
    expect(withScriptSources('img-src *', ["'sha256-x'"])).toBe('img-src *');
    expect(withScriptSources("script-src 'self'", [])).toBe("script-src 'self'");
  });
});
