// Issue 16, "today is the device's day": the web app's Find page searches today in the server's zone,
// which only the server knows (APP_TIMEZONE). GET /api/health names it, as its OpenAPI document says;
// the real process reads it from the environment.
import { useSpawnedServer } from '@tablebook/testing';
import { describe, expect, it } from 'vitest';
import { useServer } from './helpers.ts';
import { fetchValidated } from './support/openapi-validator.ts';

const healthOf = async (url: string) => {
  const response = await fetchValidated(`${url}/api/health`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { data: Record<string, unknown> }).data;
};

describe('GET /api/health names the configured zone', () => {
  const running = useServer({ settings: { timeZone: 'Pacific/Kiritimati' } });

  it("answers the server's zone with the rest of its health", async () => {
    expect(await healthOf(running().url)).toEqual({ status: 'ok', database: 'up', adminOpen: true, timeZone: 'Pacific/Kiritimati' });
  });

  it('documents the zone in the OpenAPI document', async () => {
    const document = (await (await fetch(`${running().url}/api/openapi.json`)).json()) as { paths: Record<string, any> };
    const health = document.paths['/health'].get;
    const data = health.responses['200'].content['application/json'].schema.properties.data;
    expect(data.required).toContain('timeZone');
    expect(data.properties.timeZone).toMatchObject({ type: 'string' });
    expect(health.description).toContain('APP_TIMEZONE');
  });
});

describe('the server process', () => {
  // On a fresh database of the run's PostgreSQL (PGlite without one): the zone is the environment's
  // either way, and a PGlite's start in its own process is about 4 s of CPU.
  const server = useSpawnedServer({ APP_TIMEZONE: 'Asia/Tokyo', RATE_LIMIT: 'off' });

  it('takes the zone from APP_TIMEZONE', async () => {
    expect(await healthOf(server().url)).toMatchObject({ status: 'ok', timeZone: 'Asia/Tokyo' });
  });
});
