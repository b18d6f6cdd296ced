// Build of the published package: dist/index.js is one ESM bundle of the client and the little it takes
// from the workspace at run time (the reservation statuses), with its npm dependencies (@trpc/*) left
// to the installer; the .d.ts files come from tsc (tsconfig.build.json, declarations only).
import { build } from 'esbuild';

const bundleWorkspaceOnly = {
  name: 'bundle-workspace-only',
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@tablebook/') ? undefined : { path: args.path, external: true },
    );
  },
};

await build({
  entryPoints: ['src/index.ts'],
  outfile: 'dist/index.js',
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
