import type { TestProject } from 'vitest/node';
import { startThrowawayCluster, type ThrowawayCluster } from './cluster.ts';
import { canConnect } from './postgres.ts';
import './provided.ts';

const LOCAL_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';
let cluster: ThrowawayCluster | undefined;

/**
 * Finds a real PostgreSQL for the suites that need one: TEST_DATABASE_URL, else a server at
 * 127.0.0.1:5432, else a throwaway cluster from the installed binaries. With none, those suites are
 * skipped loudly, and under CI=true the run fails.
 */
export default async function setup(project: TestProject) {
  let url = '';
  let source = '';
  const configured = process.env['TEST_DATABASE_URL'];
  if (configured) {
    if (!(await canConnect(configured))) throw new Error(`TEST_DATABASE_URL is set but no server answers at it`);
    url = configured;
    source = 'TEST_DATABASE_URL';
  } else if (await canConnect(LOCAL_SERVER)) {
    url = LOCAL_SERVER;
    source = 'the server at 127.0.0.1:5432';
  } else {
    try {
      cluster = await startThrowawayCluster();
    } catch (error) {
      console.warn(`Could not start a throwaway PostgreSQL cluster: ${error instanceof Error ? error.message : error}`);
    }
    if (cluster) {
      url = cluster.url;
      source = 'a throwaway cluster';
    }
  }
  if (url) {
    console.log(`[tablebook tests] real PostgreSQL: ${source} (${new URL(url).host})`);
  } else if (process.env['CI'] === 'true') {
    throw new Error('No PostgreSQL server found or startable, and CI=true: the PostgreSQL suites must run in CI.');
  } else {
    console.warn(
      [
        '',
        '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
        '!! No PostgreSQL found (TEST_DATABASE_URL, 127.0.0.1:5432, installed binaries).',
        '!! The suites that need a real PostgreSQL are SKIPPED; PGlite suites still run.',
        '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
        '',
      ].join('\n'),
    );
  }
  project.provide('postgresUrl', url);
  return () => {
    cluster?.stop();
  };
}
