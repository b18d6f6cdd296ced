// The request log and the stream gauge of the real server process (its log is what it prints).
import { openSse, useSpawnedServer } from '@tablebook/testing';
import { describe, expect, it } from 'vitest';

const TOKEN = 'request-log-token';
const admin = { authorization: `Bearer ${TOKEN}` };
const server = useSpawnedServer({ LOG_LEVEL: 'info', ADMIN_TOKEN: TOKEN });

interface LogLine {
  msg?: string;
  url?: string;
  statusCode?: number;
  durationMs?: number;
  procedure?: string;
  reqId?: string;
}

const logLines = (): LogLine[] =>
  server()
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogLine);

/** Waits until the log holds a line matching `match` (the process writes it asynchronously). */
async function logLine(match: (line: LogLine) => boolean, timeoutMs = 5000): Promise<LogLine> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = logLines().find(match);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no such log line in:\n${server().output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const openStreamsGauge = async () => {
  const text = await (await fetch(`${server().url}/metrics`, { headers: admin })).text();
  const sample = text.split('\n').find((line) => line.startsWith('tablebook_open_streams '));
  return Number(sample?.split(' ')[1]);
};

describe('the request log', () => {
  it('names the path as the client sent it, /api prefix and query included', async () => {
    const response = await fetch(`${server().url}/api/cities?search=Cali`, { headers: { 'x-request-id': 'log-url-check' } });
    expect(response.status).toBe(200);
    const line = await logLine((entry) => entry.reqId === 'log-url-check' && entry.msg === 'request completed');
    expect(line).toMatchObject({ url: '/api/cities?search=Cali', statusCode: 200 });
  });

  it("keeps a cancel link's token out of the log (it cancels a booking by itself)", async () => {
    const secret = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde';
    const response = await fetch(`${server().url}/cancel?token=${secret}&lang=en`, { headers: { 'x-request-id': 'log-token-check' } });
    await response.arrayBuffer();
    const line = await logLine((entry) => entry.reqId === 'log-token-check' && entry.msg === 'request completed');
    expect(line.url).toBe('/cancel?token=[redacted]&lang=en');
    expect(server().output()).not.toContain(secret);
  });

  it('logs and counts live streams (tRPC and REST) when they open and when they close', async () => {
    const created = await fetch(`${server().url}/api/admin/restaurant`, {
      method: 'POST',
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Log Stream',
        address: 'Calle 1 # 2-3',
        description: 'Streams',
        photoUrl: 'https://example.com/a.jpg',
        cityId: 1,
      }),
    });
    expect(created.status).toBe(201);
    const restaurantId = ((await created.json()) as { data: { id: string } }).data.id;
    expect(await openStreamsGauge()).toBe(0);

    const input = encodeURIComponent(JSON.stringify({ restaurantId, date: '2039-09-09' }));
    const trpc = await openSse(`${server().url}/trpc/guest.onChange?input=${input}`, { 'x-request-id': 'log-trpc-stream' });
    const rest = await openSse(`${server().url}/api/restaurants/${restaurantId}/events`, { 'x-request-id': 'log-rest-stream' });
    expect([trpc.status, rest.status]).toEqual([200, 200]);
    expect(await openStreamsGauge()).toBe(2);
    const opened = await logLine((entry) => entry.reqId === 'log-trpc-stream' && entry.msg === 'live stream opened');
    expect(opened).toMatchObject({ url: `/trpc/guest.onChange?input=${input}` });

    await new Promise((resolve) => setTimeout(resolve, 100));
    trpc.close();
    rest.close();
    const closed = await logLine((entry) => entry.reqId === 'log-trpc-stream' && entry.msg === 'live stream closed');
    expect(closed).toMatchObject({ url: `/trpc/guest.onChange?input=${input}`, statusCode: 200 });
    expect(closed.durationMs).toBeGreaterThanOrEqual(100);
    const restClosed = await logLine((entry) => entry.reqId === 'log-rest-stream' && entry.msg === 'live stream closed');
    expect(restClosed).toMatchObject({ url: `/api/restaurants/${restaurantId}/events`, statusCode: 200, procedure: 'guest.onChange' });
    const deadline = Date.now() + 5000;
    while ((await openStreamsGauge()) !== 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await openStreamsGauge()).toBe(0);
    // A stream is long by design: never a "slow request".
    expect(logLines().filter((entry) => entry.msg === 'slow request' && /events|onChange/.test(entry.url ?? ''))).toEqual([]);
  });
});
