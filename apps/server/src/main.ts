import cluster from 'node:cluster';
import { applyHeapSettings } from './heap-settings.ts';
import { ConfigError, loadSettings, openAdministrationProblem, workersProblem } from './config.ts';
import { runClusterPrimary } from './cluster.ts';
import { runServerProcess } from './server-process.ts';

// V8's heap settings first: this process sets them on itself (a cluster worker finds them on its
// command line), unless the operator gave heap flags of their own (heap-settings.ts).
applyHeapSettings();

async function main() {
  const settings = loadSettings();
  const refusal = openAdministrationProblem(settings) ?? workersProblem(settings);
  if (refusal) throw new ConfigError(refusal);
  if (settings.WORKERS > 1 && cluster.isPrimary) await runClusterPrimary(settings);
  else await runServerProcess(settings);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('Tablebook failed to start:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
