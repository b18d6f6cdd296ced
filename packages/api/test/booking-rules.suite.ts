import { reservations } from '@tablebook/db';
import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { callerFor, callerWithLimits, dayGenerator, DEFAULT_TABLES, expectRefusal, useDatabase, type Driver } from './helpers.ts';

const restaurantBody = (name: string, cityId = 1) => ({
  name,
  address: 'Carrera 7 # 12-34',
  description: 'Comida de mar',
  photoUrl: 'https://example.com/photo.jpg',
  cityId,
});
/** The default floor plus E0: sixteen tables, so the restaurant limit (15) comes before a full floor. */
const SIXTEEN_TABLES = [...DEFAULT_TABLES, 'E0'].map((label) => ({ label, seats: 4 }));

/** The booking rules and restaurant queries, the same on every driver. */
export function bookingRulesSuite(driver: Driver, postgresUrl: string) {
  describe(`booking rules on ${driver}`, () => {
    const database = useDatabase(driver, postgresUrl);
    const nextDay = dayGenerator();
    let api: ReturnType<typeof callerFor>;
    beforeAll(() => {
      api = callerFor(database());
    });

    it('books a table once per day, whatever the label case and spacing', async () => {
      const restaurant = await api.restaurant.create(restaurantBody('Rules One'));
      const day = nextDay();
      const booked = await api.reservation.create({ restaurantId: restaurant.id, table: ' a0 ', date: day });
      expect(booked).toMatchObject({ table: 'A0', date: day, restaurantId: restaurant.id });
      const refusal = await expectRefusal(
        api.reservation.create({ restaurantId: restaurant.id, table: 'A0', date: day }),
        'TABLE_ALREADY_BOOKED',
        'CONFLICT',
      );
      expect(refusal.message).toContain('A0');
      expect(refusal.message).toContain('Rules One');
      expect(refusal.message).toContain(day);
      // The same table on another day, and the same label at another restaurant, are free.
      await api.reservation.create({ restaurantId: restaurant.id, table: 'A0', date: nextDay() });
      const other = await api.restaurant.create(restaurantBody('Rules Two'));
      await api.reservation.create({ restaurantId: other.id, table: 'a0', date: day });
    });

    it('stops a restaurant at 15 reservations a day', async () => {
      const restaurant = await api.restaurant.create({ ...restaurantBody('Fifteen'), tables: SIXTEEN_TABLES });
      const day = nextDay();
      for (const table of DEFAULT_TABLES) await api.reservation.create({ restaurantId: restaurant.id, table, date: day });
      await expectRefusal(api.reservation.create({ restaurantId: restaurant.id, table: 'E0', date: day }), 'RESTAURANT_DAILY_LIMIT');
      const [stored] = await database().db.select({ n: count() }).from(reservations).where(eq(reservations.date, day));
      expect(stored?.n).toBe(15);
    });

    it('stops the whole system at 20 reservations a day, and reports it before the restaurant limit', async () => {
      const first = await api.restaurant.create({ ...restaurantBody('Global A'), tables: SIXTEEN_TABLES });
      const second = await api.restaurant.create(restaurantBody('Global B'));
      const day = nextDay();
      for (const table of DEFAULT_TABLES) await api.reservation.create({ restaurantId: first.id, table, date: day });
      for (const table of DEFAULT_TABLES.slice(0, 5)) await api.reservation.create({ restaurantId: second.id, table, date: day });
      // Both limits reached for the first restaurant: the system's is reported.
      await expectRefusal(api.reservation.create({ restaurantId: first.id, table: 'E0', date: day }), 'GLOBAL_DAILY_LIMIT');
      await expectRefusal(api.reservation.create({ restaurantId: second.id, table: 'D2', date: day }), 'GLOBAL_DAILY_LIMIT');
      // A taken table is reported before either limit.
      await expectRefusal(api.reservation.create({ restaurantId: first.id, table: 'A0', date: day }), 'TABLE_ALREADY_BOOKED');
      const [stored] = await database().db.select({ n: count() }).from(reservations).where(eq(reservations.date, day));
      expect(stored?.n).toBe(20);
    });

    it('takes its limits from the settings', async () => {
      const strict = await callerWithLimits(database(), { restaurantDailyLimit: 2, globalDailyLimit: 3 });
      const restaurant = await strict.restaurant.create(restaurantBody('Strict'));
      const day = nextDay();
      await strict.reservation.create({ restaurantId: restaurant.id, table: 'A0', date: day });
      await strict.reservation.create({ restaurantId: restaurant.id, table: 'A1', date: day });
      await expectRefusal(strict.reservation.create({ restaurantId: restaurant.id, table: 'A2', date: day }), 'RESTAURANT_DAILY_LIMIT');
    });

    it('names the restaurant, the day, the table and the limit of a daily-limit refusal, and nothing else (no id)', async () => {
      const strict = await callerWithLimits(database(), { restaurantDailyLimit: 1, globalDailyLimit: 2 });
      const first = await strict.restaurant.create(restaurantBody('Límite Uno'));
      const second = await strict.restaurant.create(restaurantBody('Límite Dos'));
      const day = nextDay();
      await strict.reservation.create({ restaurantId: first.id, table: 'A0', date: day });
      const guest = { guestName: 'Ana', guestPhone: '+57 300 000 0000' };
      // The admin's booking and the guest's, each refused by one of the two limits: exactly the declared fields.
      const own = await expectRefusal(
        strict.reservation.create({ restaurantId: first.id, table: 'A1', date: day }),
        'RESTAURANT_DAILY_LIMIT',
      );
      expect((own as unknown as { details: unknown }).details).toEqual({ restaurantName: 'Límite Uno', date: day, table: 'A1', limit: 1 });
      const asGuest = await expectRefusal(
        strict.guest.book({ restaurantId: first.id, table: 'B0', date: day, ...guest }),
        'RESTAURANT_DAILY_LIMIT',
      );
      expect((asGuest as unknown as { details: unknown }).details).toEqual({
        restaurantName: 'Límite Uno',
        date: day,
        table: 'B0',
        limit: 1,
      });
      await strict.reservation.create({ restaurantId: second.id, table: 'A0', date: day });
      const system = await expectRefusal(
        strict.guest.book({ restaurantId: second.id, table: 'A1', date: day, ...guest }),
        'GLOBAL_DAILY_LIMIT',
      );
      expect((system as unknown as { details: unknown }).details).toEqual({
        restaurantName: 'Límite Dos',
        date: day,
        table: 'A1',
        limit: 2,
      });
    });

    it("refuses days before today in the restaurant's zone (a new restaurant gets the configured one), and accepts that zone's today", async () => {
      // 03:30 UTC on 2026-03-01 is 22:30 on 2026-02-28 in Bogotá.
      const bogota = callerFor(database(), {}, () => new Date('2026-03-01T03:30:00Z'));
      const restaurant = await bogota.restaurant.create(restaurantBody('Clock'));
      const booked = await bogota.reservation.create({ restaurantId: restaurant.id, table: 'A0', date: '2026-02-28' });
      expect(booked.date).toBe('2026-02-28');
      const refusal = await expectRefusal(
        bogota.reservation.create({ restaurantId: restaurant.id, table: 'A1', date: '2026-02-27' }),
        'PAST_DATE',
        'BAD_REQUEST',
      );
      expect(refusal.message).toContain('2026-02-27');
      const tokyo = callerFor(database(), { timeZone: 'Asia/Tokyo' }, () => new Date('2026-03-01T03:30:00Z'));
      // The restaurant keeps its own zone whatever the server's: 2026-02-28 is still today in Bogotá.
      await tokyo.reservation.create({ restaurantId: restaurant.id, table: 'A2', date: '2026-02-28' });
      const inTokyo = await tokyo.restaurant.create(restaurantBody('Clock Tokyo'));
      expect(inTokyo.timeZone).toBe('Asia/Tokyo');
      await expectRefusal(tokyo.reservation.create({ restaurantId: inTokyo.id, table: 'A2', date: '2026-02-28' }), 'PAST_DATE');
    });

    it('answers NOT_FOUND for an unknown restaurant', async () => {
      const missing = '5d9c1a4e-8b7f-4c2d-9e1a-3b5c7d9e1f20';
      await expectRefusal(api.reservation.create({ restaurantId: missing, table: 'A0', date: nextDay() }), 'NOT_FOUND', 'NOT_FOUND');
      await expectRefusal(api.reservation.list({ restaurantId: missing }), 'NOT_FOUND');
      await expectRefusal(api.restaurant.byId({ id: missing }), 'NOT_FOUND');
      await expectRefusal(api.restaurant.delete({ id: missing }), 'NOT_FOUND');
      await expectRefusal(api.restaurant.update({ id: missing, ...restaurantBody('Ghost') }), 'NOT_FOUND');
    });

    it('refuses an unknown city with the cityId issue', async () => {
      const refusal = await expectRefusal(api.restaurant.create(restaurantBody('Nowhere', 999_999)), 'INVALID_INPUT', 'BAD_REQUEST');
      expect(refusal.issues).toEqual([{ path: 'cityId', message: 'City 999999 does not exist', code: 'unknown_city', cityId: 999999 }]);
    });

    it('deleting a restaurant deletes its reservations and frees the day', async () => {
      const strict = await callerWithLimits(database(), { globalDailyLimit: 1 });
      const doomed = await strict.restaurant.create(restaurantBody('Doomed'));
      const survivor = await strict.restaurant.create(restaurantBody('Survivor'));
      const day = nextDay();
      await strict.reservation.create({ restaurantId: doomed.id, table: 'A0', date: day });
      await expectRefusal(strict.reservation.create({ restaurantId: survivor.id, table: 'A0', date: day }), 'GLOBAL_DAILY_LIMIT');
      expect(await strict.restaurant.delete({ id: doomed.id })).toEqual({ id: doomed.id });
      const left = await database().db.select({ n: count() }).from(reservations).where(eq(reservations.restaurantId, doomed.id));
      expect(left[0]?.n).toBe(0);
      await strict.reservation.create({ restaurantId: survivor.id, table: 'A0', date: day });
    });

    it('lists reservations newest date first, optionally for one day', async () => {
      const restaurant = await api.restaurant.create(restaurantBody('Ordered'));
      const [early, late] = [nextDay(), nextDay()];
      await api.reservation.create({ restaurantId: restaurant.id, table: 'B1', date: early });
      await api.reservation.create({ restaurantId: restaurant.id, table: 'A1', date: late });
      await api.reservation.create({ restaurantId: restaurant.id, table: 'A0', date: early });
      const all = await api.reservation.list({ restaurantId: restaurant.id });
      expect(all.map((r) => `${r.date} ${r.table}`)).toEqual([`${late} A1`, `${early} A0`, `${early} B1`]);
      const oneDay = await api.reservation.list({ restaurantId: restaurant.id, date: early });
      expect(oneDay.map((r) => r.table)).toEqual(['A0', 'B1']);
      expect(await api.reservation.list({ restaurantId: restaurant.id, date: nextDay() })).toEqual([]);
    });

    it('filters restaurants by literal, case-insensitive prefix and by city', async () => {
      await api.restaurant.create(restaurantBody('100% Sabor', 2));
      await api.restaurant.create(restaurantBody('100 Montaditos', 2));
      await api.restaurant.create(restaurantBody('_Under', 3));
      await api.restaurant.create(restaurantBody('xUnder', 3));
      expect((await api.restaurant.list({ startWith: '100%' })).map((r) => r.name)).toEqual(['100% Sabor']);
      expect((await api.restaurant.list({ startWith: '_' })).map((r) => r.name)).toEqual(['_Under']);
      expect((await api.restaurant.list({ startWith: '100 m' })).map((r) => r.name)).toEqual(['100 Montaditos']);
      const inCity = await api.restaurant.list({ cityId: 3 });
      expect(inCity.map((r) => r.name).sort()).toEqual(['_Under', 'xUnder']);
      expect(inCity[0]?.city).toEqual({ id: 3, name: expect.any(String), deptName: 'Antioquia' });
      expect(await api.restaurant.list({ cityId: 2_000_000 })).toEqual([]);
      expect((await api.restaurant.list({ cityId: 0 })).length).toBeGreaterThanOrEqual(4);
      const page = await api.restaurant.list({ limit: 2, offset: 1 });
      const everything = await api.restaurant.list({});
      expect(page).toEqual(everything.slice(1, 3));
    });

    it('reports and filters by remaining capacity, both limits counted', async () => {
      const strict = await callerWithLimits(database(), { restaurantDailyLimit: 3, globalDailyLimit: 4 });
      const busy = await strict.restaurant.create(restaurantBody('Capacity Busy', 5));
      await strict.restaurant.create(restaurantBody('Capacity Quiet', 5));
      const day = nextDay();
      await strict.reservation.create({ restaurantId: busy.id, table: 'A0', date: day });
      await strict.reservation.create({ restaurantId: busy.id, table: 'A1', date: day });
      const listed = await strict.restaurant.list({ cityId: 5, date: day });
      expect(listed.map((r) => [r.name, r.restaurantRemaining, r.globalRemaining])).toEqual([
        ['Capacity Busy', 1, 2],
        ['Capacity Quiet', 3, 2],
      ]);
      expect((await strict.restaurant.list({ cityId: 5, date: day, aviability: 2 })).map((r) => r.name)).toEqual(['Capacity Quiet']);
      expect((await strict.restaurant.list({ cityId: 5, date: day, minAvailable: 1 })).map((r) => r.name)).toEqual([
        'Capacity Busy',
        'Capacity Quiet',
      ]);
      // The system has 2 places left that day, so nobody can take 3 more.
      expect(await strict.restaurant.list({ cityId: 5, date: day, minAvailable: 3 })).toEqual([]);
      // Without a date no capacity is reported.
      expect((await strict.restaurant.list({ cityId: 5 }))[0]).not.toHaveProperty('restaurantRemaining');
    });

    it('updates every field of a restaurant', async () => {
      const restaurant = await api.restaurant.create(restaurantBody('Before'));
      const updated = await api.restaurant.update({ id: restaurant.id, ...restaurantBody('After', 7), description: 'Nueva carta' });
      expect(updated).toMatchObject({ id: restaurant.id, name: 'After', description: 'Nueva carta', city: { id: 7 } });
      expect(await api.restaurant.byId({ id: restaurant.id })).toEqual(updated);
    });

    it('lists the 1103 reference cities with their department', async () => {
      const cities = await api.city.list();
      expect(cities).toHaveLength(1103);
      expect(cities[0]).toEqual({ id: 1, name: 'Leticia', deptName: 'Amazonas' });
      expect(new Set(cities.map((c) => c.deptName)).size).toBe(32);
      expect((await api.city.list({ search: 'bogot' })).map((c) => c.name)).toEqual(['Bogotá']);
    });
  });
}
