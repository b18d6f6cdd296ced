// A real PostgreSQL for the benchmark: BENCH_DATABASE_URL or TEST_DATABASE_URL (a server to create a
// database on), else the one at 127.0.0.1:5432, else a throwaway cluster from the installed binaries.
import pg from 'pg';
import { createDb, migrate } from '@tablebook/db';
import { addDays, loadDataset, type Dataset } from './dataset.ts';
import { canConnect, createTestDatabase, startThrowawayCluster, type TestDatabase, type ThrowawayCluster } from '@tablebook/testing';

const LOCAL_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface BenchDatabase {
  url: string;
  version: string;
  source: string;
  release(): Promise<void>;
}

async function openBenchDatabase(): Promise<BenchDatabase> {
  let adminUrl = process.env['BENCH_DATABASE_URL'] ?? process.env['TEST_DATABASE_URL'];
  let source = adminUrl ? 'the configured server' : '';
  let cluster: ThrowawayCluster | undefined;
  if (!adminUrl && (await canConnect(LOCAL_SERVER))) {
    adminUrl = LOCAL_SERVER;
    source = 'the server at 127.0.0.1:5432';
  }
  if (!adminUrl) {
    const started = await startThrowawayCluster();
    if (!started)
      throw new Error('pnpm bench needs PostgreSQL: set BENCH_DATABASE_URL, run one at 127.0.0.1:5432, or install its binaries');
    cluster = started;
    adminUrl = started.url;
    source = 'a throwaway cluster';
  }
  const database: TestDatabase = await createTestDatabase(adminUrl);
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const { rows } = await client.query<{ server_version: string }>('show server_version');
  await client.end();
  return {
    url: database.url,
    version: rows[0]?.server_version ?? 'unknown',
    source,
    release: async () => {
      await database.drop();
      cluster?.stop();
    },
  };
}

/** A fresh benchmark database, migrated and empty. */
export async function openMigratedBenchDatabase(): Promise<BenchDatabase> {
  const database = await openBenchDatabase();
  try {
    const handle = createDb(database.url);
    await migrate(handle);
    await handle.close();
    return database;
  } catch (error) {
    await database.release();
    throw error;
  }
}

/**
 * Loads the data set (its 90 days start tomorrow). Its rows go straight into the tables, and the
 * reservation trigger judges them by the stored limits as it judges every writer, so limits that allow
 * them must be stored first (a busy day holds 36 bookings at one restaurant; SCENARIO_LIMITS do).
 */
export const loadBenchDataset = (database: BenchDatabase): Promise<Dataset> =>
  loadDataset(database.url, addDays(new Date().toISOString().slice(0, 10), 1));
