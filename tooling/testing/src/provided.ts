import type {} from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of a real PostgreSQL server, or '' when none could be found or started. */
    postgresUrl: string;
    /**
     * Where this run's migrated PGlite image is being written (pglite-image.ts), or '' when the run
     * builds none: then every in-memory database starts empty and migrates itself.
     */
    pgliteImagePath: string;
  }
}
