import { openSse as openRawSse } from '@tablebook/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectSuccessEnvelope, request, restaurantBody, useServer } from './helpers.ts';
import { validatedSse } from './support/openapi-validator.ts';

const openSse = async (url: string, headers?: Record<string, string>) => validatedSse(url, await openRawSse(url, headers));

const running = useServer({ adminTokens: ['live-token'], streamsPerClient: 3 });
const admin = { authorization: 'Bearer live-token' };
const call = (method: string, path: string, options?: Parameters<typeof request>[3]) => request(running().url, method, path, options);
let restaurantId: string;
const day = '2039-06-01';

const book = async (table: string, date = day) =>
  expectSuccessEnvelope(
    await call('POST', `/api/admin/restaurant/${restaurantId}/reservations`, {
      json: { table, date, guestName: 'Live Guest', guestPhone: '+57 311 222 3333' },
      headers: admin,
    }),
    201,
  );

beforeAll(async () => {
  restaurantId = expectSuccessEnvelope(
    await call('POST', '/api/admin/restaurant', { json: restaurantBody({ name: 'Live' }), headers: admin }),
    201,
  ).id;
});

describe('live reservation streams (embedded database)', () => {
  it('streams created, moved and cancelled events to the administration, with the capacity after each', async () => {
    const stream = await openSse(`${running().url}/api/admin/restaurant/${restaurantId}/events?date=${day}`, admin);
    expect(stream.status).toBe(200);
    try {
      const booked = await book('A0');
      const created = await stream.next();
      expect(created.event).toBe('reservation');
      const payload = JSON.parse(created.data);
      expect(created.id).toBe(String(payload.id));
      expect(payload).toMatchObject({
        type: 'created',
        reservation: { id: booked.id, table: 'A0' },
        capacity: { date: day, restaurantRemaining: 14, globalRemaining: 19 },
      });

      await call('PATCH', `/api/admin/restaurant/${restaurantId}/reservations/${booked.id}`, {
        json: { date: '2039-06-02' },
        headers: admin,
      });
      const moved = JSON.parse((await stream.next()).data);
      expect(moved).toMatchObject({
        type: 'moved',
        capacity: { date: '2039-06-02', restaurantRemaining: 14 },
        previousCapacity: { date: day, restaurantRemaining: 15 },
      });
      await call('PATCH', `/api/admin/restaurant/${restaurantId}/reservations/${booked.id}`, { json: { date: day }, headers: admin });
      expect(JSON.parse((await stream.next()).data).type).toBe('moved');
      await call('POST', `/api/admin/restaurant/${restaurantId}/reservations/${booked.id}/cancel`, { headers: admin });
      expect(JSON.parse((await stream.next()).data)).toMatchObject({ type: 'cancelled', capacity: { restaurantRemaining: 15 } });
      // Another day's change does not reach a stream filtered by date.
      await book('B0', '2039-07-07');
      await expect(stream.next(300)).rejects.toThrow(/no event/);
    } finally {
      stream.close();
    }
  });

  it('gives guests the capacity and the taken tables, and no personal data', async () => {
    const stream = await openSse(`${running().url}/api/restaurants/${restaurantId}/events?date=${day}`);
    try {
      await book('C1');
      const event = await stream.next();
      const payload = JSON.parse(event.data);
      expect(payload).toMatchObject({ type: 'created', date: day, takenTables: ['C1'], capacity: { restaurantRemaining: 14 } });
      expect(event.data).not.toMatch(/Live Guest|311 222 3333|guest|phone|email/i);
    } finally {
      stream.close();
    }
  });

  it('resumes from Last-Event-ID with exactly the events missed, once', async () => {
    const first = await openSse(`${running().url}/api/admin/restaurant/${restaurantId}/events`, admin);
    await book('D0', '2039-08-01');
    const seen = JSON.parse((await first.next()).data).id as number;
    first.close();
    const missed = [await book('D1', '2039-08-01'), await book('D2', '2039-08-01')];
    const resumed = await openSse(`${running().url}/api/admin/restaurant/${restaurantId}/events`, {
      ...admin,
      'last-event-id': String(seen),
    });
    try {
      const replayed = [JSON.parse((await resumed.next()).data), JSON.parse((await resumed.next()).data)];
      expect(replayed.map((event) => event.reservation.id)).toEqual(missed.map((reservation) => reservation.id));
      await book('A3', '2039-08-01');
      const live = JSON.parse((await resumed.next()).data);
      expect(live.reservation.table).toBe('A3');
      expect(live.id).toBeGreaterThan(replayed[1].id);
      await expect(resumed.next(300)).rejects.toThrow(/no event/);
    } finally {
      resumed.close();
    }
  });

  it('starts afresh when asked to resume after an id this database never issued (it was reset)', async () => {
    const stream = await openSse(`${running().url}/api/restaurants/${restaurantId}/events?date=2039-11-11`, {
      'last-event-id': '999999999999',
    });
    try {
      await book('B3', '2039-11-11');
      expect(JSON.parse((await stream.next()).data)).toMatchObject({ type: 'created', takenTables: ['B3'] });
    } finally {
      stream.close();
    }
  });

  it('refuses an admin stream without the token, an unknown restaurant, a bad date, and too many streams', async () => {
    const anonymous = await openSse(`${running().url}/api/admin/restaurant/${restaurantId}/events`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.errorBody).toMatchObject({ status: 'error', data: { reason: 'UNAUTHORIZED' } });
    const unknown = await openSse(`${running().url}/api/restaurants/0f0e0d0c-0b0a-4909-8807-060504030201/events`);
    expect(unknown.status).toBe(404);
    const badDate = await openSse(`${running().url}/api/restaurants/${restaurantId}/events?date=2039-02-30`);
    expect(badDate.status).toBe(400);
    expect(badDate.errorBody).toMatchObject({ data: { reason: 'INVALID_INPUT', issues: [{ path: 'date' }] } });
    const open = [];
    for (let index = 0; index < 3; index += 1) open.push(await openSse(`${running().url}/api/restaurants/${restaurantId}/events`));
    expect(open.map((stream) => stream.status)).toEqual([200, 200, 200]);
    const fourth = await openSse(`${running().url}/api/restaurants/${restaurantId}/events`);
    expect(fourth.status).toBe(429);
    expect(fourth.errorBody).toMatchObject({ status: 'error', data: { reason: 'RATE_LIMITED' } });
    expect(fourth.headers.get('retry-after')).toBeTruthy();
    for (const stream of open) stream.close();
    // Closed streams free their slots.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const again = await openSse(`${running().url}/api/restaurants/${restaurantId}/events`);
    expect(again.status).toBe(200);
    again.close();
  });

  it('serves the same stream as a tRPC subscription over SSE', async () => {
    const input = encodeURIComponent(JSON.stringify({ restaurantId, date: '2039-09-09' }));
    const stream = await openSse(`${running().url}/trpc/guest.onChange?input=${input}`);
    expect(stream.status).toBe(200);
    try {
      await book('B2', '2039-09-09');
      let event = await stream.next();
      while (event.event !== 'message' || !event.id) event = await stream.next();
      expect(JSON.parse(event.data)).toMatchObject({ type: 'created', takenTables: ['B2'] });
    } finally {
      stream.close();
    }
  });

  it("streams one day's changes across every restaurant for search results (guest.onDayChange)", async () => {
    const other = expectSuccessEnvelope(
      await call('POST', '/api/admin/restaurant', { json: restaurantBody({ name: 'Live Two' }), headers: admin }),
      201,
    );
    const input = encodeURIComponent(JSON.stringify({ date: '2039-10-10' }));
    const stream = await openSse(`${running().url}/trpc/guest.onDayChange?input=${input}`);
    try {
      await book('A0', '2039-10-10');
      await call('POST', `/api/admin/restaurant/${other.id}/reservations`, { json: { table: 'B1', date: '2039-10-10' }, headers: admin });
      await book('A1', '2039-10-11');
      const events = [];
      while (events.length < 2) {
        const event = await stream.next();
        if (event.event === 'message' && event.id) events.push(JSON.parse(event.data));
      }
      expect(events.map((event) => [event.restaurantId, event.takenTables])).toEqual([
        [restaurantId, ['A0']],
        [other.id, ['B1']],
      ]);
      expect(JSON.stringify(events)).not.toMatch(/guest|phone|@/i);
    } finally {
      stream.close();
    }
  });

  it('documents the streams in the OpenAPI document', async () => {
    const document = (await call('GET', '/api/openapi.json')).body;
    expect(document.paths['/admin/restaurant/{id}/events'].get.responses['200'].content).toHaveProperty('text/event-stream');
    expect(document.paths['/admin/restaurant/{id}/events'].get.security).toEqual([{ Authorization: [] }]);
    expect(document.paths['/restaurants/{id}/events'].get.responses['200'].content).toHaveProperty('text/event-stream');
  });
});
