/**
 * Review D9: the web app rebuilt under a running server. The build writes new hashed assets and a new
 * index.html that names them; the server read index.html fresh but answered the new assets 404 until
 * a restart (its routes were the files present at start-up), so every page loaded unstyled and dead.
 * Here a copy of the real build (apps/web/dist) is served and "rebuilt" after start: files written
 * then are sent like the others (variant, type, caching, 304), a missing one stays a 404, no URL
 * reaches outside the root, and the files present at start-up cost no more disk than before.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { webFileOf } from '../src/plugins/web-late-files.ts';
import { useServer } from './helpers.ts';

const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));
const IMMUTABLE = 'public, max-age=31536000, immutable';
const CHROMIUM_ACCEPTS = 'gzip, deflate, br, zstd';

/** The /assets/ files an index.html names (scripts, module preloads, style sheets). */
const assetsNamedBy = (html: string) => [
  ...new Set([...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1] ?? '')),
];

/**
 * A private copy of the real build: other work rebuilds apps/web/dist, and a copy taken mid-build
 * (index.html naming files not written yet) is taken again.
 */
function copyOfTheBuild(): string {
  if (!existsSync(join(WEB_DIST, 'index.html'))) {
    throw new Error(`The web app is not built (${WEB_DIST}/index.html is missing): run \`pnpm --filter @tablebook/web build\` first.`);
  }
  const outside = mkdtempSync(join(tmpdir(), 'tablebook-web-rebuild-'));
  const root = join(outside, 'dist');
  for (let attempt = 0; attempt < 20; attempt += 1) {
    rmSync(root, { recursive: true, force: true });
    cpSync(WEB_DIST, root, { recursive: true });
    const html = existsSync(join(root, 'index.html')) ? readFileSync(join(root, 'index.html'), 'utf8') : '';
    const named = assetsNamedBy(html);
    if (named.length > 0 && named.every((path) => existsSync(join(root, path)))) return root;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
  }
  throw new Error(`No complete build in ${WEB_DIST} (is a build running?)`);
}

const root = copyOfTheBuild();
const outside = join(root, '..');
afterAll(() => rmSync(outside, { recursive: true, force: true }));

/** A file and the variants the build writes beside it (apps/web/vite-plugins/precompress.ts). */
function writeWithVariants(path: string, content: string | Buffer) {
  writeFileSync(join(root, path), content);
  writeFileSync(join(root, `${path}.br`), brotliCompressSync(content));
  writeFileSync(join(root, `${path}.gz`), gzipSync(content));
}

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** One request with exactly these headers, the path sent as written (no normalisation of `..`). */
function raw(base: string, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const sent = httpRequest(`${base}/`, { method, headers, path }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    sent.on('error', reject);
    sent.end();
  });
}

const decoded = (response: RawResponse) =>
  response.headers['content-encoding'] === 'br'
    ? brotliDecompressSync(response.body).toString()
    : response.headers['content-encoding'] === 'gzip'
      ? gunzipSync(response.body).toString()
      : response.body.toString();

const expectNotFoundJson = (response: RawResponse, path: string) => {
  expect(response.status, path).toBe(404);
  expect(response.headers['content-type'], path).toContain('application/json');
  expect(JSON.parse(response.body.toString()), path).toMatchObject({ status: 'error', data: { reason: 'NOT_FOUND' } });
  expect(response.headers['cache-control'], path).toBeUndefined();
};

/**
 * The paths @fastify/send stats under the root while `during` runs: the disk cost of a request (each
 * file it sends is stat-ed once, then read). The real fs functions run; this only counts their calls.
 */
async function statsUnderRoot(during: () => Promise<unknown>): Promise<string[]> {
  const fs = createRequire(import.meta.url)('node:fs') as typeof import('node:fs');
  const realStat = fs.stat;
  const seen: string[] = [];
  fs.stat = ((path: Parameters<typeof realStat>[0], ...rest: unknown[]) => {
    if (String(path).startsWith(root)) seen.push(String(path).slice(root.length));
    return (realStat as (...args: unknown[]) => unknown)(path, ...rest);
  }) as typeof realStat;
  try {
    await during();
  } finally {
    fs.stat = realStat;
  }
  return seen;
}

