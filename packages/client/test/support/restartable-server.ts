import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort, serverEntryArguments } from '@tablebook/testing';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/** The real server as a process that can be shut down cleanly and started again on the same port (and database). */
export interface RestartableServer {
  url: string;
  /** Starts the process and waits until it answers its health check. */
  start(): Promise<void>;
  /** SIGTERM, as an orchestrator's shutdown: the server drains (its live streams end) and exits. Waits for the exit. */
  stop(): Promise<void>;
  /** Everything the processes printed, for failure messages. */
  output(): string;
}

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

/**
 * `@tablebook/testing`'s spawnServer picks a new free port for every process; a restart that clients
 * must find again needs the same one, so this keeps one port for every start.
 */
export async function restartableServer(env: Record<string, string>, timeoutMs = 30_000): Promise<RestartableServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  let output = '';
  return {
    url,
    output: () => output,
    async start() {
      const started = spawn(process.execPath, serverEntryArguments(), {
        cwd: repoRoot,
        env: { ...process.env, LOG_LEVEL: 'warn', ...env, PORT: String(port), HOST: '127.0.0.1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = started;
      started.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      started.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (exited(started)) throw new Error(`server exited with ${started.exitCode ?? started.signalCode}:\n${output}`);
        const healthy = await fetch(`${url}/api/health`).then(
          (response) => response.ok,
          () => false,
        );
        if (healthy) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      started.kill('SIGKILL');
      throw new Error(`server did not answer within ${timeoutMs} ms:\n${output}`);
    },
    stop() {
      const running = child;
      if (!running || exited(running)) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const killer = setTimeout(() => running.kill('SIGKILL'), 10_000);
        running.once('exit', () => {
          clearTimeout(killer);
          resolve();
        });
        running.kill('SIGTERM');
      });
    },
  };
}
