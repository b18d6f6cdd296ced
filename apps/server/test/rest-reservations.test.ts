import { reservations } from '@tablebook/db';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectErrorEnvelope, expectSuccessEnvelope, request, restaurantBody, useServer } from './helpers.ts';

const running = useServer();
const call = (method: string, path: string, options?: Parameters<typeof request>[3]) => request(running().url, method, path, options);
let restaurantId: string;
let base: string;
let dayOffset = 0;
const nextDay = () => new Date(Date.UTC(2034, 0, 1 + dayOffset++)).toISOString().slice(0, 10);
const book = async (json: Record<string, unknown>, headers: Record<string, string> = {}) =>
  call('POST', `${base}/reservations`, { json, headers });
const storedRow = async (id: string) => (await running().database.db.select().from(reservations).where(eq(reservations.id, id)))[0];

beforeAll(async () => {
  const created = await call('POST', '/api/admin/restaurant', {
    json: restaurantBody({
      name: 'REST Reservations',
      tables: [
        { label: 'A0', seats: 2 },
        { label: 'A1', seats: 4 },
        { label: 'B0', seats: 6 },
      ],
    }),
  });
  restaurantId = expectSuccessEnvelope(created, 201).id;
  base = `/api/admin/restaurant/${restaurantId}`;
});

describe('GET and PATCH /api/admin/restaurant/{id}/reservations/{reservationId}', () => {
  it('reads, moves and edits a reservation; a refused move changes nothing', async () => {
    const day = nextDay();
    const created = expectSuccessEnvelope(await book({ table: 'A0', date: day, guestName: 'Lucía', guestEmail: 'lucia@example.com' }), 201);
    const path = `${base}/reservations/${created.id}`;
    expect(expectSuccessEnvelope(await call('GET', path))).toEqual(created);
    const moved = expectSuccessEnvelope(await call('PATCH', path, { json: { table: 'B0', partySize: 5, notes: 'terraza' } }));
    expect(moved).toMatchObject({ table: 'B0', partySize: 5, notes: 'terraza', guestName: 'Lucía' });
    expectSuccessEnvelope(await book({ table: 'A1', date: day }), 201);
    const refused = await call('PATCH', path, { json: { table: 'A1', partySize: 4 } });
    expectErrorEnvelope(refused, 409, 'TABLE_ALREADY_BOOKED');
    const tooMany = await call('PATCH', path, { json: { table: 'A0' } });
    expectErrorEnvelope(tooMany, 400, 'PARTY_TOO_LARGE');
    expect(await storedRow(created.id)).toMatchObject({ tableLabel: 'B0', partySize: 5 });
    expectErrorEnvelope(await call('PATCH', path, { json: { status: 'completed' } }), 409, 'ILLEGAL_STATUS_CHANGE');
    expectErrorEnvelope(await call('PATCH', path, { json: { status: 'gone' } }), 400, 'INVALID_INPUT');
    expectErrorEnvelope(await call('PATCH', path, { json: { partySize: 0 } }), 400, 'INVALID_INPUT');
    expect(expectSuccessEnvelope(await call('PATCH', path, { json: { status: 'seated' } })).status).toBe('seated');
  });

  it('answers 404 for an unknown reservation or one of another restaurant, 400 for bad ids', async () => {
    const day = nextDay();
    const created = expectSuccessEnvelope(await book({ table: 'A0', date: day }), 201);
    const other = expectSuccessEnvelope(
      await call('POST', '/api/admin/restaurant', { json: restaurantBody({ name: 'Other Place' }) }),
      201,
    );
    expectErrorEnvelope(await call('GET', `/api/admin/restaurant/${other.id}/reservations/${created.id}`), 404, 'NOT_FOUND');
    expectErrorEnvelope(await call('GET', `${base}/reservations/6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d`), 404, 'NOT_FOUND');
    expectErrorEnvelope(await call('GET', `${base}/reservations/nope`), 400, 'INVALID_INPUT');
    expectErrorEnvelope(
      await call('PATCH', `${base}/reservations/6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d`, { json: { notes: 'x' } }),
      404,
      'NOT_FOUND',
    );
  });
});

