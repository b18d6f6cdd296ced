import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './vite-plugins/precompress.ts';

/** Where `pnpm dev` sends API calls: the Tablebook server started with `npm run dev` or `npm start`. */
const API_ORIGIN = 'http://127.0.0.1:5000';

export default defineConfig({
  // precompress: .br and .gz beside each file, for the server to send without compressing per request.
  plugins: [react(), precompress()],
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
      output: {
        // Libraries change less often than the app: separate files stay cached across releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            { name: 'data', test: /node_modules[\\/](@tanstack|@trpc|zod|eventsource|eventsource-parser)[\\/]/ },
          ],
        },
      },
    },
  },
});
