import { queryRows } from '@tablebook/db';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { WEEKDAYS, type Weekday } from '../src/rules/zoned-time.ts';
import { callerFor, callerWithLimits, expectRefusal, useDatabase, type Driver } from './helpers.ts';
import { updateStoredLimits } from '../src/services/settings.ts';

type Hours = { day: Weekday; opens: string; closes: string }[];

/** Noon in Bogotá on Saturday 2031-03-01: every test's "now". */
const NOW = new Date('2031-03-01T17:00:00Z');
const everyDay = (opens: string, closes: string): Hours => WEEKDAYS.map((day) => ({ day, opens, closes }));
const body = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  address: 'Carrera 7 # 12-34',
  description: 'Comida de mar',
  photoUrl: 'https://example.com/photo.jpg',
  cityId: 1,
  tables: [
    { label: 'A1', seats: 2 },
    { label: 'A2', seats: 4 },
    { label: 'B1', seats: 6 },
  ],
  hours: [
    ...everyDay('12:00', '15:00'),
    ...everyDay('19:00', '23:00').filter((range) => range.day !== 'fri'),
    { day: 'fri' as const, opens: '19:00', closes: '02:00' },
  ],
  ...extra,
});
const guest = { guestName: 'Ana Gómez', guestPhone: '+57 300 123 4567' };

