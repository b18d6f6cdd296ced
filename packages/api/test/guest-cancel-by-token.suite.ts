import { outboxMessages, queryRows, reservations } from '@tablebook/db';
import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type { Database } from '@tablebook/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { signCancelToken } from '../src/rules/cancel-token.ts';
import { WEEKDAYS } from '../src/rules/zoned-time.ts';
import { cancelTokenKey } from '../src/services/app-secrets.ts';
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
const guest = { guestName: 'Ana Gómez', guestEmail: 'ana@example.com' };

/**
 * Issue 17: the cancel link of the guest's e-mail. `guest.cancelByCode` (REST POST /api/reservations/cancel)
 * takes `{cancelToken}` beside `{cancellationCode}`, exactly one: a token that does not verify under the
 * key stored in app_secrets is INVALID_CANCEL_TOKEN (403); a valid one cancels as the code does, with the
 * same refusals and the same event.
 */
export function guestCancelByTokenSuite(driver: Driver, postgresUrl: string) {
  describe(`cancelling with the cancel link's token on ${driver}`, () => {
    const database = useDatabase(driver, postgresUrl);
    const nextDay = dayGenerator('2034-04-01');
    let api: ReturnType<typeof callerFor>;
    let restaurantId: string;
    /** The key as another process (the sender that wrote the e-mail) reads it: a handle of its own. */
    const senderKey = () => {
      const handle = database();
      const client = (handle.db as unknown as { $client: never }).$client;
      const db = (handle.kind === 'postgres' ? drizzlePg(client) : drizzlePglite(client)) as unknown as Database;
      return cancelTokenKey(db);
    };
    const tokenFor = async (reservationId: string) => signCancelToken(reservationId, await senderKey());
    beforeAll(async () => {
      await updateStoredLimits(database().db, { restaurantDailyLimit: 100, globalDailyLimit: 1000 });
      api = callerFor(database(), {}, () => NOW);
      restaurantId = (await api.restaurant.create(restaurantBody('Enlace Firmado'))).id;
    });
    const statusOf = async (id: string) =>
      (await database().db.select({ status: reservations.status }).from(reservations).where(eq(reservations.id, id)))[0]?.status;

    it('cancels the booking the token names, says which one, and records the same event and message as the code', async () => {
      const date = nextDay();
      const booked = await api.guest.book({ restaurantId, table: 'B2', date, partySize: 3, ...guest });
      const cancelled = await api.guest.cancelByCode({ cancelToken: await tokenFor(booked.id) });
      expect(cancelled).toEqual({
        id: booked.id,
        restaurantId,
        restaurantName: 'Enlace Firmado',
        table: 'B2',
        date,
        time: null,
        startsAt: booked.startsAt,
        endsAt: booked.endsAt,
        partySize: 3,
        status: 'cancelled',
      });
      expect(await statusOf(booked.id)).toBe('cancelled');
      const events = await queryRows<{ type: string }>(
        database().db,
        sql`select type from reservation_events where payload->'reservation'->>'id' = ${booked.id} order by id`,
      );
      expect(events.map((event) => event.type)).toEqual(['created', 'cancelled']);
      const messages = await database()
        .db.select({ kind: outboxMessages.kind })
        .from(outboxMessages)
        .where(and(eq(outboxMessages.reservationId, booked.id), eq(outboxMessages.channel, 'email')));
      expect(messages.map((message) => message.kind).sort()).toEqual(['cancellation', 'confirmation']);
      // The reason is the guest's, as with the code.
      const [row] = await database()
        .db.select({ reason: reservations.cancelReason })
        .from(reservations)
        .where(eq(reservations.id, booked.id));
      expect(row?.reason).toBe('Cancelled by the guest');
    });

    it('works for a booking the restaurant made (no cancellation code), since its e-mail carries the link', async () => {
      const booked = await api.reservation.create({ restaurantId, table: 'A0', date: nextDay(), ...guest });
      expect((await api.guest.cancelByCode({ cancelToken: await tokenFor(booked.id) })).status).toBe('cancelled');
      expect(await statusOf(booked.id)).toBe('cancelled');
    });

    it('refuses a token that does not verify with INVALID_CANCEL_TOKEN (403), changing nothing', async () => {
      const booked = await api.guest.book({ restaurantId, table: 'A1', date: nextDay(), ...guest });
      const token = await tokenFor(booked.id);
      const flipped = `${token.slice(0, 30)}${token[30] === 'A' ? 'B' : 'A'}${token.slice(31)}`;
      const foreign = signCancelToken(booked.id, randomBytes(32));
      for (const bad of [flipped, token.slice(0, -1), `${token}A`, foreign, 'A'.repeat(43), 'not-a-token', booked.id]) {
        const refused = await expectRefusal(api.guest.cancelByCode({ cancelToken: bad }), 'INVALID_CANCEL_TOKEN', 'FORBIDDEN');
        expect(refused.message).toMatch(/cancel link/);
      }
      expect(await statusOf(booked.id)).toBe('confirmed');
      // Still cancellable by its own link.
      expect((await api.guest.cancelByCode({ cancelToken: ` ${token} ` })).status).toBe('cancelled');
    });

    it('says ALREADY_CANCELLED the second time, ILLEGAL_STATUS_CHANGE for a guest seated, with the same details as the code', async () => {
      const date = nextDay();
      const first = await api.guest.book({ restaurantId, table: 'C0', date, ...guest });
      const token = await tokenFor(first.id);
      await api.guest.cancelByCode({ cancelToken: token });
      const again = await expectRefusal(api.guest.cancelByCode({ cancelToken: token }), 'ALREADY_CANCELLED', 'CONFLICT');
      const byCode = await expectRefusal(api.guest.cancelByCode({ cancellationCode: first.cancellationCode }), 'ALREADY_CANCELLED');
      expect((again as unknown as { details: unknown }).details).toEqual((byCode as unknown as { details: unknown }).details);
      const seated = await api.guest.book({ restaurantId, table: 'C1', date, ...guest });
      await api.reservation.update({ restaurantId, reservationId: seated.id, status: 'seated' });
      await expectRefusal(api.guest.cancelByCode({ cancelToken: await tokenFor(seated.id) }), 'ILLEGAL_STATUS_CHANGE', 'CONFLICT');
      expect(await statusOf(seated.id)).toBe('seated');
    });

    it('refuses a booking already over (ALREADY_OVER), as the code does', async () => {
      const hours = WEEKDAYS.map((day) => ({ day, opens: '12:00', closes: '23:00' }));
      const timed = await api.restaurant.create(restaurantBody('Enlace Tarde', { hours, timeZone: 'America/Bogota' }));
      let clock = NOW;
      const later = callerFor(database(), {}, () => clock);
      const booked = await later.guest.book({ restaurantId: timed.id, date: '2034-03-04', time: '19:30', partySize: 2, ...guest });
      // 21:00 in Bogotá, the turn's end: over.
      clock = new Date('2034-03-05T02:00:00Z');
      const refused = await expectRefusal(later.guest.cancelByCode({ cancelToken: await tokenFor(booked.id) }), 'ALREADY_OVER', 'CONFLICT');
      expect((refused as unknown as { details: unknown }).details).toEqual({
        restaurantName: 'Enlace Tarde',
        table: booked.table,
        date: '2034-03-04',
        time: '19:30',
      });
      expect(await statusOf(booked.id)).toBe('confirmed');
    });

    it('takes exactly one of cancellationCode and cancelToken: both or neither is INVALID_INPUT with a precise issue', async () => {
      const booked = await api.guest.book({ restaurantId, table: 'D0', date: nextDay(), ...guest });
      const token = await tokenFor(booked.id);
      const both = await expectRefusal(
        api.guest.cancelByCode({ cancellationCode: booked.cancellationCode, cancelToken: token }),
        'INVALID_INPUT',
      );
      const neither = await expectRefusal(api.guest.cancelByCode({}), 'INVALID_INPUT');
      const issuesOf = (error: unknown) =>
        ((error as { cause?: { issues?: { path: PropertyKey[]; message: string }[] } }).cause?.issues ?? []).map((issue) => ({
          path: issue.path.join('.'),
          message: issue.message,
        }));
      expect(issuesOf(both)).toEqual([{ path: 'cancelToken', message: 'give cancellationCode or cancelToken, not both' }]);
      expect(issuesOf(neither)).toEqual([{ path: 'cancellationCode', message: 'cancellationCode (or cancelToken) is required' }]);
      await expectRefusal(api.guest.cancelByCode({ cancelToken: '' }), 'INVALID_INPUT');
      await expectRefusal(api.guest.cancelByCode({ cancelToken: 'A'.repeat(257) }), 'INVALID_INPUT');
      expect(await statusOf(booked.id)).toBe('confirmed');
    });

    it('answers NOT_FOUND for a valid token whose booking is gone with its restaurant', async () => {
      const gone = await api.restaurant.create(restaurantBody('Cerrado para Siempre'));
      const booked = await api.guest.book({ restaurantId: gone.id, table: 'A0', date: nextDay(), ...guest });
      const token = await tokenFor(booked.id);
      await api.restaurant.delete({ id: gone.id });
      await expectRefusal(api.guest.cancelByCode({ cancelToken: token }), 'NOT_FOUND');
    });

    it('signs and verifies with the one key stored in app_secrets', async () => {
      const rows = await queryRows<{ name: string }>(database().db, sql`select name from app_secrets where name = 'cancel_token_key'`);
      expect(rows).toEqual([{ name: 'cancel_token_key' }]);
      expect(Buffer.from(await senderKey()).equals(Buffer.from(await cancelTokenKey(database().db)))).toBe(true);
    });
  });
}
