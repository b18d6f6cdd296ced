// Between two load runs: autocannon closes its sockets when a run's time is up, but the server goes on
// with the requests it had already taken (a slow scenario at 64 connections leaves seconds of work),
// and the next run, of either server, would share the CPU and the database with that leftover. So
// each run starts only once the database runs no statement of the bench's and the server answers its
// health check at once, a few times in a row.
import pg from 'pg';

const POLL_MS = 50;
const QUIET_POLLS = 3;
const QUICK_HEALTH_MS = 50;
const MAX_WAIT_MS = 60_000;

export interface Settler {
  settle(serverUrl: string): Promise<void>;
  close(): Promise<void>;
}

export async function openSettler(databaseUrl: string): Promise<Settler> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const busyStatements = async () => {
    const { rows } = await client.query<{ n: number }>(
      `select count(*)::int as n from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and state is not null and state <> 'idle'`,
    );
    return rows[0]?.n ?? 0;
  };
  const healthIsQuick = async (serverUrl: string) => {
    const started = performance.now();
    const response = await fetch(`${serverUrl}/api/health`).catch(() => undefined);
    await response?.arrayBuffer();
    return response?.ok === true && performance.now() - started < QUICK_HEALTH_MS;
  };
  return {
    async settle(serverUrl) {
      const deadline = Date.now() + MAX_WAIT_MS;
      let quiet = 0;
      while (quiet < QUIET_POLLS && Date.now() < deadline) {
        quiet = (await busyStatements()) === 0 && (await healthIsQuick(serverUrl)) ? quiet + 1 : 0;
        if (quiet < QUIET_POLLS) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    },
    close: () => client.end(),
  };
}
