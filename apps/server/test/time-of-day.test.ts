// Issue 14, first part: a restaurant's time-of-day settings are stored and kept, and a whole-day
// reservation holds its restaurant's local day (the exclusion constraint's range).
import { openSse as openRawSse } from '@tablebook/testing';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectErrorEnvelope, expectSuccessEnvelope, request, restaurantBody, useServer } from './helpers.ts';
import { validatedSse } from './support/openapi-validator.ts';

const running = useServer();
const call = (method: string, path: string, options?: Parameters<typeof request>[3]) => request(running().url, method, path, options);
let restaurantId: string;

beforeAll(async () => {
  restaurantId = expectSuccessEnvelope(await call('POST', '/api/admin/restaurant', { json: restaurantBody({ name: 'Reloj' }) }), 201).id;
});

const heldRanges = async () => {
  const result = (await running().database.db.execute(
    sql`select date::text as date, to_char(starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI') as starts, to_char(ends_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI') as ends
        from reservations where restaurant_id = ${restaurantId} order by date`,
  )) as unknown as { rows: { date: string; starts: string; ends: string }[] };
  return result.rows;
};

describe("a restaurant's time-of-day settings", () => {
  it('are stored, returned, and kept by a PUT without them', async () => {
    const hours = [
      { day: 'fri', opens: '12:00', closes: '15:00' },
      { day: 'fri', opens: '19:00', closes: '01:00' },
    ];
    const updated = expectSuccessEnvelope(
      await call('PUT', `/api/admin/restaurant/${restaurantId}`, {
        json: restaurantBody({ name: 'Reloj', hours, slotMinutes: 15, maxAdvanceDays: 60 }),
      }),
    );
    expect(updated).toMatchObject({ timeZone: 'America/Bogota', hours, slotMinutes: 15, maxAdvanceDays: 60, minAdvanceMinutes: 0 });
    const kept = expectSuccessEnvelope(
      await call('PUT', `/api/admin/restaurant/${restaurantId}`, { json: restaurantBody({ name: 'Reloj' }) }),
    );
    expect(kept).toMatchObject({ hours, slotMinutes: 15, maxAdvanceDays: 60 });
  });

  it('refuses an unknown zone, overlapping ranges of a day and an unknown slot size, naming the field', async () => {
    const bad = async (patch: Record<string, unknown>, field: string) => {
      const response = await call('PUT', `/api/admin/restaurant/${restaurantId}`, { json: restaurantBody({ name: 'Reloj', ...patch }) });
      expectErrorEnvelope(response, 400, 'INVALID_INPUT');
      expect(response.body.data.issues.map((issue: { path: string }) => issue.path).join(' ')).toContain(field);
    };
    await bad({ timeZone: 'Mars/Olympus' }, 'timeZone');
    await bad(
      {
        hours: [
          { day: 'mon', opens: '12:00', closes: '15:00' },
          { day: 'mon', opens: '14:00', closes: '16:00' },
        ],
      },
      'hours',
    );
    await bad({ slotMinutes: 20 }, 'slotMinutes');
    await bad(
      {
        turnTimes: [
          { maxPartySize: 4, minutes: 120 },
          { maxPartySize: 2, minutes: 90 },
        ],
      },
      'turnTimes',
    );
  });
});

describe('a whole-day reservation', () => {
  it("holds its restaurant's local day, and moves with a new zone even on consecutive days of one table", async () => {
    // Back to whole-day booking (no hours): the seed's behaviour.
    expectSuccessEnvelope(
      await call('PUT', `/api/admin/restaurant/${restaurantId}`, { json: restaurantBody({ name: 'Reloj', hours: [] }) }),
    );
    for (const date of ['2031-05-10', '2031-05-11']) {
      expectSuccessEnvelope(await call('POST', `/api/admin/restaurant/${restaurantId}/reservations`, { json: { table: 'A0', date } }), 201);
    }
    expect(await heldRanges()).toEqual([
      { date: '2031-05-10', starts: '2031-05-10T05:00', ends: '2031-05-11T05:00' },
      { date: '2031-05-11', starts: '2031-05-11T05:00', ends: '2031-05-12T05:00' },
    ]);
    const moved = await call('PUT', `/api/admin/restaurant/${restaurantId}`, {
      json: restaurantBody({ name: 'Reloj', timeZone: 'Asia/Tokyo' }),
    });
    expect(expectSuccessEnvelope(moved).timeZone).toBe('Asia/Tokyo');
    expect(await heldRanges()).toEqual([
      { date: '2031-05-10', starts: '2031-05-09T15:00', ends: '2031-05-10T15:00' },
      { date: '2031-05-11', starts: '2031-05-10T15:00', ends: '2031-05-11T15:00' },
    ]);
    // Back: each range moves 14 hours later, through its neighbour's old range (checked at commit, not per row).
    const back = await call('PUT', `/api/admin/restaurant/${restaurantId}`, {
      json: restaurantBody({ name: 'Reloj', timeZone: 'America/Bogota' }),
    });
    expect(expectSuccessEnvelope(back).timeZone).toBe('America/Bogota');
    expect((await heldRanges()).map((range) => range.starts)).toEqual(['2031-05-10T05:00', '2031-05-11T05:00']);
    // The same table the same day is still refused by the database's constraint.
    const again = await call('POST', `/api/admin/restaurant/${restaurantId}/reservations`, { json: { table: 'A0', date: '2031-05-10' } });
    expectErrorEnvelope(again, 409, 'TABLE_ALREADY_BOOKED');
  });
});

