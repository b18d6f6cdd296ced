import './provided.ts';
export { canConnect, createTestDatabase } from './postgres.ts';
export type { TestDatabase } from './postgres.ts';
export { freePort, startThrowawayCluster } from './cluster.ts';
export type { ThrowawayCluster } from './cluster.ts';
export { spawnServer } from './spawn-server.ts';
export { openSse } from './sse.ts';
export type { ServerSentEvent, SseConnection } from './sse.ts';
export type { SpawnedServer } from './spawn-server.ts';
