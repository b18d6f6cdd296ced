import { createDb } from '@tablebook/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type TablebookServer } from '../src/app.ts';
import { expectErrorEnvelope, expectSuccessEnvelope, request } from './helpers.ts';

describe('when the database cannot be reached', () => {
  // Nothing listens on port 1: every query fails to connect.
  const database = createDb('postgres://postgres@127.0.0.1:1/tablebook', { connectionTimeoutMillis: 1000 });
  let server: TablebookServer;
  let url: string;
  beforeAll(async () => {
    server = createServer({
      database,
      settings: { timeZone: 'America/Bogota' },
      logLevel: 'silent',
      port: 0,
    });
    url = await server.start();
  });
  afterAll(async () => {
    await server.stop();
    await database.close();
  });

  it('answers 503 SERVICE_UNAVAILABLE quickly instead of hanging or a 500', async () => {
    const started = Date.now();
    expectErrorEnvelope(await request(url, 'GET', '/api/admin/restaurant'), 503, 'SERVICE_UNAVAILABLE');
    expectErrorEnvelope(
      await request(url, 'POST', '/api/admin/restaurant/3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b/reservations', {
        json: { table: 'A0', date: '2035-01-01' },
      }),
      503,
      'SERVICE_UNAVAILABLE',
    );
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('answers a live stream with 503 too', async () => {
    const response = await request(url, 'GET', '/api/restaurants/3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b/events');
    expectErrorEnvelope(response, 503, 'SERVICE_UNAVAILABLE');
  });

  it('still answers health with 200, reporting the database down', async () => {
    expect(expectSuccessEnvelope(await request(url, 'GET', '/api/health'))).toEqual({
      status: 'ok',
      database: 'down',
      adminOpen: true,
      timeZone: 'America/Bogota',
    });
  });
});
