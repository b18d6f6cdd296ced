import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** packages/client: scripts run from here import the package by name, so they get the built dist/. */
export const packageRoot = fileURLToPath(new URL('../..', import.meta.url));
export const distDirectory = `${packageRoot}dist`;

/** Fails with what to do when the tests run before the build (turbo builds before the tests). */
export function assertBuilt(): void {
  if (!existsSync(`${distDirectory}/index.js`) || !existsSync(`${distDirectory}/index.d.ts`)) {
    throw new Error('packages/client/dist is missing: run `pnpm exec turbo run build --filter=@tablebook/client` first');
  }
}

export interface NodeRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `node ...args` in packages/client, as its own process; dist/ must have been built. */
export function runNode(args: readonly string[], env: Record<string, string> = {}): Promise<NodeRun> {
  assertBuilt();
  return new Promise((resolve) => {
    execFile(process.execPath, [...args], { cwd: packageRoot, env: { ...process.env, ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}
