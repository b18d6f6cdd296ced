// The guest's e-mail end to end (issue 17): the real server process (main.ts, its outbox sender
// included) with SMTP_URL pointing at a real SMTP server of the test's own. A guest books with an
// e-mail address; the confirmation arrives within 5 s in the booking's language, with the restaurant's
// local time on a 24-hour clock and a cancel link; the link's token cancels the booking over the API,
// and the cancellation e-mail follows.
import { createTestDatabase, spawnServer, type SpawnedServer, type TestDatabase } from '@tablebook/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectSuccessEnvelope, request, restaurantBody } from './helpers.ts';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink.ts';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** A day `days` ahead on Bogotá's calendar. */
const bogotaDay = (days: number) => new Date(Date.now() - 5 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

describe('e-mail to the guest, through the real server process', () => {
  let sink: SmtpSink;
  let server: SpawnedServer;
  let database: TestDatabase | undefined;

  beforeAll(async () => {
    sink = await startSmtpSink();
    const postgresUrl = inject('postgresUrl');
    database = postgresUrl ? await createTestDatabase(postgresUrl) : undefined;
    server = await spawnServer({
      DATABASE_URL: database?.url ?? 'memory://',
      RATE_LIMIT: 'off',
      SMTP_URL: sink.url,
      OUTBOX_POLL_MS: '250',
    });
  });
  afterAll(async () => {
    await server?.stop();
    await sink?.close();
    await database?.drop();
  });

  it('confirms in the booking language at the local 24-hour time with a cancel link that cancels, and tells the cancellation', async () => {
    const call = (method: string, path: string, options?: Parameters<typeof request>[3]) => request(server.url, method, path, options);
    const restaurant = expectSuccessEnvelope(
      await call('POST', '/api/admin/restaurant', {
        json: restaurantBody({
          name: 'Mar Caribe',
          address: 'Calle 5 # 8-21, Cartagena',
          tables: [
            { label: 'A1', seats: 2 },
            { label: 'A2', seats: 4 },
          ],
          hours: WEEKDAYS.map((day) => ({ day, opens: '12:00', closes: '23:00' })),
        }),
      }),
      201,
    );
    const date = bogotaDay(10);
    const to = 'ana.gomez@example.com';
    const booked = await call('POST', `/api/restaurants/${restaurant.id}/reservations`, {
      json: { date, time: '19:30', partySize: 3, guestName: 'Ana Gómez', guestEmail: to, language: 'en' },
    });
    const bookedAt = Date.now();
    const reservation = expectSuccessEnvelope(booked, 201);

    const [confirmation] = await sink.waitFor((email) => email.to === to, 1, 5000);
    const delay = confirmation!.receivedAt - bookedAt;
    console.info(`[outbox/e-mail] confirmation received ${delay} ms after the booking's answer`);
    expect(delay).toBeLessThan(5000);
    expect(confirmation!.subject).toMatch(/^Reservation confirmed at Mar Caribe/);
    expect(confirmation!.from).toContain('no-reply@tablebook.invalid');
    expect(confirmation!.messageId).toMatch(/^<[0-9a-f-]{36}@tablebook\.invalid>$/);
    for (const body of [confirmation!.text, confirmation!.html]) {
      expect(body).toContain('Mar Caribe');
      expect(body).toContain('Cartagena');
      // The restaurant's clock (Bogotá), 24-hour, whatever the server's zone.
      expect(body).toContain('19:30');
      expect(body).not.toMatch(/7:30\s*PM/i);
    }
    const link = /(http:\/\/127\.0\.0\.1:\d+\/cancel\?token=[A-Za-z0-9_-]+)/.exec(confirmation!.text)?.[1];
    expect(link, confirmation!.text).toBeDefined();
    // PUBLIC_URL unset: http://HOST:PORT, this server.
    expect(link!.startsWith(`${server.url}/cancel?token=`)).toBe(true);
    expect(confirmation!.html).toContain(link!.replaceAll('&', '&amp;'));

    // Following the link: the page posts its token to the guest cancel.
    const token = new URL(link!).searchParams.get('token')!;
    const cancelled = expectSuccessEnvelope(await call('POST', '/api/reservations/cancel', { json: { cancelToken: token } }));
    expect(cancelled).toMatchObject({ id: reservation.id, status: 'cancelled' });
    const [cancellation] = await sink.waitFor((email) => email.to === to && /cancelled/i.test(email.subject), 1, 5000);
    expect(cancellation!.subject).toMatch(/^Reservation cancelled at Mar Caribe/);
    expect(cancellation!.text).toContain('19:30');
    expect(cancellation!.text).not.toContain('/cancel?token=');
    expect(cancellation!.messageId).not.toBe(confirmation!.messageId);
    // The same link again: the booking is already cancelled.
    const again = await call('POST', '/api/reservations/cancel', { json: { cancelToken: token } });
    expect(again.status).toBe(409);
    // Exactly two e-mails for the guest: no reminder for a cancelled booking, nothing twice.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(sink.to(to)).toHaveLength(2);
  });

  it('writes to a guest who gave no language in es-CO, the default', async () => {
    const call = (method: string, path: string, options?: Parameters<typeof request>[3]) => request(server.url, method, path, options);
    const restaurant = expectSuccessEnvelope(
      await call('POST', '/api/admin/restaurant', {
        json: restaurantBody({ name: 'La Cevichería', hours: WEEKDAYS.map((day) => ({ day, opens: '12:00', closes: '23:00' })) }),
      }),
      201,
    );
    const to = 'luis@example.com';
    expectSuccessEnvelope(
      await call('POST', `/api/restaurants/${restaurant.id}/reservations`, {
        json: { date: bogotaDay(12), time: '21:30', guestName: 'Luis', guestEmail: to },
      }),
      201,
    );
    const [email] = await sink.waitFor((received) => received.to === to, 1, 5000);
    expect(email!.subject).toMatch(/^Reserva confirmada en La Cevichería/);
    expect(email!.text).toContain('21:30');
    expect(email!.headers.get('content-language')).toBe('es-CO');
  });

  it("logs a failed attempt as an error with a readable message, the guest's address redacted", async () => {
    const call = (method: string, path: string, options?: Parameters<typeof request>[3]) => request(server.url, method, path, options);
    const restaurant = expectSuccessEnvelope(
      await call('POST', '/api/admin/restaurant', {
        json: restaurantBody({ name: 'Buzón lleno', hours: WEEKDAYS.map((day) => ({ day, opens: '12:00', closes: '23:00' })) }),
      }),
      201,
    );
    const to = 'refused.guest@example.com';
    sink.refuseRecipient = (address) => (address === to ? 451 : null);
    try {
      expectSuccessEnvelope(
        await call('POST', `/api/restaurants/${restaurant.id}/reservations`, {
          json: { date: bogotaDay(14), time: '20:00', guestName: 'Refused', guestEmail: to },
        }),
        201,
      );
      const deadline = Date.now() + 10_000;
      let lines: Record<string, unknown>[] = [];
      while (Date.now() < deadline) {
        lines = server
          .output()
          .split('\n')
          .filter((line) => line.includes('outbox message failed'))
          .map((line) => JSON.parse(line) as Record<string, unknown>);
        if (lines.length > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(lines.length).toBeGreaterThan(0);
      const [line] = lines;
      expect(line).toMatchObject({ channel: 'email', kind: 'confirmation', attempt: 1, responseStatus: 451 });
      const err = line!['err'] as { type: string; message: string };
      expect(err.type).toBe('OutboxAttemptError');
      // The SMTP reply, readable, with the address it quoted redacted.
      expect(err.message).toMatch(/451/);
      expect(err.message).toContain('[email]');
      expect(JSON.stringify(line)).not.toContain(to);
      expect(server.output()).not.toContain(to);
    } finally {
      sink.refuseRecipient = () => null;
    }
  });
});
