import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin, type Rollup } from 'vite';

/** The inline script's source: it starts the page's first API calls and a lazy page's code. */
const EARLY_ENTRY = fileURLToPath(new URL('../src/early/start.ts', import.meta.url));

export interface EarlyStartOptions {
  /**
   * The pages that load lazily (app/router.tsx): route pattern -> the page's module, relative to the
   * app's root. Opened directly, such a page's files are asked for by the inline script.
   */
  lazyRoutes: Record<string, string>;
}

type OutputBundle = Rollup.OutputBundle;
type OutputChunk = Rollup.OutputChunk;

const chunksOf = (bundle: OutputBundle) => Object.values(bundle).filter((file): file is OutputChunk => file.type === 'chunk');

/** A chunk and every chunk it imports statically, by file name. */
function staticClosure(bundle: OutputBundle, start: OutputChunk): Set<string> {
  const seen = new Set<string>();
  const visit = (fileName: string) => {
    if (seen.has(fileName)) return;
    seen.add(fileName);
    const chunk = bundle[fileName];
    if (chunk?.type === 'chunk') for (const imported of chunk.imports) visit(imported);
  };
  visit(start.fileName);
  return seen;
}

/**
 * Each lazy route's files beyond what index.html already loads: its chunk, the chunks it imports, and
 * their style sheets. The build fails when a listed page is no longer a lazy chunk of its own.
 */
function routeFiles(bundle: OutputBundle, root: string, base: string, lazyRoutes: Record<string, string>): Record<string, string[]> {
  const chunks = chunksOf(bundle);
  const entry = chunks.find((chunk) => chunk.isEntry);
  if (!entry) throw new Error('earlyStart: the build has no entry chunk');
  const firstLoad = staticClosure(bundle, entry);
  const files: Record<string, string[]> = {};
  for (const [pattern, module] of Object.entries(lazyRoutes)) {
    const id = resolve(root, module);
    const page = chunks.find((chunk) => chunk.isDynamicEntry && chunk.facadeModuleId === id);
    if (!page) throw new Error(`earlyStart: ${module} (${pattern}) is not a lazily loaded chunk; is it still lazy in app/router.tsx?`);
    const needed = [...staticClosure(bundle, page)].filter((fileName) => !firstLoad.has(fileName));
    const styles = needed.flatMap((fileName) => {
      const chunk = bundle[fileName];
      return chunk?.type === 'chunk' ? [...(chunk.viteMetadata?.importedCss ?? [])] : [];
    });
    files[pattern] = [...needed, ...new Set(styles)].map((fileName) => `${base}${fileName}`);
  }
  return files;
}

/**
 * The early script as one classic script: the functions the pages themselves use, and nothing they
 * merely import beside them. Every module but the entry is taken as free of import side effects, which
 * holds for the pure helpers it reaches (filters, days, paths); React and the schemas their files also
 * import drop out.
 */
async function buildEarlyScript(root: string, files: Record<string, string[]>): Promise<string> {
  const output = await build({
    configFile: false,
    root,
    logLevel: 'silent',
    publicDir: false,
    define: { __TABLEBOOK_ROUTE_FILES__: JSON.stringify(files) },
    build: {
      write: false,
      copyPublicDir: false,
      emptyOutDir: false,
      minify: true,
      lib: { entry: EARLY_ENTRY, formats: ['iife'], name: 'tablebookEarlyStart' },
      rolldownOptions: { treeshake: { moduleSideEffects: false } },
    },
  });
  const results = Array.isArray(output) ? output : [output];
  const chunk = results.flatMap((result) => ('output' in result ? result.output : [])).find((file) => file.type === 'chunk');
  if (chunk?.type !== 'chunk') throw new Error('earlyStart: the early script produced no code');
  const code = chunk.code.trim();
  // Inside <script>, only these could end or confuse the element.
  if (/<\/script|<!--/i.test(code)) throw new Error('earlyStart: the early script contains </script or <!--');
  return code;
}

/**
 * Puts the early script into index.html as its first script, before the app's module script and
 * preloads, so that its fetch is the first request after the HTML. The server allows it by its hash in
 * index.html's Content-Security-Policy (apps/server/src/plugins/web-headers.ts); in `vite dev` there
 * is no such script, the app asks for itself.
 */
export function earlyStart(options: EarlyStartOptions): Plugin {
  let root = process.cwd();
  let base = '/';
  return {
    name: 'tablebook-early-start',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      root = config.root;
      base = config.base;
    },
    async generateBundle(_options, bundle) {
      const page = bundle['index.html'];
      if (page?.type !== 'asset') return;
      const html = typeof page.source === 'string' ? page.source : new TextDecoder().decode(page.source);
      const firstScript = html.indexOf('<script');
      if (firstScript < 0) throw new Error('earlyStart: index.html has no script to go before');
      const code = await buildEarlyScript(root, routeFiles(bundle, root, base, options.lazyRoutes));
      page.source = `${html.slice(0, firstScript)}<script>${code}</script>\n    ${html.slice(firstScript)}`;
      this.info(`inlined the early script into index.html (${code.length} bytes)`);
    },
  };
}
