/**
 * The files of a page that loads lazily, fetched with the HTML when the address is that page's: a
 * link to a restaurant's day page (or a host page) opened directly would otherwise wait for the app's
 * code to run before asking for the page's own, a round trip later (562.5 ms on Fast 3G).
 * vite-plugins/earlyStart.ts writes the table, route pattern -> built files, at build time.
 */
export type RouteFiles = Record<string, readonly string[]>;

/** A route pattern of app/paths.ts ("/restaurants/:restaurantId/day") against a path: `:name` takes one non-empty segment. */
export function matchesRoute(pattern: string, pathname: string): boolean {
  const want = pattern.split('/');
  const have = pathname.replace(/\/+$/, '').split('/');
  if (pattern === '/') return pathname === '/';
  return (
    want.length === have.length && want.every((segment, index) => (segment.startsWith(':') ? have[index] !== '' : segment === have[index]))
  );
}

/** The files of the first route that matches the path, or none. */
export function filesFor(routes: RouteFiles, pathname: string): readonly string[] {
  const pattern = Object.keys(routes).find((candidate) => matchesRoute(candidate, pathname));
  return pattern === undefined ? [] : (routes[pattern] ?? []);
}

/**
 * Asks for the files as the app will (the same CORS mode as Vite's own preloads, so the later request
 * is answered from what this one fetched): scripts as module preloads, style sheets as preloads,
 * applied when the page's code adds them.
 */
export function preloadFiles(files: readonly string[]): void {
  for (const file of files) {
    const link = document.createElement('link');
    if (file.endsWith('.css')) {
      link.rel = 'preload';
      link.as = 'style';
    } else {
      link.rel = 'modulepreload';
    }
    link.crossOrigin = '';
    link.href = file;
    document.head.append(link);
  }
}
