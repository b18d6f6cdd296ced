import { findPgError, PgErrorCode, queryRows, reservations } from '@tablebook/db';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { WEEKDAYS } from '../src/rules/zoned-time.ts';
import { bookAsGuest } from '../src/services/guests.ts';
import { updateStoredLimits } from '../src/services/settings.ts';
import { callerFor, dayGenerator, expectRefusal, useDatabase, type Driver } from './helpers.ts';

/** Noon in Bogotá on Saturday 2034-03-04: the "now" of every test. */
const NOW = new Date('2034-03-04T17:00:00Z');
const restaurantBody = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  address: 'Calle 10 # 4-21',
  description: 'Cocina del Pacífico',
  photoUrl: 'https://example.com/pacifico.jpg',
  cityId: 1,
  ...extra,
});
const guest = { guestName: 'Ana Gómez', guestPhone: '+57 300 123 4567' };

/**
 * Issue 16: "cancelling with the code alone (`POST /api/reservations/cancel {cancellationCode}`, rate-limited
 * like guest bookings)". The same on every driver: the code names the booking through the unique index of
 * migration 0010, an unknown code is NOT_FOUND, and the refusals are those of the cancel with the ids.
 */
export function guestCancelByCodeSuite(driver: Driver, postgresUrl: string) {
  describe(`cancelling with the code alone on ${driver}`, () => {
    const database = useDatabase(driver, postgresUrl);
    const nextDay = dayGenerator('2034-04-01');
    let api: ReturnType<typeof callerFor>;
    let restaurantId: string;
    beforeAll(async () => {
      await updateStoredLimits(database().db, { restaurantDailyLimit: 100, globalDailyLimit: 1000 });
      api = callerFor(database(), {}, () => NOW);
      restaurantId = (await api.restaurant.create(restaurantBody('Código Solo'))).id;
    });
    const statusOf = async (id: string) =>
      (await database().db.select({ status: reservations.status }).from(reservations).where(eq(reservations.id, id)))[0]?.status;

    it('cancels the booking the code names, read out loosely (lower case, spaces, dashes), and says which one', async () => {
      const date = nextDay();
      const booked = await api.guest.book({ restaurantId, table: 'B2', date, partySize: 3, ...guest });
      const loose = `${booked.cancellationCode.slice(0, 4).toLowerCase()} - ${booked.cancellationCode.slice(4)} `;
      const cancelled = await api.guest.cancelByCode({ cancellationCode: loose });
      expect(cancelled).toEqual({
        id: booked.id,
        restaurantId,
        restaurantName: 'Código Solo',
        table: 'B2',
        date,
        time: null,
        startsAt: booked.startsAt,
        endsAt: booked.endsAt,
        partySize: 3,
        status: 'cancelled',
      });
      expect(await statusOf(booked.id)).toBe('cancelled');
      // One event, as for a cancel with the ids: live pages free the table.
      const events = await queryRows<{ type: string }>(
        database().db,
        sql`select type from reservation_events where payload->'reservation'->>'id' = ${booked.id} order by id`,
      );
      expect(events.map((event) => event.type)).toEqual(['created', 'cancelled']);
    });

    it('reads a code as Crockford’s base32 is read back: O as 0, I and L as 1, a phone’s en dash ignored, with or without the ids', async () => {
      const date = nextDay();
      const db = database().db;
      const first = await bookAsGuest(db, NOW, { restaurantId, table: 'A1', date, ...guest }, () => '01ABCDEFGH1J');
      expect((await api.guest.cancelByCode({ cancellationCode: 'ol–abcd—efgh ij' })).id).toBe(first.id);
      const second = await bookAsGuest(db, NOW, { restaurantId, table: 'A2', date, ...guest }, () => '10KMNPQRST0V');
      const cancelled = await api.guest.cancel({ restaurantId, reservationId: second.id, cancellationCode: 'Io-KMNP-QRST-OV' });
      expect(cancelled.status).toBe('cancelled');
      // U is no look-alike of anything: still an unknown code.
      await expectRefusal(api.guest.cancelByCode({ cancellationCode: '01ABCDEFGH1U' }), 'NOT_FOUND');
    });

    it('refuses an unknown code with NOT_FOUND and a missing or oversized one as INVALID_INPUT, changing nothing', async () => {
      const date = nextDay();
      const booked = await api.guest.book({ restaurantId, table: 'A0', date, ...guest });
      // Same alphabet and length as a real code, one character off: still unknown.
      const last = booked.cancellationCode.at(-1) === '0' ? '1' : '0';
      await expectRefusal(api.guest.cancelByCode({ cancellationCode: `${booked.cancellationCode.slice(0, -1)}${last}` }), 'NOT_FOUND');
      await expectRefusal(api.guest.cancelByCode({ cancellationCode: 'ZZZZZZZZZZZZ' }), 'NOT_FOUND');
      await expectRefusal(api.guest.cancelByCode({ cancellationCode: '   ' }), 'INVALID_INPUT');
      await expectRefusal(api.guest.cancelByCode({ cancellationCode: 'X'.repeat(65) }), 'INVALID_INPUT');
      expect(await statusOf(booked.id)).toBe('confirmed');
    });

    it('answers ALREADY_CANCELLED the second time and ILLEGAL_STATUS_CHANGE for a guest already seated', async () => {
      const date = nextDay();
      const first = await api.guest.book({ restaurantId, table: 'C0', date, ...guest });
      await api.guest.cancelByCode({ cancellationCode: first.cancellationCode });
      await expectRefusal(api.guest.cancelByCode({ cancellationCode: first.cancellationCode }), 'ALREADY_CANCELLED', 'CONFLICT');
      // The code still works with the ids too, and says the same.
      await expectRefusal(
        api.guest.cancel({ restaurantId, reservationId: first.id, cancellationCode: first.cancellationCode }),
        'ALREADY_CANCELLED',
      );
      const seated = await api.guest.book({ restaurantId, table: 'C1', date, ...guest });
      await api.reservation.update({ restaurantId, reservationId: seated.id, status: 'seated' });
      await expectRefusal(api.guest.cancelByCode({ cancellationCode: seated.cancellationCode }), 'ILLEGAL_STATUS_CHANGE', 'CONFLICT');
      expect(await statusOf(seated.id)).toBe('seated');
    });

    it('names the restaurant and the booking when it refuses, and offers a guest no host-only status', async () => {
      const date = nextDay();
      const first = await api.guest.book({ restaurantId, table: 'C3', date, ...guest });
      await api.guest.cancelByCode({ cancellationCode: first.cancellationCode });
      const again = await expectRefusal(api.guest.cancelByCode({ cancellationCode: first.cancellationCode }), 'ALREADY_CANCELLED');
      expect((again as unknown as { details: unknown }).details).toEqual({ restaurantName: 'Código Solo', table: 'C3', date });
      const seated = await api.guest.book({ restaurantId, table: 'B3', date, ...guest });
      await api.reservation.update({ restaurantId, reservationId: seated.id, status: 'seated' });
      const refused = await expectRefusal(api.guest.cancelByCode({ cancellationCode: seated.cancellationCode }), 'ILLEGAL_STATUS_CHANGE');
      expect((refused as unknown as { details: unknown }).details).toEqual({
        from: 'seated',
        to: 'cancelled',
        restaurantName: 'Código Solo',
        table: 'B3',
        date,
      });
      // The host stand is told where it can go.
      const host = await expectRefusal(api.reservation.cancel({ restaurantId, reservationId: seated.id }), 'ILLEGAL_STATUS_CHANGE');
      expect((host as unknown as { details: unknown }).details).toMatchObject({ from: 'seated', to: 'cancelled', allowed: ['completed'] });
    });

    it("gives a booking by time its local start and turn, in the restaurant's zone", async () => {
      const hours = WEEKDAYS.map((day) => ({ day, opens: '12:00', closes: '23:00' }));
      const timed = await api.restaurant.create(restaurantBody('Turnos del Código', { hours, timeZone: 'America/Bogota' }));
      const booked = await api.guest.book({ restaurantId: timed.id, date: '2034-03-10', time: '19:30', partySize: 2, ...guest });
      const cancelled = await api.guest.cancelByCode({ cancellationCode: booked.cancellationCode });
      expect(cancelled).toMatchObject({
        restaurantName: 'Turnos del Código',
        time: '19:30',
        startsAt: '2034-03-10T19:30:00-05:00',
        endsAt: '2034-03-10T21:00:00-05:00',
        status: 'cancelled',
      });
    });

    it('refuses a guest’s cancel of a booking already over (ALREADY_OVER), by code or by ids; the host stand still cancels it', async () => {
      const hours = WEEKDAYS.map((day) => ({ day, opens: '12:00', closes: '23:00' }));
      const timed = await api.restaurant.create(restaurantBody('Ya Pasó', { hours, timeZone: 'America/Bogota' }));
      let clock = NOW;
      const later = callerFor(database(), {}, () => clock);
      // Saturday 2034-03-04 at noon in Bogotá: three bookings that evening, 19:30-21:00 (party of 2).
      const byCode = await later.guest.book({ restaurantId: timed.id, date: '2034-03-04', time: '19:30', ...guest, partySize: 2 });
      const byIds = await later.guest.book({ restaurantId: timed.id, date: '2034-03-04', time: '19:30', ...guest, partySize: 2 });
      const byHost = await later.guest.book({ restaurantId: timed.id, date: '2034-03-04', time: '19:30', ...guest, partySize: 2 });
      const underWay = await later.guest.book({ restaurantId: timed.id, date: '2034-03-04', time: '19:30', ...guest, partySize: 2 });
      // 20:30: under way, not over; the rest of the turn is freed.
      clock = new Date('2034-03-05T01:30:00Z');
      expect((await later.guest.cancelByCode({ cancellationCode: underWay.cancellationCode })).status).toBe('cancelled');
      // 21:00, the turn's end: over.
      clock = new Date('2034-03-05T02:00:00Z');
      const refused = await expectRefusal(
        later.guest.cancelByCode({ cancellationCode: byCode.cancellationCode }),
        'ALREADY_OVER',
        'CONFLICT',
      );
      expect((refused as unknown as { details: unknown }).details).toEqual({
        restaurantName: 'Ya Pasó',
        table: byCode.table,
        date: '2034-03-04',
        time: '19:30',
      });
      await expectRefusal(
        later.guest.cancel({ restaurantId: timed.id, reservationId: byIds.id, cancellationCode: byIds.cancellationCode }),
        'ALREADY_OVER',
      );
      // A wrong code is still only a wrong code: it learns nothing of the booking.
      await expectRefusal(
        later.guest.cancel({ restaurantId: timed.id, reservationId: byIds.id, cancellationCode: 'WRONGCODE123' }),
        'INVALID_CANCELLATION_CODE',
      );
      expect([await statusOf(byCode.id), await statusOf(byIds.id)]).toEqual(['confirmed', 'confirmed']);
      // The host stand marks what happened, as before.
      expect((await later.reservation.cancel({ restaurantId: timed.id, reservationId: byHost.id })).status).toBe('cancelled');
      await later.reservation.update({ restaurantId: timed.id, reservationId: byIds.id, status: 'no_show' });
      // Cancelled or marked since: those refusals come first.
      await expectRefusal(later.guest.cancelByCode({ cancellationCode: byHost.cancellationCode }), 'ALREADY_CANCELLED');
      await expectRefusal(later.guest.cancelByCode({ cancellationCode: byIds.cancellationCode }), 'ILLEGAL_STATUS_CHANGE');
    });

    it('lets a guest cancel a whole day during that day, not once it has passed in the restaurant’s zone', async () => {
      let clock = NOW;
      const later = callerFor(database(), {}, () => clock);
      const today = await later.guest.book({ restaurantId, table: 'C2', date: '2034-03-04', ...guest });
      const tomorrow = await later.guest.book({ restaurantId, table: 'C2', date: '2034-03-05', ...guest });
      // 23:59 on the 4th in Bogotá: still that day.
      clock = new Date('2034-03-05T04:59:00Z');
      expect((await later.guest.cancelByCode({ cancellationCode: today.cancellationCode })).status).toBe('cancelled');
      // 00:00 on the 6th: the 5th has passed.
      clock = new Date('2034-03-06T05:00:00Z');
      const refused = await expectRefusal(later.guest.cancelByCode({ cancellationCode: tomorrow.cancellationCode }), 'ALREADY_OVER');
      expect((refused as unknown as { details: unknown }).details).toEqual({
        restaurantName: 'Código Solo',
        table: 'C2',
        date: '2034-03-05',
      });
    });

    it('never hands out a code another booking holds: the database refuses a second holder, and a taken code is drawn again', async () => {
      const date = nextDay();
      const db = database().db;
      const first = await api.guest.book({ restaurantId, table: 'D0', date, ...guest });
      const other = await api.guest.book({ restaurantId, table: 'D1', date, ...guest });
      const [stored] = await db.select().from(reservations).where(eq(reservations.id, first.id));
      // The unique index of migration 0010: two rows cannot share a code's hash.
      const refused = await queryRows(
        db,
        sql`update reservations set cancellation_code_hash = ${stored?.cancellationCodeHash} where id = ${other.id}`,
      ).catch((error: unknown) => error);
      expect(findPgError(refused)).toMatchObject({ code: PgErrorCode.uniqueViolation, constraint: 'reservations_cancellation_code_idx' });
      // A generator that first repeats the taken code: the booking gets the next one.
      const codes = [first.cancellationCode, 'QRSTVWXYZ012'];
      const second = await bookAsGuest(db, NOW, { restaurantId, table: 'D2', date, ...guest }, () => codes.shift() ?? 'unused');
      expect(second.cancellationCode).toBe('QRSTVWXYZ012');
      expect((await api.guest.cancelByCode({ cancellationCode: 'QRSTVWXYZ012' })).id).toBe(second.id);
      expect(await statusOf(first.id)).toBe('confirmed');
      // Only a generator stuck on taken codes fails, and books nothing.
      await expect(bookAsGuest(db, NOW, { restaurantId, table: 'A3', date, ...guest }, () => first.cancellationCode)).rejects.toThrow(
        /cancellation codes in a row were taken/,
      );
      const onA3 = await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from reservations where restaurant_id = ${restaurantId} and date = ${date} and table_label = 'A3'`,
      );
      expect(onA3[0]?.n).toBe(0);
    });

    it('finds the code through its index, not by reading every reservation', async () => {
      const plan = await database().db.transaction(async (tx) => {
        // A handful of rows: the planner would rightly scan them; forbid that to see the index is usable.
        await tx.execute(sql`set local enable_seqscan = off`);
        return queryRows<Record<string, string>>(
          tx,
          sql`explain select id from reservations where cancellation_code_hash = ${'0'.repeat(64)}`,
        );
      });
      expect(plan.map((row) => Object.values(row).join(' ')).join('\n')).toContain('reservations_cancellation_code_idx');
    });
  });
}
