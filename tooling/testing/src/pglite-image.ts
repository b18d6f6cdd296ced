import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import './provided.ts';

/**
 * One migrated in-memory PGlite per test run, as an image (PGlite's dumpDataDir tarball) that every
 * test's in-memory database starts from. A new PGlite runs initdb inside WebAssembly, then the
 * migrations: about 3.3 s of CPU each, against 0.9 s to load the image (measured on the two-core
 * machine), and the suites open dozens. The image is built once per vitest run from this checkout's
 * migrations by the migrate() a server runs, so the tests start from what a fresh database gets; they
 * still call migrate(), which then finds nothing to do. Migrating an empty database stays proven by
 * packages/db/test/migrate.test.ts, which starts from nothing.
 */

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const failureOf = (path: string) => `${path}.failed`;

/**
 * vitest's global setup: builds the image in a process of its own (WebAssembly in vitest's main process
 * would hold up the workers' module loading meanwhile) without waiting for it, and returns where it will
 * be with a cleanup that deletes it. `builder` is a script that writes the image to the path it is given
 * (writePgliteImage).
 */
export function startPgliteImage(builder: string): { path: string; remove(): Promise<void> } {
  const folder = mkdtempSync(join(tmpdir(), 'tablebook-pglite-image-'));
  const path = join(folder, 'migrated.tar');
  const child = spawn(process.execPath, ['--import', 'tsx', builder, path], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => (errors += text));
  const exited = once(child, 'exit').then(([code]) => {
    if (code !== 0 && !existsSync(failureOf(path))) writeFileSync(failureOf(path), `${builder} exited with ${code}:\n${errors}`);
  });
  return {
    path,
    // After the build, even in a run too short to need it: nothing is written into a deleted folder.
    remove: () => exited.then(() => rmSync(folder, { recursive: true, force: true })),
  };
}

/** The builder script's end: the image written under another name, then renamed, so a reader never sees half a file. */
export async function writePgliteImage(path: string, build: () => Promise<Blob>): Promise<void> {
  try {
    const image = await build();
    writeFileSync(`${path}.partial`, Buffer.from(await image.arrayBuffer()));
    renameSync(`${path}.partial`, path);
  } catch (error) {
    writeFileSync(failureOf(path), error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  }
}

let loaded: Promise<Blob | undefined> | undefined;

/**
 * This run's migrated PGlite image, for createDb('memory://', { pgliteImage }); undefined when the run
 * has none (vitest started without the setup that builds it). Waits while it is being built; a failed
 * build throws with its error.
 */
export function migratedPgliteImage(): Promise<Blob | undefined> {
  loaded ??= (async () => {
    const path = inject('pgliteImagePath');
    if (!path) return undefined;
    const deadline = Date.now() + 120_000;
    while (!existsSync(path)) {
      if (existsSync(failureOf(path)))
        throw new Error(`the migrated PGlite image could not be built:\n${readFileSync(failureOf(path), 'utf8')}`);
      if (Date.now() > deadline) throw new Error(`the migrated PGlite image did not appear at ${path} within 120 s`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return new Blob([readFileSync(path)]);
  })();
  return loaded;
}
