// Issue 15 over REST: a restaurant's own dailyLimit and its pacing, in the create and PUT bodies and in
// every restaurant answer; PACING_LIMIT in the error envelope and in the slots. Every answer is also
// checked against the OpenAPI document (helpers.request).
import { describe, expect, it } from 'vitest';
import { expectErrorEnvelope, expectSuccessEnvelope, request, restaurantBody, useServer } from './helpers.ts';

const running = useServer();
const call = (method: string, path: string, options?: Parameters<typeof request>[3]) => request(running().url, method, path, options);

const hours = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => ({ day, opens: '19:00', closes: '23:00' }));
const date = '2031-06-12'; // a Thursday
const guest = { guestName: 'Ana Gómez', guestPhone: '+57 300 123 4567' };

describe("a restaurant's dailyLimit and pacing over REST", () => {
  it('are taken by POST and PUT, kept by a PUT without them, cleared by null, and always answered', async () => {
    const created = expectSuccessEnvelope(
      await call('POST', '/api/admin/restaurant', {
        json: restaurantBody({ name: 'Ritmo REST', hours, dailyLimit: 30, pacing: { intervalMinutes: 30, maxCovers: 20 } }),
      }),
      201,
    );
    expect(created).toMatchObject({ dailyLimit: 30, pacing: { intervalMinutes: 30, maxCovers: 20 } });
    const path = `/api/admin/restaurant/${created.id}`;
    const kept = expectSuccessEnvelope(await call('PUT', path, { json: restaurantBody({ name: 'Ritmo REST', description: 'Otra' }) }));
    expect(kept).toMatchObject({ description: 'Otra', dailyLimit: 30, pacing: { intervalMinutes: 30, maxCovers: 20 } });
    const changed = expectSuccessEnvelope(
      await call('PUT', path, {
        json: restaurantBody({ name: 'Ritmo REST', dailyLimit: 5, pacing: { intervalMinutes: 60, maxCovers: 8 } }),
      }),
    );
    expect(changed).toMatchObject({ dailyLimit: 5, pacing: { intervalMinutes: 60, maxCovers: 8 } });
    expect(expectSuccessEnvelope(await call('GET', `/api/restaurants/${created.id}`))).toMatchObject({
      dailyLimit: 5,
      pacing: { intervalMinutes: 60, maxCovers: 8 },
    });
    const cleared = expectSuccessEnvelope(
      await call('PUT', path, { json: restaurantBody({ name: 'Ritmo REST', dailyLimit: null, pacing: null }) }),
    );
    expect(cleared).toMatchObject({ dailyLimit: null, pacing: null });
    const plain = expectSuccessEnvelope(
      await call('POST', '/api/admin/restaurant', { json: restaurantBody({ name: 'Sin Ritmo REST' }) }),
      201,
    );
    expect(plain).toMatchObject({ dailyLimit: null, pacing: null });
  });

  it('answers 400 INVALID_INPUT naming the field for bad values, and for pacing without opening hours', async () => {
    const refused = async (method: string, path: string, body: Record<string, unknown>, field: string) => {
      const response = await call(method, path, { json: restaurantBody(body) });
      expectErrorEnvelope(response, 400, 'INVALID_INPUT');
      expect(response.body.data.issues.map((issue: { path: string }) => issue.path)).toContain(field);
      return response;
    };
    await refused('POST', '/api/admin/restaurant', { hours, dailyLimit: 0 }, 'dailyLimit');
    await refused('POST', '/api/admin/restaurant', { hours, dailyLimit: 1_000_001 }, 'dailyLimit');
    await refused('POST', '/api/admin/restaurant', { hours, pacing: { intervalMinutes: 45, maxCovers: 10 } }, 'pacing.intervalMinutes');
    await refused('POST', '/api/admin/restaurant', { hours, pacing: { intervalMinutes: 15, maxCovers: 10_001 } }, 'pacing.maxCovers');
    const noHours = await refused('POST', '/api/admin/restaurant', { pacing: { intervalMinutes: 30, maxCovers: 10 } }, 'pacing');
    expect(noHours.body.message).toContain('pacing needs opening hours');

    const { id } = expectSuccessEnvelope(
      await call('POST', '/api/admin/restaurant', {
        json: restaurantBody({ name: 'Vacia REST', hours, pacing: { intervalMinutes: 30, maxCovers: 10 } }),
      }),
      201,
    );
    await refused('PUT', `/api/admin/restaurant/${id}`, { name: 'Vacia REST', hours: [] }, 'pacing');
    expect(expectSuccessEnvelope(await call('GET', `/api/admin/restaurant/${id}`))).toMatchObject({
      hours,
      pacing: { intervalMinutes: 30, maxCovers: 10 },
    });
  });

  it('refuses a booking past the pacing with 409 PACING_LIMIT in the envelope, and the slots say so', async () => {
    const { id } = expectSuccessEnvelope(
      await call('POST', '/api/admin/restaurant', {
        json: restaurantBody({ name: 'Casa', hours, pacing: { intervalMinutes: 30, maxCovers: 6 } }),
      }),
      201,
    );
    expectSuccessEnvelope(
      await call('POST', `/api/admin/restaurant/${id}/reservations`, { json: { date, time: '19:00', partySize: 4 } }),
      201,
    );
    const guestRefusal = await call('POST', `/api/restaurants/${id}/reservations`, {
      json: { date, time: '19:00', partySize: 4, ...guest },
    });
    expectErrorEnvelope(guestRefusal, 409, 'PACING_LIMIT');
    expect(guestRefusal.body.message).toBe(
      `Cannot book at "Casa": the 19:00-19:30 interval on ${date} has 2 of 6 covers left; a party of 4 does not fit`,
    );
    expect(guestRefusal.body.data).toEqual({
      reason: 'PACING_LIMIT',
      requestId: expect.any(String),
      // What the message says, as fields a client words in its reader's language.
      details: { restaurantName: 'Casa', date, from: '19:00', to: '19:30', coversLeft: 2, maxCovers: 6, partySize: 4 },
    });

    const slots = expectSuccessEnvelope(await call('GET', `/api/restaurants/${id}/slots?date=${date}&partySize=4`));
    expect(slots.slots.slice(0, 2)).toEqual([
      expect.objectContaining({ time: '19:00', bookable: false, reason: 'PACING_LIMIT' }),
      expect.objectContaining({ time: '19:30', bookable: true }),
    ]);
    const pairs = expectSuccessEnvelope(await call('GET', `/api/admin/restaurant/${id}/slots?date=${date}&partySize=2`));
    expect(pairs.slots[0]).toMatchObject({ time: '19:00', bookable: true });
    expect(pairs.slots[0]).not.toHaveProperty('reason');

    // A move into the full interval is refused the same way and leaves the reservation as it was.
    const later = expectSuccessEnvelope(
      await call('POST', `/api/admin/restaurant/${id}/reservations`, { json: { date, time: '20:00', partySize: 3 } }),
      201,
    );
    const move = await call('PATCH', `/api/admin/restaurant/${id}/reservations/${later.id}`, { json: { time: '19:15' } });
    expectErrorEnvelope(move, 409, 'PACING_LIMIT');
    expect(move.body.message).toContain('has 2 of 6 covers left; a party of 3 does not fit');
    expect(expectSuccessEnvelope(await call('GET', `/api/admin/restaurant/${id}/reservations/${later.id}`))).toMatchObject({
      time: '20:00',
    });
  });

  it("counts the restaurant's own dailyLimit in availability and refuses past it", async () => {
    const { id } = expectSuccessEnvelope(
      await call('POST', '/api/admin/restaurant', { json: restaurantBody({ name: 'Uno Al Dia', dailyLimit: 1 }) }),
      201,
    );
    expectSuccessEnvelope(await call('POST', `/api/admin/restaurant/${id}/reservations`, { json: { table: 'A0', date } }), 201);
    expect(expectSuccessEnvelope(await call('GET', `/api/restaurants/${id}/availability?date=${date}`))).toMatchObject({
      restaurantRemaining: 0,
      freeTables: [],
    });
    const refused = await call('POST', `/api/admin/restaurant/${id}/reservations`, { json: { table: 'A1', date } });
    expectErrorEnvelope(refused, 409, 'RESTAURANT_DAILY_LIMIT');
  });
});
