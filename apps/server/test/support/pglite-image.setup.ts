// vitest's global setup (vitest.config.ts): this run's migrated PGlite image for every suite's in-memory
// databases, built in the background by build-pglite-image.ts (tooling/testing/src/pglite-image.ts says why).
import { fileURLToPath } from 'node:url';
import { startPgliteImage } from '@tablebook/testing';
import type { TestProject } from 'vitest/node';

export default function setup(project: TestProject) {
  const image = startPgliteImage(fileURLToPath(new URL('./build-pglite-image.ts', import.meta.url)));
  project.provide('pgliteImagePath', image.path);
  return () => image.remove();
}
