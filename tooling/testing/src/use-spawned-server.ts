import { afterAll, beforeAll, inject } from 'vitest';
import { createTestDatabase, type TestDatabase } from './postgres.ts';
import { spawnServer, type SpawnedServer } from './spawn-server.ts';
import './provided.ts';

/**
 * The real server (apps/server) as its own process on a free port for one test file, over a database
 * of its own: a fresh one on the run's PostgreSQL when there is one (it migrates in about a second),
 * else in-memory PGlite (several seconds). Stopped, and its database dropped, after the file.
 */
export function useSpawnedServer(env: Record<string, string> = {}): () => SpawnedServer {
  let server: SpawnedServer | undefined;
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    const postgresUrl = inject('postgresUrl');
    database = postgresUrl ? await createTestDatabase(postgresUrl) : undefined;
    server = await spawnServer({ DATABASE_URL: database?.url ?? 'memory://', ...env });
  });
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });
  return () => {
    if (!server) throw new Error('the server has not started');
    return server;
  };
}
