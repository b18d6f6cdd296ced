/**
 * The build's precompression (vite-plugins/precompress.ts): `.br` and `.gz` beside every text file of
 * the output, byte for byte the file once decoded, for the server to send as they are (issue 16:
 * "assets compressed (gzip and brotli ... precompressed at build time)").
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { precompressDirectory } from '../vite-plugins/precompress.ts';

describe('precompressing the build output', () => {
  it('writes brotli and gzip variants of the text files, smaller and decoding to the file, and leaves the rest alone', async () => {
    const out = mkdtempSync(join(tmpdir(), 'tablebook-precompress-'));
    mkdirSync(join(out, 'assets', 'nested'), { recursive: true });
    const script = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, index) => `word ${index % 17}`))};`;
    const files: Record<string, string> = {
      'index.html': `<!doctype html><html><head><title>Tablebook</title></head><body>${'<div></div>'.repeat(40)}</body></html>`,
      'assets/index-Ab12Cd34.js': script,
      'assets/index-Ab12Cd34.css': `.card { color: red; }\n`.repeat(50),
      'assets/nested/chunk-Zz99Yy88.js': script,
      'favicon.svg': `<svg xmlns="http://www.w3.org/2000/svg">${'<g></g>'.repeat(30)}</svg>`,
    };
    for (const [path, content] of Object.entries(files)) writeFileSync(join(out, path), content);
    // Already compressed formats, and a text file too small to shrink.
    writeFileSync(join(out, 'assets', 'photo-Ab12Cd34.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]));
    writeFileSync(join(out, 'robots.txt'), 'a');

    const compressed = await precompressDirectory(out);

    for (const [path, content] of Object.entries(files)) {
      const brotli = readFileSync(join(out, `${path}.br`));
      const gzip = readFileSync(join(out, `${path}.gz`));
      expect(brotliDecompressSync(brotli).toString(), path).toBe(content);
      expect(gunzipSync(gzip).toString(), path).toBe(content);
      expect(brotli.length, path).toBeLessThan(content.length);
      expect(compressed.find((file) => file.path === path)).toEqual({ path, bytes: content.length, br: brotli.length, gzip: gzip.length });
    }
    expect(existsSync(join(out, 'assets', 'photo-Ab12Cd34.png.br'))).toBe(false);
    expect(existsSync(join(out, 'robots.txt.br'))).toBe(false);
    expect(existsSync(join(out, 'robots.txt.gz'))).toBe(false);
    expect(compressed.find((file) => file.path === 'robots.txt')).toEqual({ path: 'robots.txt', bytes: 1 });
  });
});
