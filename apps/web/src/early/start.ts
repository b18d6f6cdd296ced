/**
 * index.html's inline script (vite-plugins/earlyStart.ts builds this file into it): runs as soon as
 * the HTML arrives, before any of the app's code, and starts what the page at this address will ask
 * for first: its API calls (the Find page's) and, for a page that loads lazily, its code. It must
 * never stop the page: whatever goes wrong here, the app asks for itself.
 */
import { startEarlyCalls } from '../api/earlyCalls.ts';
import { firstCallsAt } from './firstCalls.ts';
import { filesFor, preloadFiles, type RouteFiles } from './routeFiles.ts';

/** Written by the build: each lazy page's route pattern and the files its code needs. */
declare const __TABLEBOOK_ROUTE_FILES__: RouteFiles;

// Each on its own: what was not started here, the page asks for when it renders, as without this script.
try {
  startEarlyCalls(firstCallsAt(window.location));
} catch {}
try {
  preloadFiles(filesFor(__TABLEBOOK_ROUTE_FILES__, window.location.pathname));
} catch {}
