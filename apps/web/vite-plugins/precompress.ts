import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** Text the browser gets compressed; images other than SVG and fonts are compressed already. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|xml|webmanifest)$/i;

export interface CompressedFile {
  /** Relative to the directory, with forward slashes. */
  path: string;
  bytes: number;
  /** Absent when that encoding would not be smaller than the file itself (the server then sends the file). */
  br?: number;
  gzip?: number;
}

async function filesUnder(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/**
 * Writes `<file>.br` (quality 11) and `<file>.gz` (level 9) beside every compressible file of a
 * directory, for the server to send as they are (@fastify/static's preCompressed). Done once at
 * build time, the slowest, smallest settings cost nothing per request.
 */
export async function precompressDirectory(directory: string): Promise<CompressedFile[]> {
  const files = (await filesUnder(directory)).filter((file) => COMPRESSIBLE.test(file));
  return Promise.all(
    files.map(async (file) => {
      const content = await readFile(file);
      const [br, gz] = await Promise.all([
        brotli(content, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
          },
        }),
        gzipped(content, { level: constants.Z_BEST_COMPRESSION }),
      ]);
      const result: CompressedFile = { path: relative(directory, file).split('\\').join('/'), bytes: content.length };
      if (br.length < content.length) {
        await writeFile(`${file}.br`, br);
        result.br = br.length;
      }
      if (gz.length < content.length) {
        await writeFile(`${file}.gz`, gz);
        result.gzip = gz.length;
      }
      return result;
    }),
  );
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(2)} kB`;

/** The Vite plugin: once the build has written its output (the public files included), compress it. */
export function precompress(): Plugin {
  return {
    name: 'tablebook-precompress',
    apply: 'build',
    async writeBundle(output) {
      if (!output.dir) return;
      const compressed = await precompressDirectory(output.dir);
      const scripts = compressed.filter((file) => file.path.endsWith('.js'));
      const total = (pick: (file: CompressedFile) => number | undefined) =>
        scripts.reduce((sum, file) => sum + (pick(file) ?? file.bytes), 0);
      this.info(
        `precompressed ${compressed.length} files; all JavaScript: ${kB(total((file) => file.bytes))}, brotli ${kB(total((file) => file.br))}, gzip ${kB(total((file) => file.gzip))}`,
      );
    },
  };
}
