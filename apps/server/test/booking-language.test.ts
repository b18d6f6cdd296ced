/**
 * Issue 17 over HTTP: a booking's language from its body, else from the request's Accept-Language
 * (REST and tRPC alike), else es-CO; shown in the reservation and written into the outbox row of its
 * confirmation. The request helper checks every REST answer against the OpenAPI document.
 */
import { outboxMessages } from '@tablebook/db';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectErrorEnvelope, expectSuccessEnvelope, request, restaurantBody, useServer } from './helpers.ts';

const ADMIN = { authorization: 'Bearer language-admin' };
const guest = { guestName: 'Ana Gómez', guestEmail: 'ana@example.com' };

describe("a booking's language over HTTP", () => {
  const running = useServer({ adminTokens: ['language-admin'] });
  let restaurantId = '';
  let nextDay = Date.parse('2037-06-01T00:00:00Z');
  const day = () => {
    nextDay += 86_400_000;
    return new Date(nextDay).toISOString().slice(0, 10);
  };
  beforeAll(async () => {
    const created = await request(running().url, 'POST', '/api/admin/restaurant', {
      json: restaurantBody({ name: 'Lenguas' }),
      headers: ADMIN,
    });
    restaurantId = expectSuccessEnvelope(created, 201).id;
  });
  const confirmationLanguage = async (id: string) =>
    (await running().database.db.select().from(outboxMessages).where(eq(outboxMessages.reservationId, id)))
      .filter((row) => row.kind === 'confirmation')
      .map((row) => row.language);

  it('REST: the body names it, or Accept-Language does, or it is es-CO', async () => {
    const base = running().url;
    const named = await request(base, 'POST', `/api/admin/restaurant/${restaurantId}/reservations`, {
      json: { table: 'A0', date: day(), ...guest, language: 'en' },
      headers: { ...ADMIN, 'accept-language': 'es-CO' },
    });
    expect(expectSuccessEnvelope(named, 201).language).toBe('en');
    const fromHeader = await request(base, 'POST', `/api/restaurants/${restaurantId}/reservations`, {
      json: { table: 'A1', date: day(), ...guest },
      headers: { 'accept-language': 'fr-CA, en-US;q=0.9, es;q=0.8' },
    });
    const booking = expectSuccessEnvelope(fromHeader, 201);
    expect(await confirmationLanguage(booking.id)).toEqual(['en']);
    const listed = await request(base, 'GET', `/api/admin/restaurant/${restaurantId}/reservations?date=${booking.date}`, {
      headers: ADMIN,
    });
    expect(expectSuccessEnvelope(listed).map((row: { language: string }) => row.language)).toEqual(['en']);
    const plain = await request(base, 'POST', `/api/restaurants/${restaurantId}/reservations`, {
      json: { table: 'A2', date: day(), ...guest },
    });
    expect(await confirmationLanguage(expectSuccessEnvelope(plain, 201).id)).toEqual(['es-CO']);
    const spanish = await request(base, 'POST', `/api/admin/restaurant/${restaurantId}/reservations`, {
      json: { table: 'A3', date: day(), ...guest },
      headers: { ...ADMIN, 'accept-language': 'es-AR,en;q=0.9' },
    });
    expect(expectSuccessEnvelope(spanish, 201).language).toBe('es-CO');
  });

  it('REST: a language that is neither es-CO nor en is 400 with an issue on language', async () => {
    const refused = await request(running().url, 'POST', `/api/restaurants/${restaurantId}/reservations`, {
      json: { table: 'B0', date: day(), ...guest, language: 'fr' },
    });
    expectErrorEnvelope(refused, 400, 'INVALID_INPUT');
    expect(refused.body.data.issues.map((issue: { path: string }) => issue.path)).toEqual(['language']);
  });

  it('tRPC: Accept-Language reaches the booking too', async () => {
    const response = await fetch(`${running().url}/trpc/guest.book`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'en-GB' },
      body: JSON.stringify({ restaurantId, table: 'B1', date: day(), ...guest }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { result: { data: { id: string } } };
    expect(await confirmationLanguage(body.result.data.id)).toEqual(['en']);
  });
});
