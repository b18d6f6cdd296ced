// Production build of the server: one ESM bundle (dist/main.js) of the server and the workspace
// packages it runs (TypeScript sources), with every npm dependency left to Node to load from
// node_modules at run time (they ship their own files: PGlite's WebAssembly, Swagger UI's assets).
import { build } from 'esbuild';

const bundleWorkspaceOnly = {
  name: 'bundle-workspace-only',
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('@tablebook/')) return undefined;
      return { path: args.path, external: true };
    });
  },
};

await build({
  entryPoints: ['src/main.ts'],
  outfile: 'dist/main.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  legalComments: 'none',
  plugins: [bundleWorkspaceOnly],
  logLevel: 'warning',
});
