import { readFileSync } from 'node:fs';

/** The tool's version, its package.json's: that file sits beside src/ and dist/ alike, and npm packs it. */
export function cliVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}
