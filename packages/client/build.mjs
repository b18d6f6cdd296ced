// Build of the published package, after tsc has emitted the declarations (package.json's build script):
// - dist/index.js: one ESM bundle of the client and the little it takes from the workspace at run time
//   (the statuses), with its npm dependencies left to the installer;
// - dist/index.d.ts: one declaration file, the client's with what it uses of the workspace's
//   declarations inlined (the router's types are already written out in full: src/router-types.ts),
//   so that it imports nothing but the package's own dependencies.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { rollup } from 'rollup';
import { dts } from 'rollup-plugin-dts';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const manifest = JSON.parse(readFileSync(here('package.json'), 'utf8'));
const dependencies = Object.keys(manifest.dependencies ?? {});
/** A module of a dependency (`@trpc/server/observable` is @trpc/server's). */
const isDependency = (specifier) => dependencies.some((name) => specifier === name || specifier.startsWith(`${name}/`));

const declarations = here('node_modules/.cache/declarations/');
/** The workspace modules the client's types come from, as tsconfig.workspace-types.json emitted them. */
const workspaceDeclarations = {
  '@tablebook/api/shared': `${declarations}workspace/api/src/shared.d.ts`,
  '@tablebook/db/statuses': `${declarations}workspace/db/src/statuses.d.ts`,
};

rmSync(here('dist'), { recursive: true, force: true });

const bundleWorkspaceOnly = {
  name: 'bundle-workspace-only',
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@tablebook/') ? undefined : { path: args.path, external: true },
    );
  },
};

await build({
  entryPoints: [here('src/index.ts')],
  outfile: here('dist/index.js'),
  bundle: true,
  // Browsers and Node alike: no Node built-ins.
  platform: 'neutral',
  format: 'esm',
  target: 'es2022',
  sourcemap: true,
  legalComments: 'none',
  plugins: [bundleWorkspaceOnly],
  logLevel: 'warning',
});

/**
 * Points the client's imports of workspace modules at their emitted declarations, and relative imports,
 * which tsc's declarations write as `./errors.ts`, at the `.d.ts` beside. Other workspace modules are
 * reached only by declarations that tree-shaking drops (the api's context); the check below fails the
 * build if one is left.
 */
const workspaceDeclarationsPlugin = {
  name: 'workspace-declarations',
  resolveId(specifier, importer) {
    if (Object.hasOwn(workspaceDeclarations, specifier)) return workspaceDeclarations[specifier];
    if (specifier.startsWith('.') && specifier.endsWith('.ts') && importer) {
      return fileURLToPath(new URL(specifier.replace(/\.ts$/, '.d.ts'), pathToFileURL(importer)));
    }
    return null;
  },
};

const bundle = await rollup({
  input: `${declarations}client/index.d.ts`,
  plugins: [workspaceDeclarationsPlugin, dts()],
  // Packages stay imports; the declarations tree-shaking leaves out are never read by an installer.
  external: (specifier) => !specifier.startsWith('.') && !specifier.startsWith('/') && !Object.hasOwn(workspaceDeclarations, specifier),
});
const { output } = await bundle.generate({ format: 'es' });
const [chunk, ...others] = output;
await bundle.close();
if (chunk?.type !== 'chunk' || others.length > 0) throw new Error('the declarations did not bundle into one file');

// What an installer must have to read the types: the package's dependencies, nothing of the workspace
// nor a server-side library (drizzle, pg, zod), no Node types (a browser project has none).
const imported = [
  ...chunk.code.matchAll(/\bfrom\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)|<reference\s+types=['"]([^'"]+)['"]/g),
].map((match) => match[1] ?? match[2] ?? match[3]);
const lacking = [...new Set(imported)].filter((specifier) => !isDependency(specifier));
if (lacking.length > 0) throw new Error(`dist/index.d.ts would need what an installer lacks: ${lacking.join(', ')}`);
writeFileSync(here('dist/index.d.ts'), chunk.code);
