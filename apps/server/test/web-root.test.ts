import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectErrorEnvelope, request, useServer } from './helpers.ts';

const webRoot = mkdtempSync(join(tmpdir(), 'tablebook-web-'));
mkdirSync(join(webRoot, 'assets'));
writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Tablebook</title><div id="root"></div>');
writeFileSync(join(webRoot, 'assets', 'app.js'), 'console.log("app")');

const running = useServer({ webRoot });
const html = { accept: 'text/html,application/xhtml+xml' };

describe('serving the built web app beside the API', () => {
  it('serves index.html at / and for client-side routes, and the assets', async () => {
    const home = await request(running().url, 'GET', '/', { headers: html });
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toContain('text/html');
    expect(home.text).toContain('<title>Tablebook</title>');
    const deepLink = await request(running().url, 'GET', '/restaurants/abc/day?date=2030-01-01', { headers: html });
    expect(deepLink.status).toBe(200);
    expect(deepLink.text).toContain('id="root"');
    const asset = await request(running().url, 'GET', '/assets/app.js');
    expect(asset.status).toBe(200);
    expect(asset.text).toContain('console.log');
  });

  it('keeps API and missing-file answers as JSON errors', async () => {
    expectErrorEnvelope(await request(running().url, 'GET', '/api/nope', { headers: html }), 404, 'NOT_FOUND');
    expectErrorEnvelope(await request(running().url, 'GET', '/assets/missing.js'), 404, 'NOT_FOUND');
    expect((await request(running().url, 'GET', '/api/health')).status).toBe(200);
  });
});
