/**
 * The hostile review of issue 16 (/work/notes/review16-backend.md), the guest's cancel over HTTP on a
 * real server: a booking already over is refused (D7); the refusals of a cancel with the code alone
 * name the booking (D5); a code typed as read aloud is found (D9). Every REST answer is checked against the
 * OpenAPI document by the request helper.
 */
import { describe, expect, it } from 'vitest';
import { expectErrorEnvelope, expectSuccessEnvelope, request, restaurantBody, useServer } from './helpers.ts';

const EVERY_DAY = (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((day) => ({ day, opens: '12:00', closes: '23:00' }));
const guest = { guestName: 'Ana Gómez', guestPhone: '+57 300 123 4567' };

/** Noon in Bogotá on Wednesday 2036-01-09; tests move it on. */
const NOON = new Date('2036-01-09T17:00:00Z');
let clock = NOON;

describe("a guest's cancel of a booking already over (D7)", () => {
  const running = useServer({ now: () => clock });
  const base = () => running().url;

  const createRestaurant = async (name: string, extra: Record<string, unknown> = {}) =>
    expectSuccessEnvelope(await request(base(), 'POST', '/api/admin/restaurant', { json: restaurantBody({ name, ...extra }) }), 201)
      .id as string;
  const book = async (restaurantId: string, json: Record<string, unknown>) =>
    expectSuccessEnvelope(
      await request(base(), 'POST', `/api/restaurants/${restaurantId}/reservations`, { json: { ...json, ...guest } }),
      201,
    );
  const cancelByCode = (cancellationCode: string) => request(base(), 'POST', '/api/reservations/cancel', { json: { cancellationCode } });

  it('refuses it by code and by ids with 409 ALREADY_OVER naming the booking; the host stand still cancels', async () => {
    clock = NOON;
    const restaurantId = await createRestaurant('Turno Pasado', { hours: EVERY_DAY });
    const evening = { date: '2036-01-09', time: '19:30', partySize: 2 };
    const byCode = await book(restaurantId, evening);
    const byIds = await book(restaurantId, evening);
    const byHost = await book(restaurantId, evening);
    // 21:00 in Bogotá, the turn's end.
    clock = new Date('2036-01-10T02:00:00Z');
    const refused = await cancelByCode(byCode.cancellationCode);
    expectErrorEnvelope(refused, 409, 'ALREADY_OVER');
    expect(refused.body.data.details).toEqual({ restaurantName: 'Turno Pasado', table: byCode.table, date: '2036-01-09', time: '19:30' });
    const withIds = await request(base(), 'POST', `/api/restaurants/${restaurantId}/reservations/${byIds.id}/cancel`, {
      json: { cancellationCode: byIds.cancellationCode },
    });
    expectErrorEnvelope(withIds, 409, 'ALREADY_OVER');
    // tRPC says the same.
    const trpc = await fetch(`${base()}/trpc/guest.cancelByCode`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ cancellationCode: byCode.cancellationCode }),
    });
    expect(trpc.status).toBe(409);
    expect(((await trpc.json()) as { error: { data: unknown } }).error.data).toMatchObject({
      reason: 'ALREADY_OVER',
      details: { restaurantName: 'Turno Pasado', date: '2036-01-09', time: '19:30' },
    });
    const host = await request(base(), 'POST', `/api/admin/restaurant/${restaurantId}/reservations/${byHost.id}/cancel`, { json: {} });
    expect(expectSuccessEnvelope(host).status).toBe('cancelled');
    const listed = expectSuccessEnvelope(
      await request(base(), 'GET', `/api/admin/restaurant/${restaurantId}/reservations?date=2036-01-09`),
    ) as { id: string; status: string }[];
    expect(listed.filter((row) => row.id !== byHost.id).map((row) => row.status)).toEqual(['confirmed', 'confirmed']);
  });

  it('lets a whole day be cancelled during it, not after', async () => {
    clock = NOON;
    const restaurantId = await createRestaurant('Día Pasado');
    const booked = await book(restaurantId, { table: 'A0', date: '2036-01-09' });
    clock = new Date('2036-01-10T05:00:00Z');
    const refused = await cancelByCode(booked.cancellationCode);
    expectErrorEnvelope(refused, 409, 'ALREADY_OVER');
    expect(refused.body.data.details).toEqual({ restaurantName: 'Día Pasado', table: 'A0', date: '2036-01-09' });
    clock = NOON;
    expect(expectSuccessEnvelope(await cancelByCode(booked.cancellationCode)).status).toBe('cancelled');
  });
});

