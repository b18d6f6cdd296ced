import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { routePatterns } from './src/app/paths.ts';
import { earlyStart } from './vite-plugins/earlyStart.ts';
import { precompress } from './vite-plugins/precompress.ts';

/** Where `pnpm dev` sends API calls: the Tablebook server started with `npm run dev` or `npm start`. */
const API_ORIGIN = 'http://127.0.0.1:5000';

/**
 * The workspace's shared code the browser runs (packages/api's schemas, rules and error catalog, and
 * @tablebook/db/statuses): their modules define values and do nothing else when imported. Said so, the
 * bundler leaves out what no page uses; otherwise importing one constant (MAX_PARTY_SIZE) from a
 * schema file would keep every zod schema of packages/api, and zod with them, in the first load.
 */
const SIDE_EFFECT_FREE = /[\\/]packages[\\/](api|db)[\\/]src[\\/]/;

export default defineConfig({
  // earlyStart: index.html's inline script that starts, with the HTML, the Find page's API calls and
  // the code of a lazy page opened directly (these are app/router.tsx's lazy pages).
  // precompress: .br and .gz beside each file, for the server to send without compressing per request.
  plugins: [
    react(),
    earlyStart({
      lazyRoutes: {
        [routePatterns.day]: 'src/features/day/RestaurantDayPage.tsx',
        [routePatterns.cancel]: 'src/features/cancel/CancelBookingPage.tsx',
        [routePatterns.reservations]: 'src/features/reservations/ReservationsPage.tsx',
        [routePatterns.timeline]: 'src/features/timeline/TimelinePage.tsx',
        [routePatterns.manage]: 'src/features/manage/ManagePage.tsx',
        [routePatterns.settings]: 'src/features/settings/SettingsPage.tsx',
        [routePatterns.messages]: 'src/features/messages/MessagesPage.tsx',
      },
    }),
    precompress(),
  ],
  server: {
    proxy: {
      '/api': API_ORIGIN,
      '/trpc': API_ORIGIN,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      treeshake: { moduleSideEffects: (id) => !SIDE_EFFECT_FREE.test(id) },
      output: {
        // Few files on the first load: a phone on HTTP/1.1 opens six connections, and the first load
        // needs them for the HTML, the early API call, the CSS and the scripts. The libraries change
        // less often than the app, so they stay a file of their own, cached across releases.
        codeSplitting: {
          groups: [
            {
              name: 'vendor',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack|@trpc|eventsource|eventsource-parser)[\\/]/,
              priority: 3,
            },
            // zod and the API's schemas: only the pages with forms (a guest's booking, the host pages)
            // check input before sending it. Their dependencies (the rules) go where they are used.
            {
              name: 'schemas',
              test: /node_modules[\\/]zod[\\/]|packages[\\/]api[\\/]src[\\/]schemas[\\/]/,
              includeDependenciesRecursively: false,
              priority: 2,
            },
            // Everything the app's entry imports statically, in one file, rather than a common chunk for
            // each set of lazy pages that shares a module with it.
            { name: 'app', test: /[\\/]src[\\/]main\.tsx$/, priority: 1 },
          ],
        },
      },
    },
  },
});
