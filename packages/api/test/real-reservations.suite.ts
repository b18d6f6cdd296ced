import { reservations } from '@tablebook/db';
import { and, count, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { callerFor, callerWithLimits, dayGenerator, DEFAULT_TABLES, expectRefusal, useDatabase, type Driver } from './helpers.ts';

const restaurantBody = (name: string, tables?: { label: string; seats: number }[]) => ({
  name,
  address: 'Calle 5 # 5-55',
  description: 'Parrilla',
  photoUrl: 'https://example.com/parrilla.jpg',
  cityId: 1,
  ...(tables ? { tables } : {}),
});

/** Guests, layouts, cancel and move, availability and idempotency, the same on every driver. */
export function realReservationsSuite(driver: Driver, postgresUrl: string) {
  describe(`real reservations on ${driver}`, () => {
    const database = useDatabase(driver, postgresUrl);
    const nextDay = dayGenerator('2033-01-01');
    let api: ReturnType<typeof callerFor>;
    beforeAll(() => {
      api = callerFor(database());
    });
    const liveCount = async (restaurantId: string, date: string) =>
      (
        await database()
          .db.select({ n: count() })
          .from(reservations)
          .where(and(eq(reservations.restaurantId, restaurantId), eq(reservations.date, date)))
      )[0]?.n;

    it('stores guest details, party size and status, with sensible defaults', async () => {
      const restaurant = await api.restaurant.create(restaurantBody('Guests'));
      const day = nextDay();
      const plain = await api.reservation.create({ restaurantId: restaurant.id, table: 'A0', date: day });
      expect(plain).toMatchObject({ partySize: 2, status: 'confirmed', guestName: null, guestPhone: null, guestEmail: null, notes: null });
      const full = await api.reservation.create({
        restaurantId: restaurant.id,
        table: 'A1',
        date: day,
        partySize: 4,
        guestName: '  María José  ',
        guestPhone: '+57 300 123 4567',
        guestEmail: 'maria@example.com',
        notes: 'Cumpleaños 🎂',
      });
      expect(full).toMatchObject({
        partySize: 4,
        guestName: 'María José',
        guestPhone: '+57 300 123 4567',
        guestEmail: 'maria@example.com',
        notes: 'Cumpleaños 🎂',
      });
      expect(await api.reservation.byId({ restaurantId: restaurant.id, reservationId: full.id })).toEqual(full);
      await expectRefusal(
        api.reservation.create({ restaurantId: restaurant.id, table: 'A2', date: day, guestEmail: 'not-an-email' }),
        'INVALID_INPUT',
      );
      await expectRefusal(
        api.reservation.create({ restaurantId: restaurant.id, table: 'A2', date: day, guestPhone: 'call me' }),
        'INVALID_INPUT',
      );
      await expectRefusal(api.reservation.create({ restaurantId: restaurant.id, table: 'A2', date: day, partySize: 21 }), 'INVALID_INPUT');
      await expectRefusal(
        api.reservation.create({ restaurantId: restaurant.id, table: 'A2', date: day, notes: 'x'.repeat(501) }),
        'INVALID_INPUT',
      );
    });

    it('gives a new restaurant the default layout, or its own, and checks bookings against it', async () => {
      const standard = await api.restaurant.create(restaurantBody('Standard Floor'));
      expect(standard.tables).toEqual(DEFAULT_TABLES.map((label) => ({ label, seats: 4 })));
      const custom = await api.restaurant.create(
        restaurantBody('Custom Floor', [
          { label: 'v1', seats: 2 },
          { label: 'T', seats: 8 },
        ]),
      );
      expect(custom.tables).toEqual([
        { label: 'T', seats: 8 },
        { label: 'V1', seats: 2 },
      ]);
      const day = nextDay();
      await expectRefusal(api.reservation.create({ restaurantId: custom.id, table: 'A0', date: day }), 'UNKNOWN_TABLE', 'BAD_REQUEST');
      await expectRefusal(
        api.reservation.create({ restaurantId: custom.id, table: 'V1', date: day, partySize: 3 }),
        'PARTY_TOO_LARGE',
        'BAD_REQUEST',
      );
      await api.reservation.create({ restaurantId: custom.id, table: 'T', date: day, partySize: 8 });
      await expectRefusal(
        api.restaurant.create(
          restaurantBody('Twice', [
            { label: 'A', seats: 2 },
            { label: 'a', seats: 4 },
          ]),
        ),
        'INVALID_INPUT',
      );
    });

    it('keeps the layout on an update without tables, and refuses to drop a table with future reservations', async () => {
      const restaurant = await api.restaurant.create(restaurantBody('Relayout'));
      const { tables: _ignored, ...fields } = restaurantBody('Relayout renamed');
      const renamed = await api.restaurant.update({ id: restaurant.id, ...fields });
      expect(renamed.tables).toHaveLength(15);
      const day = nextDay();
      const booked = await api.reservation.create({ restaurantId: restaurant.id, table: 'D2', date: day, guestName: 'Ana' });
      const withoutD2 = DEFAULT_TABLES.filter((label) => label !== 'D2').map((label) => ({ label, seats: 4 }));
      const refusal = await expectRefusal(
        api.restaurant.update({ id: restaurant.id, ...fields, tables: withoutD2 }),
        'TABLE_HAS_RESERVATIONS',
        'CONFLICT',
      );
      expect(refusal.message).toContain('D2');
      expect(refusal.message).toContain(booked.id);
      expect((await api.restaurant.byId({ id: restaurant.id })).tables).toHaveLength(15);
      // Once cancelled, the table can go; seats can change too.
      await api.reservation.cancel({ restaurantId: restaurant.id, reservationId: booked.id });
      const smaller = await api.restaurant.update({
        id: restaurant.id,
        ...fields,
        tables: [
          { label: 'A0', seats: 6 },
          { label: 'A1', seats: 2 },
        ],
      });
      expect(smaller.tables).toEqual([
        { label: 'A0', seats: 6 },
        { label: 'A1', seats: 2 },
      ]);
      // Saving the same layout again, or changing one table, writes only what changes: the other row is untouched.
      const rowVersions = async () =>
        (
          (await database().db.execute(
            sql`select label, xmin::text as version from restaurant_tables where restaurant_id = ${restaurant.id} order by label`,
          )) as unknown as { rows: { label: string; version: string }[] }
        ).rows;
      const before = await rowVersions();
      await api.restaurant.update({ id: restaurant.id, ...fields, tables: smaller.tables });
      expect(await rowVersions()).toEqual(before);
      await api.restaurant.update({
        id: restaurant.id,
        ...fields,
        tables: [
          { label: 'A0', seats: 6 },
          { label: 'A1', seats: 3 },
        ],
      });
      const after = await rowVersions();
      expect(after[0]).toEqual(before[0]);
      expect(after[1]?.version).not.toBe(before[1]?.version);
    });

    it('cancelling frees the table and the day at once; twice is ALREADY_CANCELLED', async () => {
      const strict = await callerWithLimits(database(), { restaurantDailyLimit: 1 });
      const restaurant = await strict.restaurant.create(restaurantBody('Cancels'));
      const day = nextDay();
      const first = await strict.reservation.create({ restaurantId: restaurant.id, table: 'A0', date: day });
      await expectRefusal(strict.reservation.create({ restaurantId: restaurant.id, table: 'A1', date: day }), 'RESTAURANT_DAILY_LIMIT');
      const cancelled = await strict.reservation.cancel({ restaurantId: restaurant.id, reservationId: first.id, reason: 'Guest called' });
      expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'Guest called' });
      await expectRefusal(
        strict.reservation.cancel({ restaurantId: restaurant.id, reservationId: first.id }),
        'ALREADY_CANCELLED',
        'CONFLICT',
      );
      const again = await strict.reservation.create({ restaurantId: restaurant.id, table: 'A0', date: day });
      expect(again.id).not.toBe(first.id);
      // Lists leave cancelled reservations out unless asked.
      expect((await strict.reservation.list({ restaurantId: restaurant.id, date: day })).map((r) => r.id)).toEqual([again.id]);
      expect((await strict.reservation.list({ restaurantId: restaurant.id, date: day, status: 'cancelled' })).map((r) => r.id)).toEqual([
        first.id,
      ]);
      expect(await strict.reservation.list({ restaurantId: restaurant.id, date: day, status: 'all' })).toHaveLength(2);
    });

    it('moves a reservation under the same rules, and leaves it untouched when refused', async () => {
      const strict = await callerWithLimits(database(), { restaurantDailyLimit: 2 });
      const restaurant = await strict.restaurant.create(restaurantBody('Moves'));
      const [day, busyDay] = [nextDay(), nextDay()];
      const moving = await strict.reservation.create({ restaurantId: restaurant.id, table: 'A0', date: day, guestName: 'Mover' });
      await strict.reservation.create({ restaurantId: restaurant.id, table: 'A1', date: day });
      await strict.reservation.create({ restaurantId: restaurant.id, table: 'B0', date: busyDay });
      await strict.reservation.create({ restaurantId: restaurant.id, table: 'B1', date: busyDay });
      const ref = { restaurantId: restaurant.id, reservationId: moving.id };
      // Another table the same day: allowed (its own place does not count against it).
      expect(await strict.reservation.update({ ...ref, table: 'C0' })).toMatchObject({ table: 'C0', date: day });
      await expectRefusal(strict.reservation.update({ ...ref, table: 'A1' }), 'TABLE_ALREADY_BOOKED');
      await expectRefusal(strict.reservation.update({ ...ref, date: busyDay }), 'RESTAURANT_DAILY_LIMIT');
      await expectRefusal(strict.reservation.update({ ...ref, date: '2001-01-01' }), 'PAST_DATE');
      await expectRefusal(strict.reservation.update({ ...ref, table: 'ZZ' }), 'UNKNOWN_TABLE');
      await expectRefusal(strict.reservation.update({ ...ref, partySize: 9 }), 'PARTY_TOO_LARGE');
      expect(await strict.reservation.byId(ref)).toMatchObject({ table: 'C0', date: day, partySize: 2, guestName: 'Mover' });
      const moved = await strict.reservation.update({ ...ref, date: nextDay(), table: 'D0', partySize: 3, notes: 'window' });
      expect(moved).toMatchObject({ table: 'D0', partySize: 3, notes: 'window', status: 'confirmed' });
      expect(await liveCount(restaurant.id, day)).toBe(1);
    });

    it('follows the status machine; a no-show still holds its table', async () => {
      const restaurant = await api.restaurant.create(restaurantBody('Statuses'));
      const day = nextDay();
      const booking = await api.reservation.create({ restaurantId: restaurant.id, table: 'A0', date: day });
      const ref = { restaurantId: restaurant.id, reservationId: booking.id };
      await expectRefusal(api.reservation.update({ ...ref, status: 'completed' }), 'ILLEGAL_STATUS_CHANGE', 'CONFLICT');
      expect(await api.reservation.update({ ...ref, status: 'seated' })).toMatchObject({ status: 'seated' });
      await expectRefusal(api.reservation.update({ ...ref, table: 'A1' }), 'NOT_MOVABLE');
      await expectRefusal(api.reservation.cancel(ref), 'ILLEGAL_STATUS_CHANGE');
      expect(await api.reservation.update({ ...ref, status: 'completed' })).toMatchObject({ status: 'completed' });
      await expectRefusal(api.reservation.update({ ...ref, status: 'confirmed' }), 'ILLEGAL_STATUS_CHANGE');

      const noShow = await api.reservation.create({ restaurantId: restaurant.id, table: 'A1', date: day });
      expect(await api.reservation.update({ restaurantId: restaurant.id, reservationId: noShow.id, status: 'no_show' })).toMatchObject({
        status: 'no_show',
      });
      await expectRefusal(api.reservation.create({ restaurantId: restaurant.id, table: 'A1', date: day }), 'TABLE_ALREADY_BOOKED');
      const availability = await api.reservation.availability({ restaurantId: restaurant.id, date: day });
      expect(availability).toMatchObject({ restaurantRemaining: 13, globalRemaining: expect.any(Number) });
    });

    it('reports availability for a day with its free tables, and for a range in one answer', async () => {
      const strict = await callerWithLimits(database(), { restaurantDailyLimit: 3, globalDailyLimit: 4 });
      const restaurant = await strict.restaurant.create(
        restaurantBody('Calendar', [
          { label: 'A', seats: 2 },
          { label: 'B', seats: 4 },
          { label: 'C', seats: 6 },
        ]),
      );
      const [first, second, third] = [nextDay(), nextDay(), nextDay()];
      await strict.reservation.create({ restaurantId: restaurant.id, table: 'B', date: first });
      const cancelled = await strict.reservation.create({ restaurantId: restaurant.id, table: 'C', date: first });
      await strict.reservation.cancel({ restaurantId: restaurant.id, reservationId: cancelled.id });
      expect(await strict.reservation.availability({ restaurantId: restaurant.id, date: first })).toEqual({
        date: first,
        restaurantRemaining: 2,
        globalRemaining: expect.any(Number),
        freeTables: [
          { label: 'A', seats: 2 },
          { label: 'C', seats: 6 },
        ],
        takenTables: ['B'],
      });
      for (const table of ['A', 'B', 'C']) await strict.reservation.create({ restaurantId: restaurant.id, table, date: second });
      const full = await strict.reservation.availability({ restaurantId: restaurant.id, date: second });
      expect(full).toMatchObject({ restaurantRemaining: 0, freeTables: [], takenTables: ['A', 'B', 'C'] });
      const range = await strict.reservation.availability({ restaurantId: restaurant.id, from: first, to: third });
      expect(range).toEqual({
        days: [
          { date: first, restaurantRemaining: 2, globalRemaining: expect.any(Number) },
          { date: second, restaurantRemaining: 0, globalRemaining: expect.any(Number) },
          { date: third, restaurantRemaining: 3, globalRemaining: 4 },
        ],
      });
      await expectRefusal(
        strict.reservation.availability({ restaurantId: restaurant.id, from: '2040-01-01', to: '2040-03-03' }),
        'INVALID_INPUT',
      );
      await expectRefusal(strict.reservation.availability({ restaurantId: restaurant.id, from: third, to: first }), 'INVALID_INPUT');
      await expectRefusal(strict.reservation.availability({ restaurantId: restaurant.id }), 'INVALID_INPUT');
      const sixtyTwo = await strict.reservation.availability({ restaurantId: restaurant.id, from: '2040-01-01', to: '2040-03-02' });
      expect('days' in sixtyTwo && sixtyTwo.days).toHaveLength(62);
    });

    it('books once per idempotency key: same answer replayed, other request refused', async () => {
      const restaurant = await api.restaurant.create(restaurantBody('Idempotent'));
      const day = nextDay();
      const request = { restaurantId: restaurant.id, table: 'A0', date: day, guestName: 'Retry', idempotencyKey: 'order-42' };
      const first = await api.reservation.create(request);
      const replay = await api.reservation.create(request);
      expect(replay).toEqual(first);
      expect(await liveCount(restaurant.id, day)).toBe(1);
      await expectRefusal(api.reservation.create({ ...request, table: 'A1' }), 'IDEMPOTENCY_KEY_REUSED', 'UNPROCESSABLE_CONTENT');
      // A refusal is remembered too: the same key and request give the same 409.
      const conflicting = { restaurantId: restaurant.id, table: 'A0', date: day, idempotencyKey: 'order-43' };
      const refusal = await expectRefusal(api.reservation.create(conflicting), 'TABLE_ALREADY_BOOKED');
      await api.reservation.cancel({ restaurantId: restaurant.id, reservationId: first.id });
      const replayedRefusal = await expectRefusal(api.reservation.create(conflicting), 'TABLE_ALREADY_BOOKED');
      expect(replayedRefusal.message).toBe(refusal.message);
      // Keys are scoped to the restaurant.
      const other = await api.restaurant.create(restaurantBody('Idempotent Too'));
      const elsewhere = await api.reservation.create({ ...request, restaurantId: other.id });
      expect(elsewhere.restaurantId).toBe(other.id);
      await expectRefusal(api.reservation.create({ ...request, idempotencyKey: 'é' }), 'INVALID_INPUT');
    });

    it('replays a booking as it is now: cancelled since, still with the guest code; gone with its restaurant, 404', async () => {
      const restaurant = await api.restaurant.create(restaurantBody('Replay Now'));
      const day = nextDay();
      const request = { restaurantId: restaurant.id, table: 'A0', date: day, idempotencyKey: 'replay-now' };
      const first = await api.reservation.create(request);
      await api.reservation.cancel({ restaurantId: restaurant.id, reservationId: first.id });
      expect(await api.reservation.create(request)).toMatchObject({ id: first.id, status: 'cancelled' });
      const guest = {
        restaurantId: restaurant.id,
        table: 'A1',
        date: day,
        guestName: 'Ana',
        guestPhone: '+57 300 123 4567',
        idempotencyKey: 'g-1',
      };
      const booked = await api.guest.book(guest);
      await api.guest.cancel({ restaurantId: restaurant.id, reservationId: booked.id, cancellationCode: booked.cancellationCode });
      expect(await api.guest.book(guest)).toEqual({ ...booked, status: 'cancelled' });
      await api.restaurant.delete({ id: restaurant.id });
      await expectRefusal(api.reservation.create(request), 'NOT_FOUND', 'NOT_FOUND');
      await expectRefusal(api.guest.book(guest), 'NOT_FOUND');
    });
  });
}
