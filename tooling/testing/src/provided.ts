import type {} from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of a real PostgreSQL server, or '' when none could be found or started. */
    postgresUrl: string;
  }
}
