// Issue 14, first part: a restaurant's time-of-day settings are stored and kept, and a whole-day
// reservation holds its restaurant's local day (the exclusion constraint's range).
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectErrorEnvelope, expectSuccessEnvelope, request, restaurantBody, useServer } from './helpers.ts';

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
