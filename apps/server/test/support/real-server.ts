// A real Fastify server in this process over a fresh, migrated database of the real PostgreSQL, that
// a test can stop itself (a storm stops it to have its backends exit and flush their statistics).
import { createDb, type DatabaseHandle, migrate } from '@tablebook/db';
import { createTestDatabase, type TestDatabase } from '@tablebook/testing';
import { afterAll, beforeAll } from 'vitest';
import { createServer } from '../../src/app.ts';

export interface RealServer {
  url: string;
  database: DatabaseHandle;
  testDatabase: TestDatabase;
  /** Stops the server and closes its pool (every backend it opened exits); again is a no-op. */
  stop(): Promise<void>;
}

/**
 * Creates the database, runs `prepare` on it before any connection of the server's exists (an ALTER
 * DATABASE then applies to all of them), migrates it and starts the server on a free port.
 */
export async function startRealServer(adminUrl: string, prepare?: (testDatabase: TestDatabase) => Promise<void>): Promise<RealServer> {
  const testDatabase = await createTestDatabase(adminUrl);
  await prepare?.(testDatabase);
  const database = createDb(testDatabase.url);
  await migrate(database);
  const server = createServer({ settings: { timeZone: 'America/Bogota' }, logLevel: 'silent', database, port: 0 });
  const url = await server.start();
  let stopped: Promise<void> | undefined;
  return {
    url,
    database,
    testDatabase,
    stop: () => {
      stopped ??= server.stop().finally(() => database.close());
      return stopped;
    },
  };
}

/** One real server for the enclosing describe: started before its tests, stopped and dropped after. */
export function useRealServer(adminUrl: string, prepare?: (testDatabase: TestDatabase) => Promise<void>): () => RealServer {
  let running: RealServer | undefined;
  beforeAll(async () => {
    running = await startRealServer(adminUrl, prepare);
  });
  afterAll(async () => {
    await running?.stop();
    await running?.testDatabase.drop();
  });
  return () => {
    if (!running) throw new Error('the real server was not started');
    return running;
  };
}
