import { asc, eq, sql } from 'drizzle-orm';
import { queryRows, reservationEvents } from '@tablebook/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { WEEKDAYS, type Weekday } from '../src/rules/zoned-time.ts';
import type { EventPayload } from '../src/services/reservation-events.ts';
import { updateStoredLimits } from '../src/services/settings.ts';
import { callerFor, expectRefusal, useDatabase, type Driver } from './helpers.ts';

type Hours = { day: Weekday; opens: string; closes: string }[];

/** Noon in Bogotá on Saturday 2031-03-01: every test's "now". */
const NOW = new Date('2031-03-01T17:00:00Z');
const everyDay = (opens: string, closes: string): Hours => WEEKDAYS.map((day) => ({ day, opens, closes }));
const HOURS: Hours = [
  ...everyDay('19:00', '23:00').filter((range) => range.day !== 'fri'),
  { day: 'fri', opens: '19:00', closes: '02:00' },
];
const TABLES = Array.from({ length: 10 }, (_, index) => ({ label: `T${index}`, seats: 6 }));
const body = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  address: 'Carrera 7 # 12-34',
  description: 'Comida de mar',
  photoUrl: 'https://example.com/photo.jpg',
  cityId: 1,
  tables: TABLES,
  hours: HOURS,
  ...extra,
});
const guest = { guestName: 'Ana Gómez', guestPhone: '+57 300 123 4567' };
const paced = (maxCovers: number, intervalMinutes = 30) => ({ pacing: { intervalMinutes, maxCovers } });