/** Every instant the API gives is the restaurant's own clock with its offset. */
const ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

describe('booking a time over REST', () => {
  it('books a slot as a guest, lists the slots and the time search, and streams the table and time that changed', async () => {
    const hours = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => ({ day, opens: '19:00', closes: '23:00' }));
    const tables = [
      { label: 'A1', seats: 2 },
      { label: 'A2', seats: 4 },
    ];
    const timed = expectSuccessEnvelope(
      await call('POST', '/api/admin/restaurant', { json: restaurantBody({ name: 'Hora Rest', hours, tables }) }),
      201,
    );
    const date = '2031-06-05';
    const url = `${running().url}/api/restaurants/${timed.id}/events?date=${date}`;
    const stream = validatedSse(url, await openRawSse(url));
    try {
      const booked = expectSuccessEnvelope(
        await call('POST', `/api/restaurants/${timed.id}/reservations`, {
          json: { date, time: '20:00', partySize: 3, guestName: 'Ana', guestPhone: '+57 300 123 4567' },
          headers: { 'idempotency-key': 'hora-1' },
        }),
        201,
      );
      expect(booked).toMatchObject({ table: 'A2', time: '20:00', durationMinutes: 120, startsAt: `${date}T20:00:00-05:00` });
      const event = JSON.parse((await stream.next()).data);
      expect(event).toMatchObject({ type: 'created', table: 'A2', startsAt: `${date}T20:00:00-05:00`, endsAt: `${date}T22:00:00-05:00` });
      expect(event).not.toHaveProperty('reservation');
    } finally {
      stream.close();
    }
    const slots = expectSuccessEnvelope(await call('GET', `/api/restaurants/${timed.id}/slots?date=${date}&partySize=3`));
    expect(slots.timeZone).toBe('America/Bogota');
    expect(slots.slots.map((slot: { time: string }) => slot.time)).toEqual(['19:00', '19:30', '20:00', '20:30', '21:00']);
    expect(slots.slots.every((slot: { startsAt: string; endsAt: string }) => ZONED.test(slot.startsAt) && ZONED.test(slot.endsAt))).toBe(
      true,
    );
    expect(slots.slots[0]).toMatchObject({ freeTables: [], bookable: false, reason: 'NO_TABLE_AVAILABLE' });
    expect(expectSuccessEnvelope(await call('GET', `/api/admin/restaurant/${timed.id}/slots?date=${date}&partySize=3`))).toEqual(slots);
    const found = expectSuccessEnvelope(await call('GET', `/api/restaurants?startWith=Hora&date=${date}&time=20:00&partySize=2&window=30`));
    expect(found.map((restaurant: { name: string }) => restaurant.name)).toEqual(['Hora Rest']);
    expect(found[0].slots.map((slot: { time: string }) => slot.time)).toEqual(['20:00', '19:30', '20:30']);
    expectErrorEnvelope(
      await call('POST', `/api/restaurants/${timed.id}/reservations`, {
        json: { date, time: '19:10', guestName: 'Ana', guestPhone: '+57 300 123 4567' },
      }),
      400,
      'OFF_SLOT',
    );
    expectErrorEnvelope(
      await call('POST', `/api/admin/restaurant/${restaurantId}/reservations`, { json: { table: 'A1', date, time: '19:00' } }),
      400,
      'TIME_NOT_OFFERED',
    );
  });
});

describe('events recorded before reservations had a time of day', () => {
  it('are replayed in the new shape: a whole day at the restaurant in America/Bogota', async () => {
    const db = running().database.db;
    const old = {
      id: '7c9e2f4a-1b3d-4e5f-8a6b-9c0d1e2f3a4b',
      table: 'A0',
      date: '2031-07-01',
      restaurantId,
      status: 'confirmed',
      partySize: 2,
    };
    const payload = {
      reservation: old,
      capacity: { date: '2031-07-01', restaurantRemaining: 14, globalRemaining: 19 },
      takenTables: ['A0'],
    };
    const result = (await db.execute(
      sql`insert into reservation_events (restaurant_id, date, previous_date, type, payload)
          values (${restaurantId}, '2031-07-01', null, 'created', ${JSON.stringify(payload)}::jsonb) returning id`,
    )) as unknown as { rows: { id: number | string }[] };
    const id = Number(result.rows[0]?.id);
    const url = `${running().url}/api/restaurants/${restaurantId}/events?date=2031-07-01`;
    const stream = validatedSse(url, await openRawSse(url, { 'last-event-id': String(id - 1) }));
    try {
      expect(JSON.parse((await stream.next()).data)).toMatchObject({
        id,
        table: 'A0',
        startsAt: '2031-07-01T00:00:00-05:00',
        endsAt: '2031-07-02T00:00:00-05:00',
      });
    } finally {
      stream.close();
    }
  });
});
