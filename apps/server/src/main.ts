import cluster from 'node:cluster';
import { ConfigError, loadSettings, openAdministrationProblem, workersProblem } from './config.ts';
import { runClusterPrimary } from './cluster.ts';
import { runServerProcess } from './server-process.ts';

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