describe('the refusals of a cancel with the code alone name the booking (D5)', () => {
  const running = useServer({ now: () => clock });
  const base = () => running().url;

  it('ALREADY_CANCELLED and ILLEGAL_STATUS_CHANGE carry the restaurant, table, day and time', async () => {
    clock = NOON;
    const created = await request(base(), 'POST', '/api/admin/restaurant', {
      json: restaurantBody({ name: 'Cuál Reserva', hours: EVERY_DAY }),
    });
    const restaurantId = expectSuccessEnvelope(created, 201).id as string;
    const book = async () =>
      expectSuccessEnvelope(
        await request(base(), 'POST', `/api/restaurants/${restaurantId}/reservations`, {
          json: { date: '2036-01-10', time: '20:00', partySize: 2, ...guest },
        }),
        201,
      );
    const cancel = (cancellationCode: string) => request(base(), 'POST', '/api/reservations/cancel', { json: { cancellationCode } });
    const twice = await book();
    expectSuccessEnvelope(await cancel(twice.cancellationCode));
    const again = await cancel(twice.cancellationCode);
    expectErrorEnvelope(again, 409, 'ALREADY_CANCELLED');
    expect(again.body.data.details).toEqual({ restaurantName: 'Cuál Reserva', table: twice.table, date: '2036-01-10', time: '20:00' });
    const seated = await book();
    clock = new Date('2036-01-11T00:30:00Z'); // 19:30 in Bogotá: it may be seated.
    expectSuccessEnvelope(
      await request(base(), 'PATCH', `/api/admin/restaurant/${restaurantId}/reservations/${seated.id}`, { json: { status: 'seated' } }),
    );
    const refused = await cancel(seated.cancellationCode);
    expectErrorEnvelope(refused, 409, 'ILLEGAL_STATUS_CHANGE');
    expect(refused.body.data.details).toEqual({
      from: 'seated',
      to: 'cancelled',
      restaurantName: 'Cuál Reserva',
      table: seated.table,
      date: '2036-01-10',
      time: '20:00',
    });
  });
});

describe('a code typed as read aloud (D9)', () => {
  const running = useServer({ now: () => clock });
  const base = () => running().url;

  it('finds its booking with O for 0, I or L for 1, and en or em dashes', async () => {
    clock = NOON;
    const created = await request(base(), 'POST', '/api/admin/restaurant', { json: restaurantBody({ name: 'Dictado' }) });
    const restaurantId = expectSuccessEnvelope(created, 201).id as string;
    const booked = expectSuccessEnvelope(
      await request(base(), 'POST', `/api/restaurants/${restaurantId}/reservations`, {
        json: { table: 'A0', date: '2036-01-12', ...guest },
      }),
      201,
    );
    const code: string = booked.cancellationCode;
    const typed = `${code.slice(0, 4)}–${code.slice(4, 8)}—${code.slice(8)}`
      .replace(/0/g, 'o')
      .replace(/1/g, (_, at: number) => (at % 2 ? 'I' : 'l'));
    const answer = await request(base(), 'POST', '/api/reservations/cancel', { json: { cancellationCode: typed } });
    expect(expectSuccessEnvelope(answer)).toMatchObject({ id: booked.id, status: 'cancelled' });
  });
});
