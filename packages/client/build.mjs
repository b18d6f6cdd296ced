// Build of the published package, after tsc has emitted the declarations (package.json's build script):
// - dist/index.js: one ESM bundle of the client and the little it takes from the workspace at run time
//   (the statuses), with its npm dependencies left to the installer;
// - dist/index.d.ts: one declaration file, the client's with what it uses of the workspace's
//   declarations inlined (the router's types are already written out in full: src/router-types.ts),
//   so that it imports nothing but the package's own dependencies.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
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

/** The nearest package.json above `file`, with the folder it is in. */
function packageOf(file) {
  for (let folder = dirname(file); folder !== dirname(folder); folder = dirname(folder)) {
    const path = join(folder, 'package.json');
    if (existsSync(path)) return { folder, manifest: JSON.parse(readFileSync(path, 'utf8')) };
  }
  throw new Error(`${file} is in no package`);
}

/**
 * The workspace modules the client's types come from, by the specifier the client imports each by
 * (its package's name and the export that points at it) and the declaration
 * tsconfig.workspace-types.json emitted for it: its `files` are the one list of them.
 */
function readWorkspaceDeclarations() {
  // A tsconfig is JSON with comments; this one's are whole lines.
  const config = JSON.parse(readFileSync(here('tsconfig.workspace-types.json'), 'utf8').replace(/^\s*\/\/.*$/gm, ''));
  const rootDir = here(config.compilerOptions.rootDir);
  const outDir = here(config.compilerOptions.outDir);
  return Object.fromEntries(
    config.files.map((file) => {
      const source = here(file);
      const { folder, manifest: owner } = packageOf(source);
      const exported = Object.entries(owner.exports ?? {}).find(
        ([, target]) => typeof target === 'string' && resolve(folder, target) === source,
      );
      if (!exported) throw new Error(`${file}: no export of ${owner.name} points at it`);
      const specifier = exported[0] === '.' ? owner.name : `${owner.name}${exported[0].slice(1)}`;
      return [specifier, join(outDir, relative(rootDir, source)).replace(/\.ts$/, '.d.ts')];
    }),
  );
}
const workspaceDeclarations = readWorkspaceDeclarations();

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