describe('a rebuild of the web app under a running server', () => {
  const running = useServer({ webRoot: root });

  it('serves the assets of an index.html written after start-up, each as brotli, gzip or as it is, cached as immutable, with 304s', async () => {
    const url = running().url;
    const before = readFileSync(join(root, 'index.html'), 'utf8');
    const oldAssets = assetsNamedBy(before);
    expect(oldAssets.some((path) => path.endsWith('.css'))).toBe(true);
    // The rebuild: every asset of the page under a new hash (their content is the real build's), the
    // old files deleted as the build's emptyOutDir does, index.html naming the new ones.
    let after = before;
    for (const [index, path] of oldAssets.entries()) {
      const renamed = path.replace(/-[\w-]{8}\.(\w+)$/, `-Late${String(index).padStart(4, '0')}.$1`);
      expect(renamed, path).not.toBe(path);
      writeWithVariants(renamed.slice(1), readFileSync(join(root, path)));
      for (const suffix of ['', '.br', '.gz']) rmSync(join(root, `${path}${suffix}`), { force: true });
      after = after.replaceAll(path, renamed);
    }
    writeWithVariants('index.html', after);

    const page = await raw(url, '/', { accept: 'text/html', 'accept-encoding': CHROMIUM_ACCEPTS });
    expect(page.status).toBe(200);
    const newAssets = assetsNamedBy(decoded(page));
    expect(newAssets.length).toBe(oldAssets.length);
    expect(newAssets.every((path) => path.includes('-Late'))).toBe(true);
    for (const path of newAssets) {
      const type = path.endsWith('.css') ? /^text\/css/ : /^(text|application)\/javascript/;
      const content = readFileSync(join(root, path), 'utf8');
      for (const [accepts, encoding] of [
        [CHROMIUM_ACCEPTS, 'br'],
        ['gzip, deflate', 'gzip'],
        ['identity', undefined],
      ] as const) {
        const asset = await raw(url, path, { 'accept-encoding': accepts });
        expect(asset.status, `${path} ${accepts}`).toBe(200);
        expect(asset.headers['content-type'], path).toMatch(type);
        expect(asset.headers['content-encoding'], `${path} ${accepts}`).toBe(encoding);
        expect(decoded(asset), path).toBe(content);
        expect(asset.headers['cache-control'], path).toBe(IMMUTABLE);
        expect(String(asset.headers.vary).toLowerCase(), path).toContain('accept-encoding');
        const again = await raw(url, path, { 'accept-encoding': accepts, 'if-none-match': String(asset.headers.etag) });
        expect(again.status, path).toBe(304);
        expect(again.body.length, path).toBe(0);
      }
      const head = await raw(url, path, { 'accept-encoding': 'br' }, 'HEAD');
      expect(head.status, path).toBe(200);
      expect(head.headers['cache-control'], path).toBe(IMMUTABLE);
      expect(head.body.length, path).toBe(0);
    }
    // The deleted ones are gone, with a 404 (their start-up routes find no file), never a 500.
    for (const path of oldAssets) expectNotFoundJson(await raw(url, path, { 'accept-encoding': CHROMIUM_ACCEPTS }), path);
  });

  it('serves a top-level file written after start-up (a public/ copy), revalidated', async () => {
    writeFileSync(join(root, 'robots.txt'), 'User-agent: *\nAllow: /\n');
    const file = await raw(running().url, '/robots.txt');
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toMatch(/^text\/plain/);
    expect(decoded(file)).toBe('User-agent: *\nAllow: /\n');
    expect(file.headers['cache-control']).toBe('no-cache');
  });

  it('answers a missing asset 404 JSON, also to a browser, never index.html; a variant is no URL of its own', async () => {
    const url = running().url;
    writeWithVariants('assets/variant-Ab12Cd34.js', 'console.log("variant")');
    for (const path of [
      '/assets/missing-Zz99Yy88.js',
      '/assets/missing-Zz99Yy88.css',
      '/missing.txt',
      '/assets/variant-Ab12Cd34.js.br',
      '/assets/variant-Ab12Cd34.js.gz',
    ]) {
      for (const accept of ['text/html,application/xhtml+xml', '*/*']) {
        expectNotFoundJson(await raw(url, path, { accept, 'accept-encoding': CHROMIUM_ACCEPTS }), `${path} ${accept}`);
      }
    }
  });

  it('sends nothing from outside the root, and no dotfile', async () => {
    const url = running().url;
    writeFileSync(join(outside, 'secret.txt'), 'outside the web root');
    writeFileSync(join(root, '.env'), 'SECRET=inside the root, but a dotfile');
    writeFileSync(join(root, 'assets', '.hidden.js'), 'SECRET');
    for (const path of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/assets/..%5c..%5csecret.txt',
      '/assets/%2e%2e/index.html',
      '/.env',
      '/assets/.hidden.js',
      '/assets/x.js%00.txt',
    ]) {
      const answer = await raw(url, path, { 'accept-encoding': CHROMIUM_ACCEPTS });
      expect(answer.status, path).toBeGreaterThanOrEqual(400);
      expect(answer.status, path).toBeLessThan(500);
      expect(decoded(answer), path).not.toContain('SECRET');
      expect(decoded(answer), path).not.toContain('outside the web root');
      expect(answer.headers['content-type'], path).toContain('application/json');
    }
  });

  it('costs a file of the start-up build one stat, as before; an unknown API path or a page none; a missing file one per encoding', async () => {
    const url = running().url;
    const known = readdirSync(join(root, 'assets')).find((name) => /^vendor-[\w-]{8}\.js$/.test(name));
    expect(known, 'the build has a vendor chunk').toBeDefined();
    expect(await statsUnderRoot(() => raw(url, `/assets/${known}`, { 'accept-encoding': 'br' }))).toEqual([`/assets/${known}.br`]);
    expect(await statsUnderRoot(() => raw(url, '/api/nope'))).toEqual([]);
    expect(await statsUnderRoot(() => raw(url, '/trpc/nope'))).toEqual([]);
    // A page: index.html alone (as before; its CSP hashes are read from it too, by readFile).
    expect(await statsUnderRoot(() => raw(url, '/cancel', { accept: 'text/html', 'accept-encoding': 'br' }))).toEqual(['/index.html.br']);
    const missing = await statsUnderRoot(() => raw(url, '/assets/missing-Zz99Yy88.js', { 'accept-encoding': 'br, gzip' }));
    expect(missing.length).toBeGreaterThan(0);
    expect(missing.length).toBeLessThanOrEqual(4);
    expect(new Set(missing)).toEqual(
      new Set(['/assets/missing-Zz99Yy88.js.br', '/assets/missing-Zz99Yy88.js.gz', '/assets/missing-Zz99Yy88.js']),
    );
  });
});

describe('the file a URL may name in the web root', () => {
  it('decodes like @fastify/static and names no dot segment, dotfile, variant or extensionless path', () => {
    expect(webFileOf('/assets/index-Ab12Cd34.js?v=1')).toBe('/assets/index-Ab12Cd34.js');
    expect(webFileOf('/assets/caf%C3%A9-Ab12Cd34.css')).toBe('/assets/café-Ab12Cd34.css');
    expect(webFileOf('/assets/a%2Fb.js')).toBe('/assets/a%2Fb.js');
    for (const url of [
      '/assets/%2e%2e/x.js',
      '/../x.js',
      '/.env',
      '/assets/.x.js',
      '/a%5cb.js',
      '/x%00.js',
      '/assets/x.js.br',
      '/assets/x.js.gz',
      '/assets/',
      '/cancel',
      '/%E0%A4%A.js',
    ]) {
      expect(webFileOf(url), url).toBeUndefined();
    }
  });
});
