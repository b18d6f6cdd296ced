import { DEFAULT_TABLE_LABELS } from '@tablebook/api';
import { createDb, migrate, type DatabaseHandle } from '@tablebook/db';
import { migratedPgliteImage } from '@tablebook/testing';
import { afterAll, beforeAll, expect } from 'vitest';
import { createServer, type ServerOptions, type TablebookServer } from '../src/app.ts';
import { validateResponse } from './support/openapi-validator.ts';

export interface RunningServer {
  url: string;
  server: TablebookServer;
  database: DatabaseHandle;
}

/**
 * A real Fastify server on a free port over a migrated database, for one test file: in-memory PGlite
 * unless `databaseUrl` says otherwise, started from the run's migrated image (tooling/testing's
 * pglite-image.ts), then migrated (nothing left to do).
 */
export function useServer(options: Partial<Omit<ServerOptions, 'database'>> & { databaseUrl?: string } = {}): () => RunningServer {
  let running: RunningServer | undefined;
  beforeAll(async () => {
    const image = await migratedPgliteImage();
    const database = createDb(options.databaseUrl ?? 'memory://', image ? { pgliteImage: image } : {});
    await migrate(database);
    const server = createServer({
      settings: { timeZone: 'America/Bogota' },
      logLevel: 'silent',
      ...options,
      database,
      port: 0,
    });
    const url = await server.start();
    running = { url, server, database };
  });
  afterAll(async () => {
    await running?.server.stop();
    await running?.database.close();
  });
  return () => {
    if (!running) throw new Error('server not started');
    return running;
  };
}

export interface JsonResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export async function request<T = any>(
  base: string,
  method: string,
  path: string,
  options: { json?: unknown; body?: string; headers?: Record<string, string> } = {},
): Promise<JsonResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  let body: string | undefined = options.body;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${base}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await response.text();
  // Every REST answer (/api/...) must be one the OpenAPI document describes.
  validateResponse(method, `${base}${path}`, response.status, response.headers, text);
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, body: parsed as T, text };
}

/** The seed's error envelope, with the request id matching the header and nothing internal leaked. */
export function expectErrorEnvelope(response: JsonResponse, status: number, reason: string) {
  expect(response.status, response.text).toBe(status);
  expect(response.body).toMatchObject({ status: 'error', message: expect.any(String), data: { reason } });
  expect(response.body.message.length).toBeGreaterThan(0);
  expect(response.body.data.requestId).toBe(response.headers.get('x-request-id'));
  expect(response.text).not.toMatch(/"stack"|node_modules|\.ts:\d|\(\/[^)]*:\d+:\d+\)|SELECT |INSERT /);
}

export function expectSuccessEnvelope(response: JsonResponse, status = 200) {
  expect(response.status, response.text).toBe(status);
  expect(response.body).toMatchObject({ status: 'success', message: expect.any(String) });
  expect(response.body).toHaveProperty('data');
  return response.body.data;
}

export const restaurantBody = (overrides: Record<string, unknown> = {}) => ({
  name: 'La Cevichería',
  address: 'Calle 39 # 3-56',
  description: 'Ceviches y cocteles',
  photoUrl: 'https://example.com/ceviche.jpg',
  cityId: 1,
  ...overrides,
});

export const DEFAULT_TABLES = DEFAULT_TABLE_LABELS;
