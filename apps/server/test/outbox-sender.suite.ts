// The outbox's sender in this process, on a clock the test moves, against a real SMTP server (the sink)
// and a real HTTP receiver that checks signatures with the Standard Webhooks library: reminders at their
// time, moved, dropped; refused bookings queue nothing; webhook retries and signatures; dead after the
// last attempt; a channel without a transport is never claimed. The same on PGlite and PostgreSQL.
import {
  appRouter,
  createCallerFactory,
  createContext,
  createOutboxSender,
  newWebhookSecret,
  updateStoredLimits,
  type OutboxSender,
  type OutboxSenderOptions,
} from '@tablebook/api';
import { createDb, migrate, queryRows, type DatabaseHandle } from '@tablebook/db';
import { createTestDatabase, migratedPgliteImage, type TestDatabase } from '@tablebook/testing';
import { sql } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSmtpTransport } from '../src/outbox/smtp-transport.ts';
import { createWebhookTransport } from '../src/outbox/webhook-transport.ts';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink.ts';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver.ts';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const HOUR = 3_600_000;
const MINUTE = 60_000;

const restaurantBody = (name: string, timed = true) => ({
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
  ...(timed ? { hours: WEEKDAYS.map((day) => ({ day, opens: '12:00', closes: '23:30' })) } : {}),
});

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

interface Row {
  id: string;
  kind: string;
  channel: string;
  status: string;
  attempts: number;
  reminder_minutes: number;
  last_error: string | null;
  due_at: string;
}