/** A restaurant's own daily limit and its pacing (issue 15), the same on every driver. */
export function pacingSuite(driver: Driver, postgresUrl: string) {
  describe(`a restaurant's daily limit and pacing on ${driver}`, () => {
    const database = useDatabase(driver, postgresUrl);
    let api: ReturnType<typeof callerFor>;
    beforeAll(async () => {
      await updateStoredLimits(database().db, { restaurantDailyLimit: 100, globalDailyLimit: 1000 });
      api = callerFor(database(), {}, () => NOW);
    });

    it('stores dailyLimit and pacing, keeps them on a PUT without them, clears them with null, and always answers both', async () => {
      const plain = await api.restaurant.create({ ...body('Sin Reglas'), hours: [] });
      expect(plain).toMatchObject({ dailyLimit: null, pacing: null });
      const created = await api.restaurant.create(body('Reglas', { dailyLimit: 40, ...paced(20) }));
      expect(created).toMatchObject({ dailyLimit: 40, pacing: { intervalMinutes: 30, maxCovers: 20 } });
      const { id } = created;
      const kept = await api.restaurant.update({ id, ...body('Reglas', { description: 'Otra' }) });
      expect(kept).toMatchObject({ description: 'Otra', dailyLimit: 40, pacing: { intervalMinutes: 30, maxCovers: 20 } });
      expect(await api.restaurant.byId({ id })).toMatchObject({ dailyLimit: 40, pacing: { intervalMinutes: 30, maxCovers: 20 } });
      const changed = await api.restaurant.update({ id, ...body('Reglas', { dailyLimit: 7, ...paced(12, 15) }) });
      expect(changed).toMatchObject({ dailyLimit: 7, pacing: { intervalMinutes: 15, maxCovers: 12 } });
      const cleared = await api.restaurant.update({ id, ...body('Reglas', { dailyLimit: null, pacing: null }) });
      expect(cleared).toMatchObject({ dailyLimit: null, pacing: null });
      const [listed] = await api.restaurant.list({ startWith: 'Reglas' });
      expect(listed).toMatchObject({ dailyLimit: null, pacing: null });
    });

    it('refuses pacing without opening hours, and hours emptied while pacing stays, as 400 pacing', async () => {
      const noHours = await expectRefusal(api.restaurant.create({ ...body('Sin Horas', paced(10)), hours: [] }), 'INVALID_INPUT');
      expect(noHours.issues).toEqual([
        { path: 'pacing', message: expect.stringContaining('pacing needs opening hours'), code: 'pacing_needs_hours' },
      ]);
      await expectRefusal(api.restaurant.create({ ...body('Sin Horas', paced(10)), hours: undefined }), 'INVALID_INPUT');
      const whole = await api.restaurant.create({ ...body('Sin Horas'), hours: [] });
      const onWhole = await expectRefusal(
        api.restaurant.update({ id: whole.id, ...body('Sin Horas', paced(10)), hours: undefined }),
        'INVALID_INPUT',
      );
      expect(onWhole.issues?.map((issue) => issue.path)).toEqual(['pacing']);

      const { id } = await api.restaurant.create(body('Con Ritmo', paced(10)));
      const emptied = await expectRefusal(api.restaurant.update({ id, ...body('Con Ritmo'), hours: [] }), 'INVALID_INPUT');
      expect(emptied.issues?.map((issue) => issue.path)).toEqual(['pacing']);
      const unchanged = await api.restaurant.byId({ id });
      expect(unchanged).toMatchObject({ pacing: { maxCovers: 10 } });
      expect(unchanged.hours).toHaveLength(HOURS.length);
      // Both at once is fine: whole days again, without pacing.
      expect(await api.restaurant.update({ id, ...body('Con Ritmo'), hours: [], pacing: null })).toMatchObject({ hours: [], pacing: null });
    });

    it('validates the values at the edge', async () => {
      for (const bad of [
        { dailyLimit: 0 },
        { dailyLimit: 1_000_001 },
        { dailyLimit: 2.5 },
        { pacing: { intervalMinutes: 20, maxCovers: 10 } },
        { pacing: { intervalMinutes: 30, maxCovers: 0 } },
        { pacing: { intervalMinutes: 30, maxCovers: 10_001 } },
        { pacing: { intervalMinutes: 30 } },
        { pacing: 30 },
      ]) {
        await expectRefusal(api.restaurant.create(body('Valores', bad) as never), 'INVALID_INPUT');
      }
      expect(await api.restaurant.create(body('Valores', { dailyLimit: 1_000_000, ...paced(10_000, 60) }))).toMatchObject({
        dailyLimit: 1_000_000,
        pacing: { intervalMinutes: 60, maxCovers: 10_000 },
      });
    });

    it('refuses a booking past the interval covers with PACING_LIMIT, naming the interval and the covers left', async () => {
      const { id } = await api.restaurant.create(body('Casa', { ...paced(6), slotMinutes: 15 }));
      const date = '2031-03-04';
      await api.reservation.create({ restaurantId: id, date, time: '19:00', partySize: 4 });
      await api.guest.book({ restaurantId: id, date, time: '19:15', partySize: 2, ...guest });
      const refused = await expectRefusal(
        api.reservation.create({ restaurantId: id, date, time: '19:20', partySize: 1 }),
        'PACING_LIMIT',
        'CONFLICT',
      );
      expect(refused.message).toBe(
        `Cannot book at "Casa": the 19:00-19:30 interval on ${date} has 0 of 6 covers left; a party of 1 does not fit`,
      );
      await expectRefusal(api.guest.book({ restaurantId: id, date, time: '19:00', partySize: 1, ...guest }), 'PACING_LIMIT');
      // The next interval is its own; another day is its own.
      await api.reservation.create({ restaurantId: id, date, time: '19:30', partySize: 6 });
      await api.reservation.create({ restaurantId: id, date: '2031-03-05', time: '19:00', partySize: 6 });
      const partial = await expectRefusal(api.reservation.create({ restaurantId: id, date, time: '19:45', partySize: 1 }), 'PACING_LIMIT');
      expect(partial.message).toContain('the 19:30-20:00 interval on 2031-03-04 has 0 of 6 covers left');
      // A cancel gives its covers back at once.
      const list = await api.reservation.list({ restaurantId: id, date });
      const four = list.find((reservation) => reservation.partySize === 4);
      await api.reservation.cancel({ restaurantId: id, reservationId: four!.id });
      const fits = await api.reservation.create({ restaurantId: id, date, time: '19:20', partySize: 4 });
      expect(fits.time).toBe('19:20');
    });

    it('refuses in order: the table, then the daily limits, then pacing', async () => {
      const tables = [
        { label: 'A1', seats: 4 },
        { label: 'A2', seats: 4 },
        { label: 'A3', seats: 2 },
      ];
      const { id } = await api.restaurant.create(body('Orden Ritmo', { ...paced(2), dailyLimit: 2, tables }));
      const date = '2031-03-06';
      const book = (time: string, partySize: number, table?: string) =>
        api.reservation.create({ restaurantId: id, date, time, partySize, ...(table ? { table } : {}) });
      await book('19:00', 1, 'A1');
      // A taken table comes before pacing (the party of 2 would not fit 19:00-19:30 either).
      await expectRefusal(book('19:15', 2, 'A1'), 'TABLE_ALREADY_BOOKED');
      const paced409 = await expectRefusal(book('19:15', 2, 'A2'), 'PACING_LIMIT');
      expect(paced409.message).toContain('has 1 of 2 covers left; a party of 2 does not fit');
      await book('19:15', 1, 'A2');
      // Now the interval and the day (its own limit, 2) are full, and no table seating three is free.
      await expectRefusal(book('19:20', 3), 'NO_TABLE_AVAILABLE');
      const full = await expectRefusal(book('19:20', 1, 'A3'), 'RESTAURANT_DAILY_LIMIT');
      expect(full.message).toContain('the restaurant already has 2 reservations that day');
    });

    it('counts only live timed reservations, by their local start, and dates an interval after midnight by its own day', async () => {
      const { id } = await api.restaurant.create({ ...body('Medianoche'), hours: [] });
      const date = '2031-03-07'; // a Friday: 19:00-02:00
      await api.reservation.create({ restaurantId: id, date, table: 'T0', partySize: 6 });
      await api.restaurant.update({ id, ...body('Medianoche', paced(4)) });
      // The whole-day party of six is not paced.
      await api.reservation.create({ restaurantId: id, date, time: '19:00', partySize: 4 });
      await api.reservation.create({ restaurantId: id, date, time: '00:30', partySize: 3 });
      const late = await expectRefusal(api.reservation.create({ restaurantId: id, date, time: '00:40', partySize: 2 }), 'PACING_LIMIT');
      expect(late.message).toContain('the 00:30-01:00 interval on 2031-03-08 has 1 of 4 covers left; a party of 2 does not fit');
      await api.reservation.create({ restaurantId: id, date, time: '00:40', partySize: 1 });
    });

    it('counts a move at its new start, leaving itself out, and does not re-judge one that keeps its start and party', async () => {
      const { id } = await api.restaurant.create(body('Mueve Ritmo', paced(6)));
      const date = '2031-03-10';
      const moving = await api.reservation.create({ restaurantId: id, date, time: '19:00', partySize: 4, table: 'T0' });
      const other = await api.reservation.create({ restaurantId: id, date, time: '20:00', partySize: 4, table: 'T1' });
      // Within its own interval, itself left out: 4 of 6 fit.
      expect((await api.reservation.update({ restaurantId: id, reservationId: moving.id, time: '19:15' })).time).toBe('19:15');
      const into = await expectRefusal(
        api.reservation.update({ restaurantId: id, reservationId: other.id, time: '19:10' }),
        'PACING_LIMIT',
      );
      expect(into.message).toContain('the 19:00-19:30 interval on 2031-03-10 has 2 of 6 covers left; a party of 4 does not fit');
      expect(await api.reservation.byId({ restaurantId: id, reservationId: other.id })).toMatchObject({ time: '20:00', partySize: 4 });
      // Onto another day at the same clock time: that day's interval is judged.
      await api.reservation.create({ restaurantId: id, date: '2031-03-11', time: '19:00', partySize: 5 });
      await expectRefusal(
        api.reservation.update({ restaurantId: id, reservationId: other.id, date: '2031-03-11', time: '19:00' }),
        'PACING_LIMIT',
      );
      // Growing the party at its start is judged; 6 fit, 7 do not.
      expect((await api.reservation.update({ restaurantId: id, reservationId: moving.id, partySize: 6 })).partySize).toBe(6);
      // Pacing lowered below what the interval holds cancels nothing; keeping the start and not growing is not re-judged.
      await api.restaurant.update({ id, ...body('Mueve Ritmo', paced(2)) });
      const sameStart = await api.reservation.update({ restaurantId: id, reservationId: moving.id, table: 'T2', durationMinutes: 60 });
      expect(sameStart).toMatchObject({ table: 'T2', time: '19:15', durationMinutes: 60, partySize: 6 });
      expect((await api.reservation.update({ restaurantId: id, reservationId: moving.id, partySize: 5 })).partySize).toBe(5);
      await api.reservation.update({ restaurantId: id, reservationId: moving.id, notes: 'ventana', status: 'confirmed' });
      const grow = await expectRefusal(
        api.reservation.update({ restaurantId: id, reservationId: moving.id, partySize: 6 }),
        'PACING_LIMIT',
      );
      expect(grow.message).toContain('has 2 of 2 covers left; a party of 6 does not fit');
      expect(await api.reservation.byId({ restaurantId: id, reservationId: moving.id })).toMatchObject({ partySize: 5, table: 'T2' });
    });

    it('agrees with the database trigger: the same refusal, in the same words, for a writer that bypasses the api', async () => {
      const { id } = await api.restaurant.create(body('Disparador', paced(3)));
      const date = '2031-03-12';
      await api.reservation.create({ restaurantId: id, date, time: '20:00', partySize: 3, table: 'T0' });
      const api409 = await expectRefusal(
        api.reservation.create({ restaurantId: id, date, time: '20:10', partySize: 2, table: 'T1' }),
        'PACING_LIMIT',
      );
      // 20:10 in Bogotá is 01:10 UTC the next day.
      const insert = database().db.execute(
        sql`insert into reservations (restaurant_id, table_label, date, party_size, start_time, duration_minutes, starts_at, ends_at)
            values (${id}, 'T1', ${date}, 2, '20:10:00', 90, '2031-03-13T01:10:00Z', '2031-03-13T02:40:00Z')`,
      );
      const error = await insert.then(
        () => undefined,
        (caught: unknown) => caught,
      );
      const messages: string[] = [];
      for (let current = error as { message?: string; cause?: unknown } | undefined; current; current = current.cause as typeof current) {
        if (current.message) messages.push(current.message);
      }
      const triggerMessage = messages.find((message) => message.startsWith('PACING_LIMIT: '));
      expect(triggerMessage).toBeDefined();
      expect(api409.message).toBe(`Cannot book at "Disparador": ${triggerMessage?.slice('PACING_LIMIT: '.length)}`);
    });

    it('shows a slot whose interval cannot take the party as not bookable with PACING_LIMIT, and the time search leaves it out', async () => {
      const { id } = await api.restaurant.create(body('Ritmo Visible', paced(5)));
      const date = '2031-03-13'; // a Thursday
      await api.reservation.create({ restaurantId: id, date, time: '19:00', partySize: 3 });
      const slots = await api.guest.slots({ restaurantId: id, date, partySize: 3 });
      expect(slots.slots.slice(0, 3)).toEqual([
        expect.objectContaining({ time: '19:00', bookable: false, reason: 'PACING_LIMIT' }),
        expect.objectContaining({ time: '19:30', bookable: true }),
        expect.objectContaining({ time: '20:00', bookable: true }),
      ]);
      expect(slots.slots[0]?.freeTables.length).toBeGreaterThan(0);
      const pair = await api.reservation.slots({ restaurantId: id, date, partySize: 2 });
      expect(pair.slots[0]).toMatchObject({ time: '19:00', bookable: true });
      const [found] = await api.restaurant.list({ startWith: 'Ritmo Visible', date, time: '19:00', partySize: 3, window: 30 });
      expect(found?.slots?.map((slot) => slot.time)).toEqual(['19:30']);
      const none = await api.restaurant.list({ startWith: 'Ritmo Visible', date, time: '19:00', partySize: 3, window: 0 });
      expect(none).toEqual([]);
    });

    it("reports the restaurant's own daily limit in availability, the list, slots, events and refusals", async () => {
      const { id } = await api.restaurant.create(body('Limite Propio', { dailyLimit: 2 }));
      const date = '2031-03-14';
      const first = await api.reservation.create({ restaurantId: id, date, time: '19:00' });
      expect(await api.reservation.availability({ restaurantId: id, date })).toMatchObject({ restaurantRemaining: 1 });
      const range = await api.reservation.availability({ restaurantId: id, from: date, to: '2031-03-15' });
      expect('days' in range && range.days.map((day) => day.restaurantRemaining)).toEqual([1, 2]);
      const [listed] = await api.restaurant.list({ startWith: 'Limite Propio', date });
      expect(listed).toMatchObject({ restaurantRemaining: 1 });
      await api.reservation.create({ restaurantId: id, date, time: '20:00' });
      expect(await api.restaurant.list({ startWith: 'Limite Propio', date, aviability: 1 })).toEqual([]);
      const slots = await api.guest.slots({ restaurantId: id, date });
      expect(slots.slots.every((slot) => slot.reason === 'RESTAURANT_DAILY_LIMIT')).toBe(true);
      const refused = await expectRefusal(api.reservation.create({ restaurantId: id, date, time: '21:00' }), 'RESTAURANT_DAILY_LIMIT');
      expect(refused.message).toContain('the restaurant already has 2 reservations that day');
      const events = await database()
        .db.select({ payload: reservationEvents.payload })
        .from(reservationEvents)
        .where(eq(reservationEvents.restaurantId, id))
        .orderBy(asc(reservationEvents.id));
      expect(events.map((event) => (event.payload as EventPayload).capacity.restaurantRemaining)).toEqual([1, 0]);
      expect(events.map((event) => (event.payload as EventPayload).reservation.id)[0]).toBe(first.id);
      // Back to the stored default (100): the day has room again.
      await api.restaurant.update({ id, ...body('Limite Propio', { dailyLimit: null }) });
      expect(await api.reservation.availability({ restaurantId: id, date })).toMatchObject({ restaurantRemaining: 98 });
      await api.reservation.create({ restaurantId: id, date, time: '21:00' });
    });

    it('lets exactly the covers the interval allows land when bookings arrive at once', async () => {
      const { id } = await api.restaurant.create(body('Tormenta Ritmo', paced(10)));
      const date = '2031-03-18';
      const results = await Promise.allSettled(
        Array.from({ length: 10 }, () => api.guest.book({ restaurantId: id, date, time: '19:30', partySize: 2, ...guest })),
      );
      const refusals = results.flatMap((result) => (result.status === 'rejected' ? [(result.reason as { reason?: string }).reason] : []));
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(5);
      expect(refusals).toEqual(Array(5).fill('PACING_LIMIT'));
      const [stored] = await queryRows<{ covers: number }>(
        database().db,
        sql`select coalesce(sum(party_size), 0)::int as covers from reservations where restaurant_id = ${id} and status <> 'cancelled'`,
      );
      expect(stored?.covers).toBe(10);
    });
  });
}
