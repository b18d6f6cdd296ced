import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { createTestDatabase, serverEntryArguments } from '@tablebook/testing';
import { redactQueryDetails, serializeErrorForLog } from '../src/log-redaction.ts';
import { expectErrorEnvelope, expectSuccessEnvelope, request, restaurantBody, useServer } from './helpers.ts';
import { fetchValidated } from './support/openapi-validator.ts';

const limited = useServer({
  adminTokens: ['limits-token'],
  rateLimits: { guestBooking: 3, failedAdminAuth: 2, public: 8 },
  corsOrigins: ['https://allowed.example'],
});
const call = (method: string, path: string, options?: Parameters<typeof request>[3]) => request(limited().url, method, path, options);

describe('rate limits per client address', () => {
  it('limits guest bookings, failed admin authentications and other public calls with 429 and Retry-After', async () => {
    const admin = { authorization: 'Bearer limits-token' };
    const restaurant = expectSuccessEnvelope(await call('POST', '/api/admin/restaurant', { json: restaurantBody(), headers: admin }), 201);
    // A valid token is never limited.
    for (let index = 0; index < 12; index += 1) expect((await call('GET', '/api/admin/restaurant', { headers: admin })).status).toBe(200);

    const statuses: number[] = [];
    for (let index = 0; index < 5; index += 1) {
      const booking = await call('POST', `/api/restaurants/${restaurant.id}/reservations`, {
        json: { table: `A${index}`, date: '2037-01-01', guestName: 'Flood', guestPhone: '+57 300 000 0000' },
      });
      statuses.push(booking.status);
      if (booking.status === 429) {
        expectErrorEnvelope(booking, 429, 'RATE_LIMITED');
        expect(Number(booking.headers.get('retry-after'))).toBeGreaterThan(0);
      }
    }
    expect(statuses.slice(0, 3).every((status) => status === 201 || status === 400)).toBe(true);
    expect(statuses.slice(3)).toEqual([429, 429]);

    const failures = [];
    for (let index = 0; index < 4; index += 1)
      failures.push((await call('GET', '/api/admin/restaurant', { headers: { authorization: 'Bearer nope' } })).status);
    expect(failures).toEqual([401, 401, 429, 429]);

    const publicStatuses = [];
    for (let index = 0; index < 10; index += 1) publicStatuses.push((await call('GET', '/api/cities?search=Bog')).status);
    expect(publicStatuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(2);
    const trpc = await fetch(`${limited().url}/trpc/city.list`);
    expect(trpc.status).toBe(429);
    expect(trpc.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});

describe('headers and bodies', () => {
  it('sends security headers, a CSP, and CORS only for the configured origins', async () => {
    const response = await fetchValidated(`${limited().url}/api/health`, { headers: { origin: 'https://allowed.example' } });
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('access-control-allow-origin')).toBe('https://allowed.example');
    const stranger = await fetchValidated(`${limited().url}/api/health`, { headers: { origin: 'https://evil.example' } });
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses bodies over 64 KiB with 413 in the envelope', async () => {
    const response = await call('POST', '/api/admin/restaurant', {
      json: { ...restaurantBody(), description: 'x'.repeat(65 * 1024) },
      headers: { authorization: 'Bearer limits-token' },
    });
    expectErrorEnvelope(response, 413, 'PAYLOAD_TOO_LARGE');
  });
});

describe('logs', () => {
  it('never carry guest contact details from a failed query', () => {
    const error = new Error(
      'Failed query: insert into "reservations" ("guest_phone") values ($1)\nparams: +57 300 123 4567,ana@example.com',
    );
    (error as Error & { detail?: string }).detail = 'Failing row contains (1, +57 300 123 4567, ana@example.com).';
    const serialized = JSON.stringify(serializeErrorForLog(error));
    expect(serialized).not.toContain('300 123 4567');
    expect(serialized).not.toContain('ana@example.com');
    expect(serialized).toContain('insert into');
    expect(redactQueryDetails('write to bob.smith+x@mail.example.co now')).toBe('write to [email] now');
    // Names and notes may hold newlines: everything after "params:" goes.
    const multiline = redactQueryDetails('Failed query: update "reservations"\nparams: id,A0,2099-01-01,Ana\nGómez,+57 300 123 4567');
    expect(multiline).not.toContain('300 123 4567');
    expect(multiline).toContain('params: [redacted]');
  });
});

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * Runs the real server entry point and collects what it prints until it exits, prints `until`, or `ms`
 * pass. The start (tsx, PGlite in memory, every migration) took 15-18 s on a busy two-core machine.
 */
function startServerProcess(env: Record<string, string>, until?: RegExp, ms = 60_000): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, serverEntryArguments(), {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: 'memory://', PORT: '0', LOG_LEVEL: 'warn', ADMIN_TOKEN: '', NODE_ENV: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (until?.test(output)) child.kill('SIGTERM');
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => child.kill('SIGTERM'), ms);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

// Each test starts the server up to twice, each start waited for up to 60 s.
describe('start-up without ADMIN_TOKEN', { timeout: 150_000 }, () => {
  it('refuses off loopback and in production with a one-line reason', async () => {
    const exposed = await startServerProcess({ HOST: '0.0.0.0' });
    expect(exposed.code).toBe(1);
    expect(exposed.output.trim().split('\n')).toHaveLength(1);
    expect(exposed.output).toMatch(/Refusing to start: ADMIN_TOKEN is not set and HOST=0\.0\.0\.0/);
    const production = await startServerProcess({ HOST: '127.0.0.1', NODE_ENV: 'production' });
    expect(production.code).toBe(1);
    expect(production.output).toMatch(/Refusing to start: ADMIN_TOKEN is not set and NODE_ENV=production/);
  });

  it('starts on loopback, saying loudly that the administration is open; with a token it starts anywhere', async () => {
    const open = await startServerProcess({ HOST: '127.0.0.1' }, /ADMINISTRATION IS OPEN/);
    expect(open.output).toContain('ADMINISTRATION IS OPEN');
    // As production runs it: on PostgreSQL (a fresh database of the run's server, when there is one),
    // which also spares a second PGlite's initdb and migrations (about 4 s of CPU); the open start
    // above stays on the embedded database, as `npm start` on a laptop.
    const postgresUrl = inject('postgresUrl');
    const database = postgresUrl ? await createTestDatabase(postgresUrl) : undefined;
    const guarded = await startServerProcess(
      {
        HOST: '0.0.0.0',
        ADMIN_TOKEN: 'secret-one, secret-two',
        NODE_ENV: 'production',
        LOG_LEVEL: 'info',
        ...(database ? { DATABASE_URL: database.url } : {}),
      },
      /Tablebook listening/,
    ).finally(() => database?.drop());
    expect(guarded.output).toContain('Tablebook listening');
    expect(guarded.output).not.toContain('ADMINISTRATION IS OPEN');
  });
});

describe('behind a load balancer (TRUST_PROXY)', () => {
  const proxied = useServer({ trustProxy: true, rateLimits: { guestBooking: 10, failedAdminAuth: 20, public: 2 } });

  it("keys the limits by the client's forwarded address", async () => {
    const from = (address: string) => ({ 'x-forwarded-for': address });
    const first = [];
    for (let index = 0; index < 3; index += 1)
      first.push((await request(proxied().url, 'GET', '/api/cities?search=Cali', { headers: from('203.0.113.7') })).status);
    expect(first).toEqual([200, 200, 429]);
    // Another client behind the same balancer has its own budget.
    expect((await request(proxied().url, 'GET', '/api/cities?search=Cali', { headers: from('198.51.100.23') })).status).toBe(200);
  });
});
