// WORKERS=N: the primary migrates once, forks N server processes sharing the port (Node's cluster
// module) with V8's heap settings on their command line, restarts one that dies, aggregates their
// metrics for /metrics, and on SIGTERM passes the signal on and exits when every worker has finished.
import cluster, { type Worker } from 'node:cluster';
import { AggregatorRegistry } from 'prom-client';
import { createDb, migrate } from '@tablebook/db';
import type { Settings } from './config.ts';
import { HEAP_FLAGS, HEAP_FLAGS_VARIABLE, heapSettings, workerExecArgv } from './heap-settings.ts';
import { METRICS_REQUEST, METRICS_RESPONSE } from './metrics.ts';
import { outboxNotices } from './outbox/start.ts';
import { MIGRATED_BY_PRIMARY } from './server-process.ts';

const log = (level: number, msg: string, fields: Record<string, unknown> = {}) =>
  console.log(JSON.stringify({ level, time: Date.now(), pid: process.pid, role: 'primary', msg, ...fields }));

/** More crashes than this within a minute: something is wrong with every start; stop trying. */
const MAX_CRASHES_PER_MINUTE = 10;

export async function runClusterPrimary(settings: Settings): Promise<void> {
  const database = createDb(settings.DATABASE_URL, {
    connectionTimeoutMillis: settings.DATABASE_CONNECT_TIMEOUT_MS,
    ...(settings.DIRECT_DATABASE_URL ? { directUrl: settings.DIRECT_DATABASE_URL } : {}),
  });
  await migrate(database);
  await database.close();

  const aggregator = new AggregatorRegistry();
  let shuttingDown = false;
  const crashes: number[] = [];
  let exitCode = 0;

  // The heap flags go on each worker's command line (in force from its first allocation, and shown by
  // ps), marked as this server's so the worker does not take them for an operator's; an operator's
  // own flags (command line, NODE_OPTIONS) reach the workers as they are, and none are added.
  cluster.setupPrimary({ execArgv: workerExecArgv() });
  const heapFlagsMark = heapSettings()?.by === 'operator' ? {} : { [HEAP_FLAGS_VARIABLE]: HEAP_FLAGS.join(' ') };
  const fork = (): Worker => cluster.fork({ [MIGRATED_BY_PRIMARY]: '1', ...heapFlagsMark });

  // A worker may be gone by the time the answer is ready: sending to it then would emit an 'error'
  // on the Worker, which must not take the primary down.
  const answer = (worker: Worker, reply: object) => {
    if (worker.isConnected()) worker.send(reply, () => undefined);
  };
  cluster.on('message', (worker, message: { type?: string; id?: string }) => {
    if (message?.type !== METRICS_REQUEST) return;
    aggregator
      .clusterMetrics()
      .then((body) => answer(worker, { type: METRICS_RESPONSE, id: message.id, body }))
      .catch((error: unknown) =>
        answer(worker, { type: METRICS_RESPONSE, id: message.id, error: error instanceof Error ? error.message : String(error) }),
      );
  });

  /** Node removes a worker from cluster.workers after the later of 'exit' and 'disconnect'. */
  const exitWhenAllStopped = () => {
    if (!shuttingDown || Object.keys(cluster.workers ?? {}).length > 0) return;
    log(30, 'every worker has stopped', { exitCode });
    process.exit(exitCode);
  };
  cluster.on('disconnect', () => setImmediate(exitWhenAllStopped));
  cluster.on('exit', (worker, code, signal) => {
    if (shuttingDown) {
      // A worker still starting when SIGTERM came dies of the signal itself: that is a clean stop too.
      if (code !== 0 && signal !== 'SIGTERM') exitCode = 1;
      setImmediate(exitWhenAllStopped);
      return;
    }
    const now = Date.now();
    crashes.push(now);
    while (crashes.length > 0 && crashes[0]! < now - 60_000) crashes.shift();
    if (crashes.length > MAX_CRASHES_PER_MINUTE) {
      log(60, 'workers keep dying; giving up', { crashesInLastMinute: crashes.length });
      shuttingDown = true;
      exitCode = 1;
      for (const other of Object.values(cluster.workers ?? {})) other?.process.kill('SIGTERM');
      setImmediate(exitWhenAllStopped);
      return;
    }
    log(50, 'a worker died; starting another', { worker: worker.id, code, signal });
    fork();
  });

  const shutdown = (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    log(30, 'shutting down: asking every worker to finish', { signal });
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  log(30, `starting ${settings.WORKERS} workers on port ${settings.PORT}`, { workers: settings.WORKERS, v8Heap: heapSettings() });
  // Said once here, not by each worker.
  for (const notice of outboxNotices(settings)) log(40, notice);
  for (let index = 0; index < settings.WORKERS; index += 1) fork();
}
