/**
 * Issue 17 over HTTP: POST /api/reservations/cancel with {cancelToken}, the token of the e-mail's cancel
 * link (signed with the key every process reads from app_secrets): it cancels as the code does; a token
 * that does not verify is 403 INVALID_CANCEL_TOKEN; both fields or neither is 400. The request helper
 * checks each answer against the OpenAPI document.
 */
import { cancelTokenKey, signCancelToken } from '@tablebook/api';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectErrorEnvelope, expectSuccessEnvelope, request, restaurantBody, useServer } from './helpers.ts';

const ADMIN = { authorization: 'Bearer token-admin' };
const guest = { guestName: 'Ana Gómez', guestEmail: 'ana@example.com' };

describe('POST /api/reservations/cancel with a cancel token', () => {
  const running = useServer({ adminTokens: ['token-admin'] });
  let restaurantId = '';
  let nextDay = Date.parse('2037-07-01T00:00:00Z');
  const day = () => {
    nextDay += 86_400_000;
    return new Date(nextDay).toISOString().slice(0, 10);
  };
  beforeAll(async () => {
    const created = await request(running().url, 'POST', '/api/admin/restaurant', {
      json: restaurantBody({ name: 'Enlace' }),
      headers: ADMIN,
    });
    restaurantId = expectSuccessEnvelope(created, 201).id;
  });
  const book = async (table: string) =>
    expectSuccessEnvelope(
      await request(running().url, 'POST', `/api/restaurants/${restaurantId}/reservations`, { json: { table, date: day(), ...guest } }),
      201,
    );
  const cancel = (json: unknown) => request(running().url, 'POST', '/api/reservations/cancel', { json });

  it('cancels with the token, then says ALREADY_CANCELLED; a tampered token is 403 INVALID_CANCEL_TOKEN', async () => {
    const booked = await book('A0');
    const token = signCancelToken(booked.id, await cancelTokenKey(running().database.db));
    const tampered = `${token.slice(0, -2)}${token.at(-2) === 'A' ? 'B' : 'A'}${token.at(-1)}`;
    const refused = await cancel({ cancelToken: tampered });
    expectErrorEnvelope(refused, 403, 'INVALID_CANCEL_TOKEN');
    const cancelled = await cancel({ cancelToken: token });
    expect(expectSuccessEnvelope(cancelled)).toMatchObject({ id: booked.id, restaurantName: 'Enlace', table: 'A0', status: 'cancelled' });
    expectErrorEnvelope(await cancel({ cancelToken: token }), 409, 'ALREADY_CANCELLED');
  });

  it('takes exactly one of cancellationCode and cancelToken (400 with the issue on the field)', async () => {
    const booked = await book('A1');
    const token = signCancelToken(booked.id, await cancelTokenKey(running().database.db));
    const both = await cancel({ cancellationCode: booked.cancellationCode, cancelToken: token });
    expectErrorEnvelope(both, 400, 'INVALID_INPUT');
    expect(both.body.data.issues).toMatchObject([{ path: 'cancelToken', message: 'give cancellationCode or cancelToken, not both' }]);
    const neither = await cancel({});
    expectErrorEnvelope(neither, 400, 'INVALID_INPUT');
    expect(neither.body.data.issues).toMatchObject([
      { path: 'cancellationCode', message: 'cancellationCode (or cancelToken) is required' },
    ]);
    // The code still cancels on its own.
    expect(expectSuccessEnvelope(await cancel({ cancellationCode: booked.cancellationCode })).status).toBe('cancelled');
  });

  it('is the tRPC mutation guest.cancelByCode too', async () => {
    const booked = await book('A2');
    const token = signCancelToken(booked.id, await cancelTokenKey(running().database.db));
    const response = await fetch(`${running().url}/trpc/guest.cancelByCode`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ cancelToken: token }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { result: { data: { id: string; status: string } } };
    expect(body.result.data).toMatchObject({ id: booked.id, status: 'cancelled' });
    const bad = await fetch(`${running().url}/trpc/guest.cancelByCode`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ cancelToken: 'A'.repeat(43) }),
    });
    expect(bad.status).toBe(403);
  });
});
