// V8's heap settings (src/heap-settings.ts): whose flags count as the operator's, and, on real server
// processes as they are started (`node …/main.js`, WORKERS=2, an operator's NODE_OPTIONS), which flags
// each process runs with and how they got there.
import { createTestDatabase, spawnServer, type SpawnedServer, type TestDatabase } from '@tablebook/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { HEAP_FLAGS, HEAP_FLAGS_VARIABLE, operatorHeapFlags } from '../src/heap-settings.ts';

describe('operatorHeapFlags', () => {
  it("finds heap flags on node's command line and in NODE_OPTIONS, in either spelling, and nothing else", () => {
    expect(operatorHeapFlags(['--import', 'tsx', '--enable-source-maps'], { NODE_OPTIONS: '--conditions=x --trace-warnings' })).toEqual([]);
    expect(operatorHeapFlags(['--max_semi_space_size=8'], { NODE_OPTIONS: ' --max-old-space-size=512  ' })).toEqual([
      '--max_semi_space_size=8',
      '--max-old-space-size=512',
    ]);
  });

  it('does not take the flags this server added itself (a worker, a replaced process) for the operator’s', () => {
    const env = { [HEAP_FLAGS_VARIABLE]: HEAP_FLAGS.join(' ') };
    expect(operatorHeapFlags([...HEAP_FLAGS, '--import', 'tsx'], env)).toEqual([]);
    expect(operatorHeapFlags([...HEAP_FLAGS, '--max-old-space-size=300'], env)).toEqual(['--max-old-space-size=300']);
  });
});

const postgresUrl = inject('postgresUrl');

interface LogLine {
  msg?: string;
  worker?: number;
  role?: string;
  v8Heap?: { by: string; how: string; flags: string[] };
}
const logLines = (server: SpawnedServer): LogLine[] =>
  server
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogLine);
const listening = (server: SpawnedServer) => logLines(server).filter((line) => line.msg?.startsWith('Tablebook listening'));

describe.skipIf(!postgresUrl)('heap settings of real server processes', () => {
  let database: TestDatabase;
  const servers: SpawnedServer[] = [];
  const spawn = async (env: Record<string, string>) => {
    const server = await spawnServer({
      RATE_LIMIT: 'off',
      ADMIN_TOKEN: 'heap-settings-test-token',
      DATABASE_URL: database.url,
      LOG_LEVEL: 'info',
      NODE_OPTIONS: '',
      ...env,
    });
    servers.push(server);
    return server;
  };
  beforeAll(async () => {
    database = await createTestDatabase(postgresUrl);
  });
  afterAll(async () => {
    for (const server of servers) await server.stop();
    await database?.drop();
  });

  it('a process started as `node main.js`, without heap flags, sets this server’s on itself', async () => {
    const server = await spawn({});
    expect(listening(server)[0]?.v8Heap).toEqual({ by: 'tablebook', how: 'at run time', flags: HEAP_FLAGS });
  });

  it('WORKERS=2: each worker has the flags on its command line', { timeout: 120_000 }, async () => {
    const server = await spawn({ WORKERS: '2' });
    const deadline = Date.now() + 60_000;
    while (listening(server).length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    const workers = listening(server);
    expect(workers.map((line) => line.worker).sort()).toEqual([1, 2]);
    for (const worker of workers) expect(worker.v8Heap).toEqual({ by: 'tablebook', how: 'command line', flags: HEAP_FLAGS });
    expect(logLines(server).find((line) => line.role === 'primary' && line.v8Heap)?.v8Heap?.by).toBe('tablebook');
  });

  it('an operator’s own heap flag in NODE_OPTIONS replaces them', async () => {
    const server = await spawn({ NODE_OPTIONS: '--max-old-space-size=300' });
    expect(listening(server)[0]?.v8Heap).toEqual({ by: 'operator', how: 'command line', flags: ['--max-old-space-size=300'] });
  });
});
