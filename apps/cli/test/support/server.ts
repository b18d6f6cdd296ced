import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { useSpawnedServer, type SpawnedServer } from '@tablebook/testing';

/** The admin token the test servers accept; with it, calls are also exempt from rate limits. */
export const ADMIN_TOKEN = 'cli-tests-admin-token';

/** The real server as its own process, its administration behind ADMIN_TOKEN. */
export const useTablebookServer = (): (() => SpawnedServer) => useSpawnedServer({ ADMIN_TOKEN });

/** A day `days` from now (UTC): today or later wherever the server's "today" is. */
export const dayFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A real loopback HTTP server that answers every request the same way (a gateway refusing access). */
export async function startAnsweringServer(
  answer: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(answer);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
