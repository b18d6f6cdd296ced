import { outboxMessages } from '@tablebook/db';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { WEEKDAYS } from '../src/rules/zoned-time.ts';
import { updateStoredLimits } from '../src/services/settings.ts';
import { callerFor, expectRefusal, useDatabase, type Driver } from './helpers.ts';

/** Noon in Bogotá on Saturday 2034-03-04. */
const NOW = new Date('2034-03-04T17:00:00Z');
const hours = WEEKDAYS.map((day) => ({ day, opens: '12:00', closes: '23:00' }));
const restaurantBody = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  address: 'Calle 10 # 4-21',
  description: 'Cocina',
  photoUrl: 'https://example.com/r.jpg',
  cityId: 1,
  hours,
  ...extra,
});
const guest = { guestName: 'Ana Gómez', guestEmail: 'ana@example.com' };

/**
 * Issue 17: a restaurant's `reminders`, minutes before a timed booking's start when its guest is
 * e-mailed: default [1440, 120], each 5..10080, distinct, at most 5, shown latest first; a PUT without
 * them keeps them, [] means none. A booking queues one reminder per entry still ahead.
 */
export function restaurantRemindersSuite(driver: Driver, postgresUrl: string) {
  describe(`a restaurant's reminders on ${driver}`, () => {
    const database = useDatabase(driver, postgresUrl);
    let api: ReturnType<typeof callerFor>;
    beforeAll(async () => {
      await updateStoredLimits(database().db, { restaurantDailyLimit: 100, globalDailyLimit: 1000 });
      api = callerFor(database(), {}, () => NOW);
    });
    const remindersQueued = async (reservationId: string) =>
      (
        await database()
          .db.select({ minutes: outboxMessages.reminderMinutes })
          .from(outboxMessages)
          .where(and(eq(outboxMessages.reservationId, reservationId), eq(outboxMessages.kind, 'reminder')))
      )
        .map((row) => row.minutes)
        .sort((a, b) => b - a);

    it('is [1440, 120] by default, and what a create gives, latest first', async () => {
      const plain = await api.restaurant.create(restaurantBody('Recordar Siempre'));
      expect(plain.reminders).toEqual([1440, 120]);
      const own = await api.restaurant.create(restaurantBody('Recordar a Mi Modo', { reminders: [30, 2880, 120] }));
      expect(own.reminders).toEqual([2880, 120, 30]);
      expect((await api.restaurant.byId({ id: own.id })).reminders).toEqual([2880, 120, 30]);
      const listed = await api.restaurant.list({ startWith: 'Recordar a Mi' });
      expect(listed.map((restaurant) => restaurant.reminders)).toEqual([[2880, 120, 30]]);
      expect((await api.guest.restaurant({ id: own.id })).reminders).toEqual([2880, 120, 30]);
      const none = await api.restaurant.create(restaurantBody('Sin Recordar', { reminders: [] }));
      expect(none.reminders).toEqual([]);
    });

    it('is kept by a PUT without it, replaced by one with it, and [] clears it', async () => {
      const created = await api.restaurant.create(restaurantBody('Recordar Cambia', { reminders: [60] }));
      const { id, city, tables, hours: _hours, ...rest } = created;
      const body = { id, name: rest.name, address: rest.address, description: rest.description, photoUrl: rest.photoUrl, cityId: city.id };
      expect((await api.restaurant.update({ ...body, description: 'Otra' })).reminders).toEqual([60]);
      expect((await api.restaurant.update({ ...body, reminders: [5, 10_080] })).reminders).toEqual([10_080, 5]);
      expect((await api.restaurant.update({ ...body, reminders: [] })).reminders).toEqual([]);
      expect((await api.restaurant.update(body)).reminders).toEqual([]);
      expect(tables.length).toBeGreaterThan(0);
    });

    it('refuses out of range, repeated, too many or malformed reminders, with the issue on the entry', async () => {
      const cases: [unknown, string, string][] = [
        [[4], 'reminders.0', 'reminders must be at least 5'],
        [[120, 10_081], 'reminders.1', 'reminders must be at most 10080'],
        [[120, 60, 120], 'reminders.2', '120 is listed twice in reminders'],
        [[10, 20, 30, 40, 50, 60], 'reminders', 'reminders must list at most 5 times'],
        [[90.5], 'reminders.0', 'reminders must be an integer'],
        [['120'], 'reminders.0', 'reminders must be an integer'],
        [120, 'reminders', 'reminders must be a list of minutes before the start, such as [1440, 120]'],
        [null, 'reminders', 'reminders must be a list of minutes before the start, such as [1440, 120]'],
      ];
      for (const [reminders, path, message] of cases) {
        const refused = await expectRefusal(api.restaurant.create(restaurantBody('Recordar Mal', { reminders })), 'INVALID_INPUT');
        const issues = ((refused.cause as { issues?: { path: PropertyKey[]; message: string }[] } | undefined)?.issues ?? []).map(
          (issue) => ({ path: issue.path.join('.'), message: issue.message }),
        );
        expect(issues, JSON.stringify(reminders)).toEqual([{ path, message }]);
      }
      expect(await api.restaurant.list({ startWith: 'Recordar Mal' })).toEqual([]);
    });

    it("queues a timed booking's reminders by its restaurant's list: the default, its own, none", async () => {
      const byDefault = await api.restaurant.create(restaurantBody('Recordar Dos'));
      const own = await api.restaurant.create(restaurantBody('Recordar Tres', { reminders: [2880, 1440, 45] }));
      const none = await api.restaurant.create(restaurantBody('Recordar Ninguno', { reminders: [] }));
      const book = (restaurantId: string) => api.guest.book({ restaurantId, date: '2034-03-10', time: '19:30', ...guest });
      expect(await remindersQueued((await book(byDefault.id)).id)).toEqual([1440, 120]);
      expect(await remindersQueued((await book(own.id)).id)).toEqual([2880, 1440, 45]);
      expect(await remindersQueued((await book(none.id)).id)).toEqual([]);
    });
  });
}