/** Reservations at a time of day, the same on every driver: the rules of issue 14 as behaviour. */
export function timedBookingSuite(driver: Driver, postgresUrl: string) {
  describe(`timed bookings on ${driver}`, () => {
    const database = useDatabase(driver, postgresUrl);
    let api: ReturnType<typeof callerFor>;
    beforeAll(async () => {
      await updateStoredLimits(database().db, { restaurantDailyLimit: 100, globalDailyLimit: 1000 });
      api = callerFor(database(), {}, () => NOW);
    });

    it('gives a party the smallest free table that seats it for its turn, and names the overlap when a table is taken', async () => {
      const { id } = await api.restaurant.create(body('Turnos'));
      const date = '2031-03-04';
      const first = await api.reservation.create({ restaurantId: id, date, time: '19:30', partySize: 3 });
      expect(first).toMatchObject({
        table: 'A2',
        date,
        time: '19:30',
        durationMinutes: 120,
        startsAt: '2031-03-04T19:30:00-05:00',
        endsAt: '2031-03-04T21:30:00-05:00',
      });
      expect((await api.reservation.create({ restaurantId: id, date, time: '20:00', partySize: 3 })).table).toBe('B1');
      const none = await expectRefusal(
        api.reservation.create({ restaurantId: id, date, time: '20:00', partySize: 3 }),
        'NO_TABLE_AVAILABLE',
        'CONFLICT',
      );
      expect(none.message).toContain('Turnos');
      expect(none.message).toContain('20:00');
      const taken = await expectRefusal(
        api.reservation.create({ restaurantId: id, date, time: '21:00', table: 'A2' }),
        'TABLE_ALREADY_BOOKED',
      );
      expect(taken.message).toMatch(/A2.*from 19:30 to 21:30/);
      // Back to back is not an overlap; a pair takes the two-seat table first.
      expect((await api.reservation.create({ restaurantId: id, date, time: '21:30', table: 'A2' })).table).toBe('A2');
      expect((await api.reservation.create({ restaurantId: id, date, time: '19:00' })).table).toBe('A1');
      await expectRefusal(
        api.reservation.create({ restaurantId: id, date, time: '19:00', partySize: 7 }),
        'PARTY_TOO_LARGE',
        'BAD_REQUEST',
      );
      const walkIn = await api.reservation.create({ restaurantId: id, date, time: '12:10', partySize: 2, durationMinutes: 45 });
      expect(walkIn).toMatchObject({ time: '12:10', durationMinutes: 45, endsAt: '2031-03-04T12:55:00-05:00' });
    });

    it('reports the first refusal in the documented order, binding guests to the grid, the window and closing time', async () => {
      const { id } = await api.restaurant.create(
        body('Orden', { minAdvanceMinutes: 120, maxAdvanceDays: 30, specialDates: [{ date: '2031-03-12', hours: [] }] }),
      );
      const wholeDay = await api.restaurant.create({ ...body('Dias'), hours: [] });
      const book = (input: Record<string, unknown>) =>
        api.guest.book({ restaurantId: id, date: '2031-03-05', partySize: 2, ...guest, ...input } as never);
      await expectRefusal(
        api.reservation.create({ restaurantId: wholeDay.id, date: '2031-03-05', table: 'A1', time: '19:00' }),
        'TIME_NOT_OFFERED',
        'BAD_REQUEST',
      );
      const noTable = await expectRefusal(
        api.reservation.create({ restaurantId: wholeDay.id, date: '2031-03-05', time: '19:00' }),
        'INVALID_INPUT',
      );
      expect(noTable.issues?.map((issue) => issue.path)).toEqual(['table']);
      const noTime = await expectRefusal(api.reservation.create({ restaurantId: id, date: '2031-03-05' }), 'INVALID_INPUT');
      expect(noTime.issues?.map((issue) => issue.path)).toEqual(['time']);
      await expectRefusal(book({ date: '2031-02-28', time: '19:10' }), 'PAST_DATE');
      await expectRefusal(book({ time: '16:00' }), 'CLOSED', 'CONFLICT');
      await expectRefusal(book({ date: '2031-03-12', time: '19:00' }), 'CLOSED');
      await expectRefusal(book({ time: '19:10' }), 'OFF_SLOT', 'BAD_REQUEST');
      // The turn (90 minutes for two) must end by 23:00 for a guest; the restaurant may book it.
      await expectRefusal(book({ time: '22:00' }), 'CLOSED');
      await book({ time: '21:30' });
      expect((await api.reservation.create({ restaurantId: id, date: '2031-03-05', time: '22:00' })).endsAt).toBe(
        '2031-03-05T23:30:00-05:00',
      );
      // Today at 13:00 is an hour away: inside the two-hour notice for a guest; 12:30 has passed for everyone.
      await expectRefusal(book({ date: '2031-03-01', time: '13:00' }), 'OUTSIDE_BOOKING_WINDOW', 'CONFLICT');
      await expectRefusal(api.reservation.create({ restaurantId: id, date: '2031-03-01', time: '11:30' }), 'CLOSED');
      const halfPast = callerFor(database(), {}, () => new Date('2031-03-01T17:30:00Z'));
      await expectRefusal(halfPast.reservation.create({ restaurantId: id, date: '2031-03-01', time: '12:00' }), 'OUTSIDE_BOOKING_WINDOW');
      await expectRefusal(book({ date: '2031-04-01', time: '19:00' }), 'OUTSIDE_BOOKING_WINDOW');
      await expectRefusal(book({ time: '19:00', table: 'Z9' }), 'UNKNOWN_TABLE');
      await expectRefusal(book({ time: '19:00', durationMinutes: 30 }), 'INVALID_INPUT');
      const booked = await book({ time: '19:00' });
      expect(booked).toMatchObject({ table: 'A1', time: '19:00', durationMinutes: 90, startsAt: '2031-03-05T19:00:00-05:00' });
    });

    it("dates a booking after midnight by its opening range's day, and locks both days", async () => {
      const { id } = await api.restaurant.create(body('Trasnocho'));
      // 2031-03-07 is a Friday: 19:00-02:00.
      const late = await api.guest.book({ restaurantId: id, date: '2031-03-07', time: '00:30', ...guest });
      expect(late).toMatchObject({
        date: '2031-03-07',
        time: '00:30',
        startsAt: '2031-03-08T00:30:00-05:00',
        endsAt: '2031-03-08T02:00:00-05:00',
      });
      const slots = await api.guest.slots({ restaurantId: id, date: '2031-03-07' });
      expect(slots.slots.at(-1)).toMatchObject({ time: '00:30', freeTables: ['A2', 'B1'], bookable: true });
      await expectRefusal(api.guest.book({ restaurantId: id, date: '2031-03-07', time: '01:00', ...guest }), 'CLOSED');
    });

    it('moves a reservation in time, keeps its table, and leaves it untouched when refused', async () => {
      const { id } = await api.restaurant.create(body('Mudanza'));
      const date = '2031-03-10';
      const moving = await api.reservation.create({ restaurantId: id, date, time: '19:00', partySize: 4, table: 'B1' });
      const blocker = await api.reservation.create({ restaurantId: id, date, time: '21:30', partySize: 4, table: 'A2' });
      const later = await api.reservation.update({ restaurantId: id, reservationId: moving.id, time: '20:00' });
      expect(later).toMatchObject({ table: 'B1', time: '20:00', durationMinutes: 120, endsAt: '2031-03-10T22:00:00-05:00' });
      const smaller = await api.reservation.update({ restaurantId: id, reservationId: moving.id, partySize: 2 });
      expect(smaller).toMatchObject({ table: 'B1', durationMinutes: 90 });
      const longer = await api.reservation.update({ restaurantId: id, reservationId: moving.id, durationMinutes: 150 });
      expect(longer.endsAt).toBe('2031-03-10T22:30:00-05:00');
      await expectRefusal(api.reservation.update({ restaurantId: id, reservationId: moving.id, table: 'A2' }), 'TABLE_ALREADY_BOOKED');
      await expectRefusal(api.reservation.update({ restaurantId: id, reservationId: moving.id, time: '16:00' }), 'CLOSED');
      expect(await api.reservation.byId({ restaurantId: id, reservationId: moving.id })).toMatchObject({
        table: 'B1',
        time: '20:00',
        durationMinutes: 150,
        updatedAt: longer.updatedAt,
      });
      expect(blocker.table).toBe('A2');
    });

    it('seats from an hour before the start, and ends the turn when completed or a no-show', async () => {
      const { id } = await api.restaurant.create(body('Servicio'));
      const soon = await api.reservation.create({ restaurantId: id, date: '2031-03-01', time: '13:00', table: 'A2' });
      const tooEarly = await api.reservation.create({ restaurantId: id, date: '2031-03-01', time: '14:00', table: 'A1' });
      await expectRefusal(
        api.reservation.update({ restaurantId: id, reservationId: tooEarly.id, status: 'seated' }),
        'ILLEGAL_STATUS_CHANGE',
      );
      await api.reservation.update({ restaurantId: id, reservationId: soon.id, status: 'seated' });
      // Seated early and done at noon: the turn ends at its start, and the table is free at 13:00.
      const done = await api.reservation.update({ restaurantId: id, reservationId: soon.id, status: 'completed' });
      expect(done.endsAt).toBe('2031-03-01T13:00:00-05:00');
      expect((await api.reservation.create({ restaurantId: id, date: '2031-03-01', time: '13:00', partySize: 3 })).table).toBe('A2');
      const gone = await api.reservation.update({ restaurantId: id, reservationId: tooEarly.id, status: 'no_show' });
      expect(gone).toMatchObject({ status: 'no_show', startsAt: '2031-03-01T14:00:00-05:00', endsAt: '2031-03-01T14:00:00-05:00' });
    });

    it('says the day of a seating too early, and the day before for a start just after midnight', async () => {
      const { id } = await api.restaurant.create(
        body('Madrugada', { hours: [...everyDay('00:00', '03:00'), ...everyDay('12:00', '15:00')] }),
      );
      const ahead = await api.reservation.create({ restaurantId: id, date: '2031-03-05', time: '13:00', table: 'A2' });
      const early = await expectRefusal(
        api.reservation.update({ restaurantId: id, reservationId: ahead.id, status: 'seated' }),
        'ILLEGAL_STATUS_CHANGE',
      );
      expect((early as unknown as { details: unknown }).details).toEqual({
        from: 'confirmed',
        to: 'seated',
        restaurantName: 'Madrugada',
        table: 'A2',
        date: '2031-03-05',
        startsAt: '13:00',
        seatableFrom: '12:00',
      });
      const night = await api.reservation.create({ restaurantId: id, date: '2031-03-06', time: '00:30', table: 'A1' });
      const before = await expectRefusal(
        api.reservation.update({ restaurantId: id, reservationId: night.id, status: 'seated' }),
        'ILLEGAL_STATUS_CHANGE',
      );
      expect((before as unknown as { details: unknown }).details).toMatchObject({
        date: '2031-03-06',
        startsAt: '00:30',
        seatableFrom: '23:30',
        seatableFromDate: '2031-03-05',
      });
    });

    it("lists a day's slots with their free tables and the reason a slot is not bookable", async () => {
      const { id } = await api.restaurant.create(body('Franjas', { minAdvanceMinutes: 60 }));
      const wholeDay = await api.restaurant.create({ ...body('Franjas Dias'), hours: [] });
      await api.reservation.create({ restaurantId: id, date: '2031-03-01', time: '19:00', table: 'B1', partySize: 5, durationMinutes: 60 });
      const today = await api.guest.slots({ restaurantId: id, date: '2031-03-01', partySize: 5 });
      expect(today.timeZone).toBe('America/Bogota');
      // A party of five holds a table 150 minutes: lunch's last start is 12:30, dinner's 20:30.
      expect(today.slots.map((slot) => slot.time)).toEqual(['12:00', '12:30', '19:00', '19:30', '20:00', '20:30']);
      expect(today.slots[0]).toMatchObject({ startsAt: '2031-03-01T12:00:00-05:00', bookable: false, reason: 'OUTSIDE_BOOKING_WINDOW' });
      expect(today.slots[2]).toMatchObject({ time: '19:00', freeTables: [], bookable: false, reason: 'NO_TABLE_AVAILABLE' });
      expect(today.slots[4]).toMatchObject({ time: '20:00', endsAt: '2031-03-01T22:30:00-05:00', freeTables: ['B1'], bookable: true });
      expect(today.slots[4]).not.toHaveProperty('reason');
      expect((await api.reservation.slots({ restaurantId: id, date: '2031-03-01', partySize: 5 })).slots).toEqual(today.slots);
      expect((await api.guest.slots({ restaurantId: wholeDay.id, date: '2031-03-02' })).slots).toEqual([]);
      const full = await callerWithLimits(database(), { restaurantDailyLimit: 1, globalDailyLimit: 1000 }, () => NOW);
      expect((await full.guest.slots({ restaurantId: id, date: '2031-03-01', partySize: 2 })).slots.at(-1)).toMatchObject({
        bookable: false,
        reason: 'RESTAURANT_DAILY_LIMIT',
      });
    });

    it('skips a spring-forward gap and offers a repeated autumn hour once, at its first occurrence', async () => {
      const night: Hours = [{ day: 'sun', opens: '01:00', closes: '05:00' }];
      const { id } = await api.restaurant.create(
        body('Nueva York', { timeZone: 'America/New_York', hours: night, turnTimes: [{ maxPartySize: 20, minutes: 30 }] }),
      );
      const spring = await api.guest.slots({ restaurantId: id, date: '2031-03-09' });
      expect(spring.slots.map((slot) => slot.time)).toEqual(['01:00', '01:30', '03:00', '03:30', '04:00', '04:30']);
      expect(spring.slots[1]).toMatchObject({ startsAt: '2031-03-09T01:30:00-05:00', endsAt: '2031-03-09T03:00:00-04:00' });
      await expectRefusal(api.reservation.create({ restaurantId: id, date: '2031-03-09', time: '02:30' }), 'CLOSED');
      const autumn = await api.guest.slots({ restaurantId: id, date: '2031-11-02' });
      expect(autumn.slots.map((slot) => slot.time)).toEqual(['01:00', '01:30', '02:00', '02:30', '03:00', '03:30', '04:00', '04:30']);
      expect(autumn.slots[0]?.startsAt).toBe('2031-11-02T01:00:00-04:00');
      expect(autumn.slots[2]?.startsAt).toBe('2031-11-02T02:00:00-05:00');
    });

    it('finds restaurants with a bookable slot near a time, nearest first, and leaves out whole-day ones', async () => {
      const prefix = `Busca${driver}`;
      const open = await api.restaurant.create(body(`${prefix} Abierto`));
      await api.restaurant.create({ ...body(`${prefix} Dias`), hours: [] });
      const full = await api.restaurant.create(body(`${prefix} Lleno`, { tables: [{ label: 'A1', seats: 2 }] }));
      await api.reservation.create({ restaurantId: full.id, date: '2031-03-06', time: '19:00', durationMinutes: 240 });
      const found = await api.guest.restaurants({ startWith: prefix, date: '2031-03-06', time: '20:10', partySize: 2 });
      expect(found.map((restaurant) => restaurant.name)).toEqual([`${prefix} Abierto`]);
      expect(found[0]?.slots?.map((slot) => slot.time)).toEqual(['20:00', '20:30', '19:30', '21:00']);
      expect(found[0]).toMatchObject({ id: open.id, restaurantRemaining: 100 });
      await expectRefusal(api.guest.restaurants({ time: '20:00' }), 'INVALID_INPUT');
    });

    it('refuses new hours or a new zone that would leave future reservations outside, and keeps local times on a zone change', async () => {
      const { id } = await api.restaurant.create(body('Horario'));
      const dinner = await api.reservation.create({ restaurantId: id, date: '2031-03-11', time: '20:00', table: 'A1' });
      const refused = await expectRefusal(
        api.restaurant.update({ id, ...body('Horario'), hours: everyDay('12:00', '16:00') }),
        'HAS_FUTURE_RESERVATIONS',
        'CONFLICT',
      );
      expect(refused.message).toContain(dinner.id);
      expect(refused.issues?.[0]?.path).toBe('hours');
      await expectRefusal(api.restaurant.update({ id, ...body('Horario'), hours: [] }), 'HAS_FUTURE_RESERVATIONS');
      await api.restaurant.update({ id, ...body('Horario'), timeZone: 'Europe/Madrid' });
      expect(await api.reservation.byId({ restaurantId: id, reservationId: dinner.id })).toMatchObject({
        time: '20:00',
        startsAt: '2031-03-11T20:00:00+01:00',
        endsAt: '2031-03-11T21:30:00+01:00',
      });
    });

    it('moves the pending reminders of the turns a zone change moves, to the same local time', async () => {
      const { id } = await api.restaurant.create(body('Recordar Zona'));
      const dinner = await api.reservation.create({
        restaurantId: id,
        date: '2031-03-11',
        time: '20:00',
        table: 'A1',
        guestEmail: 'zona@example.com',
      });
      const reminders = () =>
        queryRows(
          database().db,
          sql`select reminder_minutes, status, to_char(due_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI') as due,
                     payload #>> '{reservation,startsAt}' as starts from outbox_messages
               where reservation_id = ${dinner.id} and kind = 'reminder' order by reminder_minutes`,
        );
      // 20:00 in Bogotá is 01:00Z the next day: reminders at 01:00Z (a day before) and 23:00Z (two hours before).
      expect(await reminders()).toEqual([
        { reminder_minutes: 120, status: 'pending', due: '2031-03-11T23:00', starts: '2031-03-11T20:00:00-05:00' },
        { reminder_minutes: 1440, status: 'pending', due: '2031-03-11T01:00', starts: '2031-03-11T20:00:00-05:00' },
      ]);
      await api.restaurant.update({ id, ...body('Recordar Zona'), timeZone: 'Europe/Madrid' });
      // 20:00 in Madrid (+01:00 in March) is 19:00Z.
      expect(await reminders()).toEqual([
        { reminder_minutes: 120, status: 'pending', due: '2031-03-11T17:00', starts: '2031-03-11T20:00:00+01:00' },
        { reminder_minutes: 1440, status: 'pending', due: '2031-03-10T19:00', starts: '2031-03-11T20:00:00+01:00' },
      ]);
    });

    it('answers the edges of the calendar without hanging: the last writable day, last night after midnight, DST zone changes', async () => {
      const { id } = await api.restaurant.create(body('Bordes', { hours: everyDay('18:00', '02:00') }));
      // A turn that would end in the year 10000 is refused; 9999-12-31's range closes in that year, so it has no slots.
      await expectRefusal(api.guest.book({ restaurantId: id, date: '9999-12-31', time: '23:30', ...guest }), 'CLOSED');
      expect((await api.guest.slots({ restaurantId: id, date: '9999-12-31' })).slots).toEqual([]);
      // At 00:10 on Sunday, Saturday's range is still open: its 00:30 can be booked, its 23:00 has passed.
      const afterMidnight = callerFor(database(), {}, () => new Date('2031-03-02T05:10:00Z'));
      const lastNight = await afterMidnight.guest.book({ restaurantId: id, date: '2031-03-01', time: '00:30', ...guest });
      expect(lastNight.startsAt).toBe('2031-03-02T00:30:00-05:00');
      await expectRefusal(afterMidnight.guest.book({ restaurantId: id, date: '2031-03-01', time: '23:00', ...guest }), 'PAST_DATE');
      const slots = await afterMidnight.guest.slots({ restaurantId: id, date: '2031-03-01' });
      expect(slots.slots.find((slot) => slot.time === '00:30')).toMatchObject({ bookable: true });
      // A new layout may not drop the table that booking holds tonight; the time search finds last night's slots.
      await expectRefusal(
        afterMidnight.restaurant.update({
          id,
          ...body('Bordes', { hours: everyDay('18:00', '02:00') }),
          tables: [{ label: 'Z1', seats: 8 }],
        }),
        'TABLE_HAS_RESERVATIONS',
      );
      const found = await afterMidnight.guest.restaurants({ startWith: 'Bordes', date: '2031-03-01', time: '00:30', window: 30 });
      // 00:00 began ten minutes ago; 00:30 is the one left.
      expect(found[0]?.slots?.map((slot) => slot.time)).toEqual(['00:30']);
      // New hours that would leave tonight's 00:30 outside Saturday's ranges are refused, even if the morning opens.
      await expectRefusal(
        afterMidnight.restaurant.update({
          id,
          ...body('Bordes'),
          hours: [...everyDay('18:00', '23:00'), { day: 'sat', opens: '00:00', closes: '03:00' }],
        }),
        'HAS_FUTURE_RESERVATIONS',
      );
    });

    it('refuses a zone change that would make two turns of a table overlap, and counts a table once in takenTables', async () => {
      const { id } = await api.restaurant.create(body('Verano', { hours: everyDay('00:00', '00:00') }));
      // 2031-03-09, 01:00 + 150 min in Bogotá ends 03:30; in New York that night loses an hour, so it would end 04:30.
      await api.reservation.create({ restaurantId: id, date: '2031-03-09', time: '01:00', table: 'A1', durationMinutes: 150 });
      await api.reservation.create({ restaurantId: id, date: '2031-03-09', time: '03:30', table: 'A1' });
      const refused = await expectRefusal(
        api.restaurant.update({ id, ...body('Verano', { hours: everyDay('00:00', '00:00') }), timeZone: 'America/New_York' }),
        'HAS_FUTURE_RESERVATIONS',
      );
      expect(refused.issues?.[0]?.path).toBe('timeZone');
      // Both turns are named: the refusal lists what to move.
      expect(refused.message).toContain('2031-03-09 01:00 at table A1');
      expect(refused.message).toContain('2031-03-09 03:30 at table A1');
      expect((refused as unknown as { details: unknown }).details).toMatchObject({
        why: 'overlap',
        reservations: [
          { date: '2031-03-09', time: '01:00', table: 'A1' },
          { date: '2031-03-09', time: '03:30', table: 'A1' },
        ],
      });
      const day = await api.reservation.availability({ restaurantId: id, date: '2031-03-09' });
      expect('takenTables' in day && day.takenTables).toEqual(['A1']);
      expect((await api.restaurant.byId({ id })).timeZone).toBe('America/Bogota');
    });

    it("refuses a zone change that skips a future turn's local time (a spring-forward gap), listing it, and changes nothing", async () => {
      const { id } = await api.restaurant.create(body('Salto', { hours: everyDay('00:00', '06:00') }));
      // 02:30 on 2031-03-09 exists in Bogotá; New York's clocks jump from 02:00 to 03:00 that night.
      const gap = await api.reservation.create({ restaurantId: id, date: '2031-03-09', time: '02:30', table: 'A1' });
      const cancelled = await api.reservation.create({ restaurantId: id, date: '2031-03-09', time: '02:00', table: 'A2' });
      await api.reservation.update({ restaurantId: id, reservationId: cancelled.id, status: 'cancelled' });
      const refused = await expectRefusal(
        api.restaurant.update({ id, ...body('Salto', { hours: everyDay('00:00', '06:00') }), timeZone: 'America/New_York' }),
        'HAS_FUTURE_RESERVATIONS',
        'CONFLICT',
      );
      expect(refused.message).toContain('do not exist in America/New_York');
      expect(refused.message).toContain('2031-03-09 02:30 at table A1');
      expect((refused as unknown as { details: unknown }).details).toMatchObject({
        change: 'timeZone',
        why: 'noSuchTime',
        timeZone: 'America/New_York',
        reservations: [{ date: '2031-03-09', time: '02:30', table: 'A1' }],
      });
      expect(refused.issues).toEqual([expect.objectContaining({ path: 'timeZone', code: 'no_such_time_in_new_zone', table: 'A1' })]);
      expect(await api.reservation.byId({ restaurantId: id, reservationId: gap.id })).toMatchObject({
        startsAt: '2031-03-09T02:30:00-05:00',
      });
      // Once that turn is moved, the zone changes; the cancelled 02:30 keeps its instants (no rule counts it).
      await api.reservation.update({ restaurantId: id, reservationId: gap.id, time: '03:30' });
      await api.restaurant.update({ id, ...body('Salto', { hours: everyDay('00:00', '06:00') }), timeZone: 'America/New_York' });
      expect(await api.reservation.byId({ restaurantId: id, reservationId: gap.id })).toMatchObject({
        time: '03:30',
        startsAt: '2031-03-09T03:30:00-04:00',
      });
    });

    it('holds the table rule in the database for every writer: an overlapping insert in SQL is refused', async () => {
      const { id } = await api.restaurant.create(body('Restriccion'));
      await api.reservation.create({ restaurantId: id, date: '2031-03-13', time: '19:00', table: 'A1' });
      const insert = database().db.execute(
        sql`insert into reservations (restaurant_id, table_label, date, start_time, duration_minutes, starts_at, ends_at)
            values (${id}, 'A1', '2031-03-13', '19:30', 60, '2031-03-14T00:30:00Z', '2031-03-14T01:30:00Z')`,
      );
      // The table rule's error names its reason (the trigger says it before the exclusion constraint does).
      await expect(insert).rejects.toMatchObject({
        cause: expect.objectContaining({
          code: '23P01',
          constraint: 'reservations_table_no_overlap',
          message: expect.stringMatching(/^TABLE_ALREADY_BOOKED: table A1 is already held/),
        }),
      });
    });
  });
}
