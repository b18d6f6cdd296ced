/**
 * Issue 17: a booking's `language` (es-CO or en), admin and guest, stored with the reservation and in
 * its output; without it, the request's Accept-Language; else es-CO. The outbox writes the guest's
 * e-mail in it.
 */
import { outboxMessages, reservations } from '@tablebook/db';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createContext, defaultBookingSettings } from '../src/context.ts';
import { appRouter } from '../src/root.ts';
import { createCallerFactory } from '../src/trpc.ts';
import { WEEKDAYS } from '../src/rules/zoned-time.ts';
import { updateStoredLimits } from '../src/services/settings.ts';
import { dayGenerator, expectRefusal, useDatabase, type Driver } from './helpers.ts';

const NOW = new Date('2034-03-04T17:00:00Z');
const createCaller = createCallerFactory(appRouter);
const guest = { guestName: 'Ana Gómez', guestEmail: 'ana@example.com' };

export function bookingLanguageSuite(driver: Driver, postgresUrl: string) {
  describe(`a booking's language on ${driver}`, () => {
    const database = useDatabase(driver, postgresUrl);
    const nextDay = dayGenerator('2034-05-01');
    const callerWith = (acceptLanguage?: string) =>
      createCaller(
        createContext({
          db: database().db,
          settings: defaultBookingSettings,
          now: () => NOW,
          ...(acceptLanguage ? { acceptLanguage } : {}),
        }),
      );
    let restaurantId: string;
    let timedId: string;
    beforeAll(async () => {
      await updateStoredLimits(database().db, { restaurantDailyLimit: 100, globalDailyLimit: 1000 });
      const api = callerWith();
      const body = { address: 'Calle 10 # 4-21', description: 'Cocina', photoUrl: 'https://example.com/p.jpg', cityId: 1 };
      restaurantId = (await api.restaurant.create({ name: 'Idiomas', ...body })).id;
      const hours = WEEKDAYS.map((day) => ({ day, opens: '12:00', closes: '23:00' }));
      timedId = (await api.restaurant.create({ name: 'Idiomas a la Hora', hours, ...body })).id;
    });
    const stored = async (id: string) => {
      const [row] = await database().db.select({ language: reservations.language }).from(reservations).where(eq(reservations.id, id));
      const messages = await database()
        .db.select({ kind: outboxMessages.kind, language: outboxMessages.language })
        .from(outboxMessages)
        .where(eq(outboxMessages.reservationId, id));
      return { language: row?.language, messages: messages.filter((message) => message.kind === 'confirmation').map((m) => m.language) };
    };

    it('stores the language an admin booking names, shows it, and writes the confirmation in it', async () => {
      const api = callerWith('es-CO,es;q=0.9');
      const booked = await api.reservation.create({ restaurantId, table: 'A0', date: nextDay(), ...guest, language: 'en' });
      expect(booked.language).toBe('en');
      expect(await stored(booked.id)).toEqual({ language: 'en', messages: ['en'] });
      expect((await api.reservation.byId({ restaurantId, reservationId: booked.id })).language).toBe('en');
      const listed = await api.reservation.list({ restaurantId, date: booked.date });
      expect(listed.map((reservation) => reservation.language)).toEqual(['en']);
    });

    it('takes it from Accept-Language when the booking names none, admin and guest alike', async () => {
      const english = await callerWith('fr;q=1, en-GB;q=0.8, es;q=0.5').reservation.create({
        restaurantId,
        table: 'A1',
        date: nextDay(),
        ...guest,
      });
      expect(english.language).toBe('en');
      expect(await stored(english.id)).toEqual({ language: 'en', messages: ['en'] });
      const spanish = await callerWith('es-MX').reservation.create({ restaurantId, table: 'A2', date: nextDay(), ...guest });
      expect(spanish.language).toBe('es-CO');
      const guestEnglish = await callerWith('en-US').guest.book({ restaurantId: timedId, date: '2034-03-10', time: '19:30', ...guest });
      expect(await stored(guestEnglish.id)).toEqual({ language: 'en', messages: ['en'] });
      const guestNamed = await callerWith('en-US').guest.book({
        restaurantId: timedId,
        date: '2034-03-10',
        time: '20:00',
        ...guest,
        language: 'es-CO',
      });
      expect(await stored(guestNamed.id)).toEqual({ language: 'es-CO', messages: ['es-CO'] });
    });

    it('is es-CO without a language or an English or Spanish Accept-Language', async () => {
      for (const header of [undefined, 'fr-FR,de;q=0.5', '*']) {
        const booked = await callerWith(header).guest.book({ restaurantId, table: 'B0', date: nextDay(), ...guest });
        expect(await stored(booked.id), String(header)).toEqual({ language: 'es-CO', messages: ['es-CO'] });
      }
    });

    it('keeps the language through changes: a moved booking still has it', async () => {
      const api = callerWith();
      const booked = await api.reservation.create({ restaurantId, table: 'B1', date: nextDay(), ...guest, language: 'en' });
      const moved = await api.reservation.update({ restaurantId, reservationId: booked.id, table: 'B2' });
      expect(moved.language).toBe('en');
      const cancelled = await api.reservation.cancel({ restaurantId, reservationId: booked.id });
      expect(cancelled.language).toBe('en');
    });

    it('refuses a language that is neither es-CO nor en, with an issue on language', async () => {
      const api = callerWith();
      for (const language of ['fr', 'es', 'EN', '', 42]) {
        const refused = await expectRefusal(
          api.guest.book({ restaurantId, table: 'C0', date: nextDay(), ...guest, language: language as 'en' }),
          'INVALID_INPUT',
        );
        expect(JSON.stringify(refused.cause ?? refused), String(language)).toContain('language');
      }
    });

    it('replays an idempotent booking whatever language the retry names (the language is no part of the request)', async () => {
      const date = nextDay();
      const first = await callerWith('en').guest.book({ restaurantId, table: 'C1', date, ...guest, idempotencyKey: 'lang-1' });
      const again = await callerWith('es').guest.book({
        restaurantId,
        table: 'C1',
        date,
        ...guest,
        idempotencyKey: 'lang-1',
        language: 'es-CO',
      });
      expect(again.id).toBe(first.id);
      expect(await stored(first.id)).toEqual({ language: 'en', messages: ['en'] });
      const admin = await callerWith('en').reservation.create({ restaurantId, table: 'C2', date, ...guest, idempotencyKey: 'lang-2' });
      const adminAgain = await callerWith('es').reservation.create({ restaurantId, table: 'C2', date, ...guest, idempotencyKey: 'lang-2' });
      expect(adminAgain).toMatchObject({ id: admin.id, language: 'en' });
    });
  });
}