describe('POST /api/admin/restaurant/{id}/reservations/{reservationId}/cancel', () => {
  it('cancels with no body at all, with an empty JSON body, or with a reason; twice is 409', async () => {
    const day = nextDay();
    const variants: Parameters<typeof request>[3][] = [
      {},
      { body: '', headers: { 'content-type': 'application/json' } },
      { json: { reason: 'Lluvia' } },
    ];
    for (const [index, options] of variants.entries()) {
      const created = expectSuccessEnvelope(await book({ table: 'A1', date: day }), 201);
      const path = `${base}/reservations/${created.id}/cancel`;
      const cancelled = expectSuccessEnvelope(await call('POST', path, options));
      expect(cancelled.status).toBe('cancelled');
      if (index === 2) expect(cancelled.cancelReason).toBe('Lluvia');
      expectErrorEnvelope(await call('POST', path, options), 409, 'ALREADY_CANCELLED');
      expect((await storedRow(created.id))?.status).toBe('cancelled');
    }
    const listed = expectSuccessEnvelope(await call('GET', `${base}/reservations?date=${day}`));
    expect(listed).toEqual([]);
    expect(expectSuccessEnvelope(await call('GET', `${base}/reservations?date=${day}&status=cancelled`))).toHaveLength(3);
    expect(expectSuccessEnvelope(await call('GET', `${base}/reservations?date=${day}&status=all`))).toHaveLength(3);
    expectErrorEnvelope(await call('GET', `${base}/reservations?status=maybe`), 400, 'INVALID_INPUT');
  });
});

describe('GET /api/admin/restaurant/{id}/availability', () => {
  it('answers a day with free tables and a range of days', async () => {
    const day = nextDay();
    expectSuccessEnvelope(await book({ table: 'A0', date: day }), 201);
    const single = expectSuccessEnvelope(await call('GET', `${base}/availability?date=${day}`));
    expect(single).toEqual({
      date: day,
      restaurantRemaining: 14,
      globalRemaining: 19,
      freeTables: [
        { label: 'A1', seats: 4 },
        { label: 'B0', seats: 6 },
      ],
      takenTables: ['A0'],
    });
    const range = expectSuccessEnvelope(await call('GET', `${base}/availability?from=${day}&to=${nextDay()}`));
    expect(range.days.map((d: { restaurantRemaining: number }) => d.restaurantRemaining)).toEqual([14, 15]);
    expectErrorEnvelope(await call('GET', `${base}/availability`), 400, 'INVALID_INPUT');
    expectErrorEnvelope(await call('GET', `${base}/availability?from=2040-01-01&to=2040-06-01`), 400, 'INVALID_INPUT');
    expectErrorEnvelope(await call('GET', `${base}/availability?date=2040-02-31`), 400, 'INVALID_INPUT');
    expectErrorEnvelope(
      await call('GET', '/api/admin/restaurant/6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d/availability?date=2040-01-01'),
      404,
      'NOT_FOUND',
    );
  });
});

describe('Idempotency-Key on POST /api/admin/restaurant/{id}/reservations', () => {
  it('replays the first answer for the same key and request, and refuses the key for another request', async () => {
    const day = nextDay();
    const key = { 'Idempotency-Key': `rest-${day}` };
    const first = await book({ table: 'A1', date: day }, key);
    const second = await book({ table: 'A1', date: day }, key);
    expect(expectSuccessEnvelope(second, 201)).toEqual(expectSuccessEnvelope(first, 201));
    expectErrorEnvelope(await book({ table: 'B0', date: day }, key), 422, 'IDEMPOTENCY_KEY_REUSED');
    expectErrorEnvelope(await book({ table: 'B0', date: day }, { 'Idempotency-Key': 'x'.repeat(256) }), 400, 'INVALID_INPUT');
    const refusedKey = { 'Idempotency-Key': `rest-refused-${day}` };
    expectErrorEnvelope(await book({ table: 'A1', date: day }, refusedKey), 409, 'TABLE_ALREADY_BOOKED');
    expectErrorEnvelope(await book({ table: 'A1', date: day }, refusedKey), 409, 'TABLE_ALREADY_BOOKED');
    const stored = await running().database.db.select().from(reservations).where(eq(reservations.date, day));
    expect(stored).toHaveLength(1);
  });
});