export function outboxSenderSuite(driver: 'pglite' | 'postgres', postgresUrl: string) {
  describe(`the outbox sender on ${driver}`, () => {
    let handle: DatabaseHandle;
    let testDatabase: TestDatabase | undefined;
    let sink: SmtpSink;
    let receiver: WebhookReceiver;
    /** The sender's clock and the booking's "now": both moved by the tests. */
    let clock = new Date('2031-03-01T17:00:00Z');
    const senders: OutboxSender[] = [];
    const smtp: ReturnType<typeof createSmtpTransport>[] = [];

    const api = () =>
      createCallerFactory(appRouter)(createContext({ db: handle.db, settings: { timeZone: 'America/Bogota' }, now: () => clock }));

    const makeSender = (overrides: Partial<OutboxSenderOptions> = {}) => {
      const email = createSmtpTransport({ url: sink.url });
      smtp.push(email);
      const sender = createOutboxSender({
        db: handle.db,
        transports: { email, webhook: createWebhookTransport({ timeoutMs: 5000 }) },
        email: { mailFrom: 'Tablebook Test <reservas@mesa.example>', publicUrl: 'http://tablebook.test' },
        allowPrivateWebhooks: true,
        now: () => clock,
        pollMs: 100,
        leaseSeconds: 60,
        maxAttempts: 8,
        logger: silent,
        ...overrides,
      });
      senders.push(sender);
      return sender;
    };

    const rowsOf = (reservationId: string) =>
      queryRows<Row>(
        handle.db,
        sql`select id, kind, channel, status, attempts, reminder_minutes, last_error, due_at::text
              from outbox_messages where reservation_id = ${reservationId} order by created_at, kind, reminder_minutes`,
      );

    beforeAll(async () => {
      if (driver === 'postgres') {
        testDatabase = await createTestDatabase(postgresUrl);
        handle = createDb(testDatabase.url);
      } else {
        // From the run's migrated image (tooling/testing's pglite-image.ts); migrate() then finds nothing to do.
        const image = await migratedPgliteImage();
        handle = createDb('memory://', image ? { pgliteImage: image } : {});
      }
      await migrate(handle);
      await updateStoredLimits(handle.db, { restaurantDailyLimit: 100, globalDailyLimit: 1000 });
      [sink, receiver] = await Promise.all([startSmtpSink(), startWebhookReceiver()]);
    });
    afterEach(async () => {
      await handle.db.execute(sql`delete from webhook_endpoints`);
      sink.refuseRecipient = () => null;
      sink.answerDelayMs = 0;
      receiver.failFirst = 0;
    });
    afterAll(async () => {
      for (const sender of senders) await sender.stop();
      for (const transport of smtp) await transport.close?.();
      await Promise.all([sink?.close(), receiver?.close()]);
      await handle?.close();
      await testDatabase?.drop();
    });

    it('sends a reminder at its time, moves it with the reservation (the old one dropped), and none after a cancel', async () => {
      clock = new Date('2031-03-01T17:00:00Z');
      const sender = makeSender();
      const { id: restaurantId } = await api().restaurant.create(restaurantBody('Recordatorios'));
      const to = `ana.${driver}@example.com`;
      const booked = await api().reservation.create({
        restaurantId,
        date: '2031-03-04',
        time: '19:30',
        partySize: 2,
        guestName: 'Ana Gómez',
        guestEmail: to,
        language: 'en',
      });
      const startsAt = Date.parse(booked.startsAt);
      expect(new Date(startsAt).toISOString()).toBe('2031-03-05T00:30:00.000Z');
      expect((await rowsOf(booked.id)).map((row) => `${row.kind}:${row.reminder_minutes}:${row.status}`)).toEqual([
        'confirmation:0:pending',
        'reminder:120:pending',
        'reminder:1440:pending',
      ]);

      // The confirmation is due at once; the reminders wait for their time.
      expect(await sender.runOnce()).toMatchObject({ claimed: 1, sent: 1 });
      const [confirmation] = await sink.waitFor((email) => email.to === to);
      expect(confirmation!.subject).toMatch(/^Reservation confirmed at Recordatorios/);
      expect(confirmation!.text).toContain('19:30');
      expect(confirmation!.text).toMatch(/http:\/\/tablebook\.test\/cancel\?token=[A-Za-z0-9_-]{43}/);
      expect(confirmation!.messageId).toMatch(/^<[0-9a-f-]{36}@mesa\.example>$/);
      expect(confirmation!.headers.get('content-language')).toBe('en');

      clock = new Date(startsAt - 24 * HOUR - 1000);
      expect((await sender.runOnce()).claimed).toBe(0);
      clock = new Date(startsAt - 24 * HOUR);
      expect(await sender.runOnce()).toMatchObject({ claimed: 1, sent: 1 });
      const [dayBefore] = await sink.waitFor((email) => email.to === to && /^Reminder/.test(email.subject));
      expect(dayBefore!.text).toContain('19:30');

      // Moved to 21:00: the change is told at once; the 2-hour reminder of 19:30 is dropped, 21:00's are planned.
      clock = new Date(startsAt - 23 * HOUR);
      const moved = await api().reservation.update({ restaurantId, reservationId: booked.id, time: '21:00' });
      const newStart = Date.parse(moved.startsAt);
      expect(newStart - startsAt).toBe(90 * MINUTE);
      expect(await sender.runOnce()).toMatchObject({ claimed: 1, sent: 1 });
      await sink.waitFor((email) => email.to === to && /changed/.test(email.subject));

      clock = new Date(startsAt - 2 * HOUR);
      // The new day-before reminder (21:00 - 24 h, an hour and a half ago by now) and nothing for 19:30.
      expect(await sender.runOnce()).toMatchObject({ claimed: 1, sent: 1 });
      clock = new Date(newStart - 2 * HOUR - 1000);
      expect((await sender.runOnce()).claimed).toBe(0);
      clock = new Date(newStart - 2 * HOUR);
      expect(await sender.runOnce()).toMatchObject({ claimed: 1, sent: 1 });
      const reminders = sink.to(to).filter((email) => /^Reminder/.test(email.subject));
      expect(reminders).toHaveLength(3);
      expect(reminders.slice(1).every((email) => email.text.includes('21:00') && !email.text.includes('19:30'))).toBe(true);
      const rows = await rowsOf(booked.id);
      expect(
        rows
          .filter((row) => row.kind === 'reminder')
          .map((row) => `${row.reminder_minutes}:${row.status}`)
          .sort(),
      ).toEqual(['120:dropped', '120:sent', '1440:sent', '1440:sent']);

      // Another booking, cancelled: its cancellation is sent, its reminders never are.
      clock = new Date('2031-03-01T17:00:00Z');
      const other = `luis.${driver}@example.com`;
      const second = await api().reservation.create({
        restaurantId,
        date: '2031-03-06',
        time: '20:00',
        guestName: 'Luis',
        guestEmail: other,
      });
      await api().reservation.cancel({ restaurantId, reservationId: second.id, reason: 'plans changed' });
      expect(await sender.runOnce()).toMatchObject({ claimed: 2, sent: 2 });
      clock = new Date(Date.parse(second.startsAt) - 30 * MINUTE);
      expect((await sender.runOnce()).claimed).toBe(0);
      const told = sink.to(other);
      expect(told.map((email) => email.subject.replace(/ en .*/, '')).sort()).toEqual(['Reserva cancelada', 'Reserva confirmada']);
      // No cancel link in a cancellation.
      expect(told.find((email) => /^Reserva cancelada/.test(email.subject))!.text).not.toContain('/cancel?token=');
      expect((await rowsOf(second.id)).filter((row) => row.kind === 'reminder').map((row) => row.status)).toEqual(['dropped', 'dropped']);
    });

    it('claims no more e-mail than its slots, and never claims again a row it is still sending, even once its lease ran out', async () => {
      clock = new Date('2031-03-01T17:00:00Z');
      const sender = makeSender({ slots: { email: 2 } });
      const { id: restaurantId } = await api().restaurant.create(restaurantBody('Ranuras', false));
      const ids: string[] = [];
      for (const day of ['2031-10-01', '2031-10-02', '2031-10-03']) {
        const booked = await api().reservation.create({
          restaurantId,
          date: day,
          table: 'A1',
          guestName: 'S',
          guestEmail: `slot.${day}.${driver}@example.com`,
        });
        ids.push(booked.id);
      }
      const confirmations = async () =>
        (await Promise.all(ids.map(rowsOf)))
          .flat()
          .filter((row) => row.kind === 'confirmation')
          .map((row) => row.status)
          .sort();
      sink.answerDelayMs = 1500;
      const running = sender.runOnce();
      const deadline = Date.now() + 5000;
      while (!(await confirmations()).includes('sending') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      // Two slots: two sending, the third waits in the queue (not in the SMTP pool's).
      expect(await confirmations()).toEqual(['pending', 'sending', 'sending']);
      // Their leases run out while the SMTP server is still answering: this sender does not take them again.
      clock = new Date(clock.getTime() + 61_000);
      expect((await sender.runOnce()).claimed).toBe(0);
      expect(await running).toMatchObject({ claimed: 3, sent: 3 });
      const received = sink.received.filter((email) => email.to.startsWith('slot.') && email.to.endsWith(`.${driver}@example.com`));
      expect(received).toHaveLength(3);
      expect(new Set(received.map((email) => email.messageId)).size).toBe(3);
      expect(await confirmations()).toEqual(['sent', 'sent', 'sent']);
    });

    it('after an outage sends only the reminder nearest the start, saying the time really left, from the booking and restaurant as they are now', async () => {
      clock = new Date('2031-03-01T17:00:00Z');
      const sender = makeSender();
      const { id: restaurantId } = await api().restaurant.create(restaurantBody('Antes del cambio'));
      const to = `tarde.rec.${driver}@example.com`;
      const booked = await api().reservation.create({
        restaurantId,
        date: '2031-03-20',
        time: '20:00',
        partySize: 2,
        table: 'A1',
        guestName: 'Rita',
        guestEmail: to,
        language: 'en',
      });
      expect(await sender.runOnce()).toMatchObject({ sent: 1 });
      // Edited since it was queued: a bigger party at another table (told at once as a change), a renamed restaurant.
      await api().reservation.update({ restaurantId, reservationId: booked.id, partySize: 5, table: 'B1' });
      expect(await sender.runOnce()).toMatchObject({ sent: 1 });
      await handle.db.execute(
        sql`update restaurants set name = 'Después del cambio', address = 'Calle 10 # 4-20' where id = ${restaurantId}`,
      );
      // The sender was down from before the 24-hour reminder until 90 minutes before the start: both are due.
      clock = new Date(Date.parse(booked.startsAt) - 90 * MINUTE);
      expect(await sender.runOnce()).toMatchObject({ claimed: 2, sent: 1, dropped: 1 });
      const reminders = sink.to(to).filter((email) => /^Reminder/.test(email.subject));
      expect(reminders).toHaveLength(1);
      const [reminder] = reminders;
      expect(reminder!.subject).toContain('Después del cambio');
      for (const body of [reminder!.text, reminder!.html]) {
        expect(body).toContain('in 1 hour and 30 minutes');
        expect(body).not.toMatch(/in 2 hours|in 24 hours/);
        expect(body).toContain('Calle 10 # 4-20');
        expect(body).toContain('5 people');
        expect(body).toContain('B1');
        expect(body).not.toContain('Antes del cambio');
      }
      const rows = (await rowsOf(booked.id)).filter((row) => row.kind === 'reminder');
      expect(rows.map((row) => `${row.reminder_minutes}:${row.status}:${row.status === 'dropped' ? row.last_error : ''}`).sort()).toEqual([
        '120:sent:',
        '1440:dropped:a later reminder is due',
      ]);
    });

    it('plans no reminder for a whole-day booking', async () => {
      clock = new Date('2031-03-01T17:00:00Z');
      const sender = makeSender();
      const { id: restaurantId } = await api().restaurant.create(restaurantBody('Todo el día', false));
      const to = `dia.${driver}@example.com`;
      const booked = await api().reservation.create({ restaurantId, date: '2031-03-10', table: 'A1', guestName: 'Día', guestEmail: to });
      expect(booked.time).toBeNull();
      expect((await rowsOf(booked.id)).map((row) => row.kind)).toEqual(['confirmation']);
      await sender.runOnce();
      clock = new Date('2031-03-10T12:00:00Z');
      await sender.runOnce();
      expect(sink.to(to).map((email) => email.subject)).toEqual([expect.stringMatching(/^Reserva confirmada/)]);
    });

    it("drops a reminder at send time when another writer cancelled, deleted or started the reservation (the database's word, not the queue's)", async () => {
      clock = new Date('2031-03-01T17:00:00Z');
      const sender = makeSender();
      const { id: restaurantId } = await api().restaurant.create(restaurantBody('Escritores'));
      const book = (date: string, to: string) =>
        api().reservation.create({ restaurantId, date, time: '19:00', guestName: 'X', guestEmail: to });
      const cancelled = await book('2031-04-01', `c.${driver}@example.com`);
      const deleted = await book('2031-04-02', `d.${driver}@example.com`);
      const late = await book('2031-04-03', `l.${driver}@example.com`);
      expect((await sender.runOnce()).sent).toBe(3);
      // Behind the queue's back (an admin's SQL, another tool): no event, no queue update.
      await handle.db.execute(sql`update reservations set status = 'cancelled' where id = ${cancelled.id}`);
      await handle.db.execute(sql`delete from reservations where id = ${deleted.id}`);
      // The sender was down until after the third one started.
      clock = new Date(Date.parse(late.startsAt) + MINUTE);
      const summary = await sender.runOnce();
      expect(summary).toMatchObject({ claimed: 6, sent: 0, dropped: 6 });
      const reasons = async (id: string) => [
        ...new Set((await rowsOf(id)).filter((row) => row.kind === 'reminder').map((row) => row.last_error)),
      ];
      expect(await reasons(cancelled.id)).toEqual(['the reservation is cancelled']);
      expect(await reasons(deleted.id)).toEqual(['the reservation is gone']);
      expect(await reasons(late.id)).toEqual(['the reservation has already started']);
      expect(
        sink.received.filter(
          (email) => /^Recordatorio/.test(email.subject) && /@example\.com$/.test(email.to) && email.to.startsWith('c.'),
        ),
      ).toEqual([]);
    });

    it('queues nothing for a refused (rolled-back) booking', async () => {
      clock = new Date('2031-03-01T17:00:00Z');
      const { id: restaurantId } = await api().restaurant.create(restaurantBody('Rechazos'));
      const count = async () => (await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from outbox_messages`))[0]!.n;
      await api().reservation.create({
        restaurantId,
        date: '2031-05-01',
        time: '20:00',
        table: 'A1',
        guestName: 'Uno',
        guestEmail: 'uno@example.com',
      });
      const before = await count();
      const attempts = [
        { table: 'A1', time: '20:30' }, // the table is taken
        { partySize: 12, time: '20:00' }, // no table seats them
        { time: '03:00' }, // closed
      ];
      for (const attempt of attempts) {
        await expect(
          api().reservation.create({ restaurantId, date: '2031-05-01', guestName: 'Rechazado', guestEmail: 'no@example.com', ...attempt }),
        ).rejects.toThrow();
      }
      await updateStoredLimits(handle.db, { restaurantDailyLimit: 1 });
      try {
        await expect(
          api().reservation.create({ restaurantId, date: '2031-05-01', time: '13:00', guestName: 'Límite', guestEmail: 'no@example.com' }),
        ).rejects.toMatchObject({ reason: 'RESTAURANT_DAILY_LIMIT' });
      } finally {
        await updateStoredLimits(handle.db, { restaurantDailyLimit: 100 });
      }
      expect(await count()).toBe(before);
      expect((await queryRows(handle.db, sql`select 1 from outbox_messages where recipient = 'no@example.com'`)).length).toBe(0);
    });

    it('delivers webhooks signed per Standard Webhooks (either secret during a rotation), retrying after 500s until a 2xx', async () => {
      clock = new Date('2031-03-01T17:00:00Z');
      const sender = makeSender({ transports: { webhook: createWebhookTransport({ timeoutMs: 5000 }) } });
      const oldSecret = newWebhookSecret();
      const secret = newWebhookSecret();
      // The receiver still holds the old secret: the rotation's previous secret signs too, for a day.
      receiver.secrets.splice(0, receiver.secrets.length, oldSecret);
      receiver.failFirst = 2;
      await handle.db.execute(sql`
        insert into webhook_endpoints (url, events, secret, previous_secret, previous_secret_until)
        values (${receiver.url}, '["reservation.created","reservation.cancelled"]'::jsonb, ${secret}, ${oldSecret}, ${'2031-03-02T17:00:00Z'}::timestamptz)`);
      const { id: restaurantId } = await api().restaurant.create(restaurantBody('Ganchos'));
      const booked = await api().reservation.create({ restaurantId, date: '2031-06-01', time: '19:00', guestName: 'W' });
      const [row] = (await rowsOf(booked.id)).filter((r) => r.channel === 'webhook');
      expect(row).toMatchObject({ kind: 'confirmation', status: 'pending' });
      const webhookId = `msg_${row!.id}`;

      expect(await sender.runOnce()).toMatchObject({ claimed: 1, failed: 1 });
      const afterFirst = (await rowsOf(booked.id)).find((r) => r.id === row!.id)!;
      expect(afterFirst).toMatchObject({ status: 'pending', attempts: 1, last_error: 'the endpoint answered HTTP 500' });
      // Backed off: not due again at once.
      expect((await sender.runOnce()).claimed).toBe(0);
      clock = new Date(clock.getTime() + HOUR);
      expect(await sender.runOnce()).toMatchObject({ claimed: 1, failed: 1 });
      clock = new Date(clock.getTime() + HOUR);
      expect(await sender.runOnce()).toMatchObject({ claimed: 1, sent: 1 });

      const deliveries = receiver.deliveries.filter((delivery) => delivery.id === webhookId);
      expect(deliveries.map((delivery) => delivery.answered)).toEqual([500, 500, 204]);
      for (const delivery of deliveries) {
        expect(delivery.verifyError).toBeNull();
        expect(delivery.contentType).toBe('application/json');
        expect(delivery.signature.split(' ')).toHaveLength(2);
        expect(delivery.verified).toMatchObject({
          type: 'reservation.created',
          timestamp: expect.stringMatching(/Z$/),
          data: { restaurantId, reservation: { id: booked.id, time: '19:00', status: 'confirmed' } },
        });
      }
      expect(new Set(deliveries.map((delivery) => delivery.body)).size).toBe(1);
      const attempts = await queryRows<{ attempt: number; ok: boolean; response_status: number | null }>(
        handle.db,
        sql`select attempt, ok, response_status from outbox_attempts where message_id = ${row!.id} order by attempt`,
      );
      expect(attempts).toEqual([
        { attempt: 1, ok: false, response_status: 500 },
        { attempt: 2, ok: false, response_status: 500 },
        { attempt: 3, ok: true, response_status: 204 },
      ]);

      // After the rotation's day, only the new secret signs: the old one no longer verifies.
      clock = new Date('2031-03-03T00:00:00Z');
      receiver.failFirst = 0;
      receiver.secrets.splice(0, receiver.secrets.length, secret);
      await api().reservation.cancel({ restaurantId, reservationId: booked.id });
      expect((await sender.runOnce()).sent).toBe(1);
      const cancelled = receiver.deliveries.at(-1)!;
      expect(cancelled).toMatchObject({ verifyError: null, answered: 204, verified: { type: 'reservation.cancelled' } });
      expect(cancelled.signature.split(' ')).toHaveLength(1);
      const headers = { 'webhook-id': cancelled.id, 'webhook-timestamp': cancelled.timestamp, 'webhook-signature': cancelled.signature };
      expect(() => new Webhook(oldSecret).verify(cancelled.body, headers)).toThrow();
    });

    it('refuses to deliver to a private address without WEBHOOKS_ALLOW_PRIVATE', async () => {
      clock = new Date('2031-03-01T17:00:00Z');
      const sender = makeSender({ allowPrivateWebhooks: false, transports: { webhook: createWebhookTransport() } });
      await handle.db.execute(sql`
        insert into webhook_endpoints (url, events, secret) values (${receiver.url}, '["*"]'::jsonb, ${newWebhookSecret()})`);
      const { id: restaurantId } = await api().restaurant.create(restaurantBody('Privado'));
      const before = receiver.deliveries.length;
      const booked = await api().reservation.create({ restaurantId, date: '2031-06-02', time: '19:00', guestName: 'P' });
      expect(await sender.runOnce()).toMatchObject({ claimed: 1, failed: 1 });
      const [row] = (await rowsOf(booked.id)).filter((r) => r.channel === 'webhook');
      expect(row!.last_error).toMatch(/^refused to deliver: /);
      expect(receiver.deliveries.length).toBe(before);
    });

    it('gives a message up as dead after OUTBOX_MAX_ATTEMPTS of a 4xx, each attempt recorded with the SMTP reply', async () => {
      clock = new Date('2031-03-01T17:00:00Z');
      const sender = makeSender({ maxAttempts: 3 });
      sink.refuseRecipient = (to) => (to === `never.${driver}@example.com` ? 452 : null);
      const { id: restaurantId } = await api().restaurant.create(restaurantBody('Muertos'));
      const booked = await api().reservation.create({
        restaurantId,
        date: '2031-07-01',
        guestName: 'Never',
        guestEmail: `never.${driver}@example.com`,
        table: 'A1',
        time: '19:00',
      });
      const outcomes = [];
      for (let round = 0; round < 3; round += 1) {
        outcomes.push(await sender.runOnce());
        clock = new Date(clock.getTime() + HOUR);
      }
      expect(outcomes.map((summary) => [summary.failed, summary.dead])).toEqual([
        [1, 0],
        [1, 0],
        [0, 1],
      ]);
      const [row] = (await rowsOf(booked.id)).filter((r) => r.kind === 'confirmation');
      expect(row).toMatchObject({ status: 'dead', attempts: 3 });
      expect(row!.last_error).toMatch(/452/);
      const attempts = await queryRows<{ response_status: number }>(
        handle.db,
        sql`select response_status from outbox_attempts where message_id = ${row!.id} order by attempt`,
      );
      expect(attempts.map((attempt) => attempt.response_status)).toEqual([452, 452, 452]);
      // Dead stays dead.
      clock = new Date(clock.getTime() + 24 * HOUR);
      await sender.runOnce();
      expect((await rowsOf(booked.id)).find((r) => r.id === row!.id)).toMatchObject({ status: 'dead', attempts: 3 });
    });

    it('gives a message up at once on a permanent SMTP refusal (550 unknown recipient), not retried', async () => {
      clock = new Date('2031-03-01T17:00:00Z');
      const sender = makeSender({ maxAttempts: 18 });
      sink.refuseRecipient = (to) => (to === `unknown.${driver}@example.com` ? 550 : null);
      const { id: restaurantId } = await api().restaurant.create(restaurantBody('Desconocido'));
      const booked = await api().reservation.create({
        restaurantId,
        date: '2031-07-02',
        guestName: 'Unknown',
        guestEmail: `unknown.${driver}@example.com`,
        table: 'A1',
        time: '19:00',
      });
      expect(await sender.runOnce()).toMatchObject({ claimed: 1, failed: 0, dead: 1 });
      const [row] = (await rowsOf(booked.id)).filter((r) => r.kind === 'confirmation');
      expect(row).toMatchObject({ status: 'dead', attempts: 1 });
      expect(row!.last_error).toMatch(/550/);
      clock = new Date(clock.getTime() + 24 * HOUR);
      await sender.runOnce();
      expect((await rowsOf(booked.id)).find((r) => r.id === row!.id)).toMatchObject({ status: 'dead', attempts: 1 });
    });

    it('runs on its own once started, and stop() waits for the sends in flight, bounded (a send still hanging keeps its lease)', async () => {
      clock = new Date('2031-03-01T17:00:00Z');
      const sender = makeSender({ pollMs: 50, stopTimeoutMs: 400 });
      const { id: restaurantId } = await api().restaurant.create(restaurantBody('En marcha'));
      sender.start();
      const to = `loop.${driver}@example.com`;
      const startedAt = Date.now();
      await api().reservation.create({ restaurantId, date: '2031-09-01', time: '19:00', guestName: 'L', guestEmail: to });
      await sink.waitFor((email) => email.to === to, 1, 5000);
      expect(Date.now() - startedAt).toBeLessThan(2000);

      sink.mode = 'hold';
      const hung = await api().reservation.create({
        restaurantId,
        date: '2031-09-02',
        time: '19:00',
        guestName: 'H',
        guestEmail: `hang.${driver}@example.com`,
      });
      const deadline = Date.now() + 5000;
      while (sink.holding === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(sink.holding).toBeGreaterThan(0);
      const stopping = Date.now();
      await sender.stop();
      const stoppedIn = Date.now() - stopping;
      expect(stoppedIn).toBeGreaterThanOrEqual(350);
      expect(stoppedIn).toBeLessThan(1500);
      const [row] = (await rowsOf(hung.id)).filter((r) => r.kind === 'confirmation');
      expect(row).toMatchObject({ status: 'sending', attempts: 1 });
      sink.mode = 'accept';
      // Stopped: nothing more is claimed.
      const after = await api().reservation.create({
        restaurantId,
        date: '2031-09-03',
        time: '19:00',
        guestName: 'A',
        guestEmail: `after.${driver}@example.com`,
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await rowsOf(after.id)).find((r) => r.kind === 'confirmation')).toMatchObject({ status: 'pending', attempts: 0 });
      // What it left is still sent, by the next sender once the lease runs out.
      clock = new Date(clock.getTime() + 61_000);
      expect(await makeSender().runOnce()).toMatchObject({ sent: 2 });
      await sink.waitFor((email) => email.to === `hang.${driver}@example.com`, 1, 5000);
    });

    it('never claims e-mail without an e-mail transport (SMTP_URL unset): the rows stay pending', async () => {
      clock = new Date('2031-03-01T17:00:00Z');
      const sender = makeSender({ transports: { webhook: createWebhookTransport() } });
      expect(sender.channels).toEqual(['webhook']);
      const { id: restaurantId } = await api().restaurant.create(restaurantBody('Sin correo'));
      const booked = await api().reservation.create({
        restaurantId,
        date: '2031-08-01',
        time: '19:00',
        guestName: 'S',
        guestEmail: `s.${driver}@example.com`,
      });
      expect((await sender.runOnce()).claimed).toBe(0);
      expect((await rowsOf(booked.id)).map((row) => `${row.kind}:${row.status}:${row.attempts}`)).toContain('confirmation:pending:0');
      expect(sink.to(`s.${driver}@example.com`)).toEqual([]);
    });

    it('tells no guest of a visit that is over (e-mail kept until after it), while its webhook is still delivered', async () => {
      clock = new Date('2031-03-01T17:00:00Z');
      const { id: restaurantId } = await api().restaurant.create(restaurantBody('Tarde'));
      await handle.db.execute(sql`
        insert into webhook_endpoints (url, events, secret) values (${receiver.url}, '["*"]'::jsonb, ${newWebhookSecret()})`);
      const to = `tarde.${driver}@example.com`;
      const booked = await api().reservation.create({ restaurantId, date: '2031-09-01', time: '19:00', guestName: 'T', guestEmail: to });
      // Nothing ran until the turn had ended (SMTP_URL set only then, or a long outage).
      clock = new Date(Date.parse(booked.endsAt) + MINUTE);
      const before = receiver.deliveries.length;
      const sender = makeSender();
      // Earlier tests' rows fall due at this clock too: run until the queue is drained.
      while ((await sender.runOnce()).claimed > 0);
      const rows = await rowsOf(booked.id);
      expect(rows.filter((row) => row.channel === 'email').map((row) => `${row.kind}:${row.status}:${row.last_error}`)).toEqual([
        'confirmation:dropped:the visit is over',
        'reminder:dropped:the reservation has already started',
        'reminder:dropped:the reservation has already started',
      ]);
      // Attempted, not dropped (the receiver refuses its 2031 timestamp as too far from its own clock: that is its tolerance at work).
      expect(rows.find((row) => row.channel === 'webhook')).toMatchObject({ attempts: 1 });
      expect(rows.find((row) => row.channel === 'webhook')?.status).not.toBe('dropped');
      expect(receiver.deliveries.length).toBeGreaterThan(before);
      expect(sink.to(to)).toEqual([]);
    });
  });
}
