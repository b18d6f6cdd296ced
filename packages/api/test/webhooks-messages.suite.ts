import { outboxMessages, queryRows, webhookEndpoints } from '@tablebook/db';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { issuesFromZod, zodIssuesOf, type IssueDetail } from '../src/errors.ts';
import { updateStoredLimits } from '../src/services/settings.ts';
import { callerFor, dayGenerator, expectRefusal, useDatabase, type Driver } from './helpers.ts';

/** Noon in Bogotá on Saturday 2034-03-04: the "now" of every test. */
const NOW = new Date('2034-03-04T17:00:00Z');
const restaurantBody = (name: string) => ({
  name,
  address: 'Carrera 7 # 12-30',
  description: 'Cocina caribeña',
  photoUrl: 'https://example.com/caribe.jpg',
  cityId: 1,
});
const guest = { guestName: 'Ana Gómez', guestPhone: '+57 300 123 4567', guestEmail: 'ana@example.com' };

type Refusal = Error & { reason: string; issues?: { path: string; code: string; message: string }[]; details?: unknown };
/** The issues as both transports present them (a schema's refusal arrives as tRPC's error with the ZodError as its cause). */
/** The refusal's details (the catalog's facts of its reason). */
const detailsOf = (error: unknown) => (error as Refusal).details;

const issuesOf = (error: unknown): IssueDetail[] => {
  const own = (error as Refusal).issues;
  if (own) return own as IssueDetail[];
  const zodIssues = zodIssuesOf((error as { cause?: unknown }).cause);
  return zodIssues ? issuesFromZod(zodIssues) : [];
};

/**
 * Issue 17, the admin's side of the outbox: webhook endpoints (their URL judged, their secret shown
 * once and rotated with a day's overlap, their deliveries) and the messages list, one message with
 * its attempts, and the retry of a dead one. The same on every driver.
 */
export function webhooksMessagesSuite(driver: Driver, postgresUrl: string) {
  describe(`webhook endpoints and outgoing messages on ${driver}`, () => {
    const database = useDatabase(driver, postgresUrl);
    const nextDay = dayGenerator('2034-05-01');
    let api: ReturnType<typeof callerFor>;
    let open: ReturnType<typeof callerFor>;
    let restaurantId: string;
    beforeAll(async () => {
      await updateStoredLimits(database().db, { restaurantDailyLimit: 1000, globalDailyLimit: 10000 });
      api = callerFor(database(), {}, () => NOW);
      open = callerFor(database(), { webhooksAllowPrivate: true }, () => NOW);
      restaurantId = (await api.restaurant.create(restaurantBody('Mar Caribe'))).id;
    });
    const storedEndpoint = async (id: string) =>
      (await database().db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id)))[0];

    it('registers an endpoint with a whsec_ secret shown once, and lists it without', async () => {
      const created = await api.webhook.create({
        url: 'https://93.184.216.34/hooks',
        events: ['reservation.created', 'reservation.cancelled'],
      });
      expect(created).toEqual({
        id: expect.any(String),
        url: 'https://93.184.216.34/hooks',
        events: ['reservation.created', 'reservation.cancelled'],
        secret: expect.stringMatching(/^whsec_[A-Za-z0-9+/]{32}$/),
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        previousSecretUntil: null,
      });
      expect((await storedEndpoint(created.id))?.secret).toBe(created.secret);
      const listed = (await api.webhook.list()).find((endpoint) => endpoint.id === created.id);
      expect(listed).toEqual({ ...created, secret: undefined });
      expect(listed).not.toHaveProperty('secret');
      await api.webhook.delete({ id: created.id });
    });

    it('refuses private, loopback and non-http URLs on url, unless private addresses are allowed', async () => {
      for (const url of [
        'http://127.0.0.1:8080/',
        'http://[::ffff:127.0.0.1]/',
        'http://0x7f.1/',
        'http://localhost./',
        'http://10.1.2.3/',
        'http://169.254.169.254/',
      ]) {
        const refused = await expectRefusal(api.webhook.create({ url, events: ['*'] }), 'INVALID_INPUT');
        expect(issuesOf(refused), url).toEqual([{ path: 'url', message: expect.stringContaining('private'), code: expect.any(String) }]);
        expect(refused.message).toContain('url');
      }
      for (const url of ['ftp://93.184.216.34/', 'https://user:pw@93.184.216.34/', 'not a url']) {
        const refused = await expectRefusal(api.webhook.create({ url, events: ['*'] }), 'INVALID_INPUT');
        expect(
          issuesOf(refused).map((issue) => issue.path),
          url,
        ).toEqual(['url']);
      }
      const scheme = await expectRefusal(api.webhook.create({ url: 'ftp://93.184.216.34/', events: ['*'] }), 'INVALID_INPUT');
      expect(issuesOf(scheme)[0]).toMatchObject({ message: 'A webhook URL must use http: or https:' });
      // Allowed: stored as parsed (the resolver's 0x7f.1 is 127.0.0.1).
      const local = await open.webhook.create({ url: 'http://0x7f.1:9/hook', events: ['*'] });
      expect(local.url).toBe('http://127.0.0.1:9/hook');
      await open.webhook.delete({ id: local.id });
      expect(await database().db.select().from(webhookEndpoints)).toEqual([]);
    });

    it('registers a host that does not resolve (yet): each delivery judges its addresses again', async () => {
      // .invalid never resolves (RFC 6761), here or anywhere.
      const created = await api.webhook.create({ url: 'https://pos.tablebook.invalid/hooks', events: ['reservation.created'] });
      expect(created).toMatchObject({ url: 'https://pos.tablebook.invalid/hooks', events: ['reservation.created'] });
      await api.webhook.delete({ id: created.id });
    });

    it('takes a non-empty list of the reservation events, or ["*"] alone', async () => {
      const refusedEvents = async (events: unknown) =>
        issuesOf(await expectRefusal(api.webhook.create({ url: 'https://93.184.216.34/', events } as never), 'INVALID_INPUT'));
      expect((await refusedEvents([]))[0]).toMatchObject({ path: 'events', code: 'too_small' });
      expect((await refusedEvents(['reservation.deleted']))[0]).toMatchObject({ path: 'events.0', code: 'invalid_value' });
      expect((await refusedEvents(['reservation.moved', 'reservation.moved']))[0]).toMatchObject({
        path: 'events.1',
        code: 'listed_twice',
        value: 'reservation.moved',
      });
      expect((await refusedEvents(['*', 'reservation.moved']))[0]).toMatchObject({ path: 'events', code: 'custom' });
      expect((await refusedEvents(undefined))[0]).toMatchObject({ path: 'events' });
      const all = await api.webhook.create({
        url: 'https://93.184.216.34/all',
        events: ['reservation.created', 'reservation.updated', 'reservation.moved', 'reservation.cancelled'],
      });
      expect(all.events).toHaveLength(4);
      await api.webhook.delete({ id: all.id });
    });

    it('rotates the secret: the previous one signs for 24 hours more; unknown endpoints are NOT_FOUND webhook', async () => {
      const created = await api.webhook.create({ url: 'https://93.184.216.34/rotate', events: ['*'] });
      const rotated = await api.webhook.rotateSecret({ id: created.id });
      expect(rotated.secret).toMatch(/^whsec_/);
      expect(rotated.secret).not.toBe(created.secret);
      expect(rotated.previousSecretUntil).toBe(new Date(NOW.getTime() + 24 * 3_600_000).toISOString());
      const stored = await storedEndpoint(created.id);
      expect(stored).toMatchObject({ secret: rotated.secret, previousSecret: created.secret });
      expect(stored?.previousSecretUntil?.toISOString()).toBe(rotated.previousSecretUntil);
      // A second rotation: the first secret is retired, the second one overlaps.
      const again = await api.webhook.rotateSecret({ id: created.id });
      expect(await storedEndpoint(created.id)).toMatchObject({ secret: again.secret, previousSecret: rotated.secret });
      expect((await api.webhook.list()).find((endpoint) => endpoint.id === created.id)?.previousSecretUntil).toBe(
        again.previousSecretUntil,
      );

      await api.webhook.delete({ id: created.id });
      const unknown = '00000000-0000-4000-8000-000000000000';
      for (const call of [
        () => api.webhook.delete({ id: created.id }),
        () => api.webhook.rotateSecret({ id: unknown }),
        () => api.webhook.deliveries({ id: unknown }),
      ]) {
        const refused = await expectRefusal(call(), 'NOT_FOUND');
        expect(detailsOf(refused)).toEqual({ entity: 'webhook' });
      }
      await expectRefusal(api.webhook.delete({ id: 'nope' }), 'INVALID_INPUT');
    });

    it("lists an endpoint's deliveries with their attempts, and drops them with the endpoint", async () => {
      const endpoint = await open.webhook.create({ url: 'http://127.0.0.1:9/deliveries', events: ['reservation.created'] });
      const date = nextDay();
      const first = await api.guest.book({ restaurantId, table: 'A0', date, ...guest });
      const second = await api.guest.book({ restaurantId, table: 'A1', date, ...guest });
      await api.reservation.cancel({ restaurantId, reservationId: first.id });
      const page = await api.webhook.deliveries({ id: endpoint.id });
      // Subscribed to created only: two deliveries, newest first; the cancel is not one.
      expect(page.items.map((item) => item.reservationId)).toEqual([second.id, first.id]);
      expect(page.nextCursor).toBeNull();
      expect(page.items[0]).toMatchObject({
        channel: 'webhook',
        kind: 'confirmation',
        status: 'pending',
        attempts: 0,
        eventType: 'reservation.created',
        endpointId: endpoint.id,
        endpointUrl: 'http://127.0.0.1:9/deliveries',
        recipient: null,
        restaurantId,
        restaurantName: 'Mar Caribe',
        date,
        time: null,
        version: 1,
        attemptLog: [],
      });
      // Two failed attempts and a success, as the sender records them.
      const id = page.items[1]!.id;
      await database().db.execute(sql`
        insert into outbox_attempts (message_id, attempt, started_at, finished_at, ok, response_status, error) values
          (${id}, 1, '2034-03-04T17:00:01Z', '2034-03-04T17:00:02Z', false, 500, 'HTTP 500'),
          (${id}, 2, '2034-03-04T17:00:07Z', '2034-03-04T17:00:08Z', false, null, 'connect ECONNREFUSED'),
          (${id}, 3, '2034-03-04T17:00:20Z', '2034-03-04T17:00:20.250Z', true, 204, null)`);
      await database()
        .db.update(outboxMessages)
        .set({ status: 'sent', attempts: 3, lastError: 'connect ECONNREFUSED', sentAt: new Date('2034-03-04T17:00:20.250Z') })
        .where(eq(outboxMessages.id, id));
      const after = await api.webhook.deliveries({ id: endpoint.id, limit: 1 });
      expect(after.items.map((item) => item.reservationId)).toEqual([second.id]);
      const older = await api.webhook.deliveries({ id: endpoint.id, limit: 1, cursor: after.nextCursor! });
      expect(older.nextCursor).toBeNull();
      expect(older.items[0]).toMatchObject({
        id,
        status: 'sent',
        attempts: 3,
        lastError: 'connect ECONNREFUSED',
        sentAt: '2034-03-04T17:00:20.250Z',
      });
      expect(older.items[0]!.attemptLog).toEqual([
        {
          attempt: 1,
          startedAt: '2034-03-04T17:00:01.000Z',
          finishedAt: '2034-03-04T17:00:02.000Z',
          ok: false,
          responseStatus: 500,
          error: 'HTTP 500',
        },
        {
          attempt: 2,
          startedAt: '2034-03-04T17:00:07.000Z',
          finishedAt: '2034-03-04T17:00:08.000Z',
          ok: false,
          responseStatus: null,
          error: 'connect ECONNREFUSED',
        },
        {
          attempt: 3,
          startedAt: '2034-03-04T17:00:20.000Z',
          finishedAt: '2034-03-04T17:00:20.250Z',
          ok: true,
          responseStatus: 204,
          error: null,
        },
      ]);
      await api.webhook.delete({ id: endpoint.id });
      const left = await queryRows<{ n: number }>(
        database().db,
        sql`select count(*)::int as n from outbox_messages where endpoint_id = ${endpoint.id}`,
      );
      expect(left[0]?.n).toBe(0);
    });

    it('tells no one of a PATCH that changes nothing: no event, no webhook, no e-mail; a real change does', async () => {
      await open.webhook.create({ url: 'http://127.0.0.1:9/hooks', events: ['*'] });
      const booked = await api.reservation.create({ restaurantId, table: 'C2', date: nextDay(), ...guest });
      const counts = async () => {
        const [row] = await queryRows<{ outbox: number; events: number }>(
          database().db,
          sql`select (select count(*)::int from outbox_messages where reservation_id = ${booked.id}) as outbox,
                     (select count(*)::int from reservation_events where payload #>> '{reservation,id}' = ${booked.id}) as events`,
        );
        return row;
      };
      const before = await counts();
      await api.reservation.update({ restaurantId, reservationId: booked.id, table: 'C2', guestName: guest.guestName });
      expect(await counts()).toEqual(before);
      await api.reservation.update({ restaurantId, reservationId: booked.id, notes: 'Ventana' });
      const after = await counts();
      expect(after?.events).toBe((before?.events ?? 0) + 1);
      expect(after?.outbox).toBe((before?.outbox ?? 0) + 1);
      await database().db.execute(sql`delete from webhook_endpoints where url = 'http://127.0.0.1:9/hooks'`);
    });

    it('refuses a cursor of the right form whose instant does not exist (400 on cursor, not a 500)', async () => {
      const impossible = Buffer.from('2026-13-45T99:99:99.000000|0f0e0d0c-0b0a-4908-8706-050403020100', 'utf8').toString('base64url');
      const refused = await expectRefusal(api.message.list({ cursor: impossible }), 'INVALID_INPUT');
      expect(refused.issues?.[0]?.path).toBe('cursor');
    });

    it('lists messages newest first with filters and cursor paging; an e-mail shows its recipient', async () => {
      const date = nextDay();
      const booked = await api.guest.book({ restaurantId, table: 'B0', date, ...guest, guestEmail: 'luis@example.com' });
      await api.reservation.cancel({ restaurantId, reservationId: booked.id });
      const mine = await api.message.list({ reservationId: booked.id });
      expect(mine.items.map((item) => [item.kind, item.channel, item.recipient])).toEqual([
        ['cancellation', 'email', 'luis@example.com'],
        ['confirmation', 'email', 'luis@example.com'],
      ]);
      expect(mine.items[0]).toMatchObject({
        endpointId: null,
        endpointUrl: null,
        eventType: null,
        language: 'es-CO',
        status: 'pending',
        version: 2,
      });
      expect((await api.message.list({ reservationId: booked.id, kind: 'confirmation' })).items).toHaveLength(1);
      expect((await api.message.list({ reservationId: booked.id, channel: 'webhook' })).items).toEqual([]);
      expect((await api.message.list({ reservationId: booked.id, status: 'sent' })).items).toEqual([]);

      // Paging over 7 e-mail rows, several created in one transaction (the same created_at): none lost, none twice.
      const ids: string[] = [];
      for (const table of ['C0', 'C1', 'C2']) ids.push((await api.guest.book({ restaurantId, table, date, ...guest })).id);
      await database().db.execute(sql`
        insert into outbox_messages (reservation_id, restaurant_id, kind, channel, version, recipient, payload)
        select ${ids[0]}::uuid, ${restaurantId}::uuid, 'change', 'email', v, 'ana@example.com', '{}'::jsonb from generate_series(2, 5) v`);
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await api.message.list({ channel: 'email', limit: 2, ...(cursor ? { cursor } : {}) });
        seen.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor ?? undefined;
        pages += 1;
        expect(page.items.length).toBeLessThanOrEqual(2);
      } while (cursor && pages < 100);
      const all = await queryRows<{ id: string }>(
        database().db,
        sql`select id from outbox_messages where channel = 'email' order by created_at desc, id desc`,
      );
      expect(seen).toEqual(all.map((row) => row.id));
      expect(new Set(seen).size).toBe(seen.length);
      const firstPage = await api.message.list({ limit: 200 });
      expect(firstPage.items.length).toBe(Math.min(200, (await queryRows(database().db, sql`select 1 from outbox_messages`)).length));
      await expectRefusal(api.message.list({ limit: 201 }), 'INVALID_INPUT');
      await expectRefusal(api.message.list({ status: 'lost' } as never), 'INVALID_INPUT');
      const badCursor = await expectRefusal(api.message.list({ cursor: 'bm90LWEtY3Vyc29y' }), 'INVALID_INPUT');
      expect(issuesOf(badCursor)[0]).toMatchObject({ path: 'cursor' });
    });

    it('shows one message with its attempts, and retries only a dead one', async () => {
      const date = nextDay();
      const booked = await api.guest.book({ restaurantId, table: 'D0', date, ...guest });
      const [message] = (await api.message.list({ reservationId: booked.id })).items;
      expect(message).toBeDefined();
      const id = message!.id;
      expect(await api.message.get({ id })).toEqual({ ...message, attemptLog: [] });

      const refused = await expectRefusal(api.message.retry({ id }), 'MESSAGE_NOT_DEAD', 'CONFLICT');
      expect(detailsOf(refused)).toEqual({ status: 'pending' });

      await database().db.execute(sql`
        insert into outbox_attempts (message_id, attempt, started_at, finished_at, ok, response_status, error)
        select ${id}, n, '2034-03-04T17:00:00Z'::timestamptz + make_interval(mins => n), '2034-03-04T17:00:01Z'::timestamptz + make_interval(mins => n),
               false, 421, '421 try again later' from generate_series(1, 8) n`);
      await database()
        .db.update(outboxMessages)
        .set({ status: 'dead', attempts: 8, lastError: '421 try again later', dueAt: new Date('2034-03-04T18:00:00Z') })
        .where(eq(outboxMessages.id, id));
      const dead = await api.message.get({ id });
      expect(dead).toMatchObject({ status: 'dead', attempts: 8, lastError: '421 try again later' });
      expect(dead.attemptLog.map((attempt) => attempt.attempt)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect((await api.message.list({ status: 'dead' })).items.map((item) => item.id)).toContain(id);

      const retried = await api.message.retry({ id });
      expect(retried).toMatchObject({ id, status: 'pending', attempts: 0, lastError: '421 try again later', dueAt: NOW.toISOString() });
      expect(retried.attemptLog).toHaveLength(8);
      const again = await expectRefusal(api.message.retry({ id }), 'MESSAGE_NOT_DEAD');
      expect(detailsOf(again)).toEqual({ status: 'pending' });

      for (const status of ['sent', 'dropped', 'sending'] as const) {
        await database().db.update(outboxMessages).set({ status }).where(eq(outboxMessages.id, id));
        expect(detailsOf(await expectRefusal(api.message.retry({ id }), 'MESSAGE_NOT_DEAD'))).toEqual({ status });
      }
      const unknown = '00000000-0000-4000-8000-000000000001';
      expect(detailsOf(await expectRefusal(api.message.retry({ id: unknown }), 'NOT_FOUND'))).toEqual({ entity: 'message' });
      expect(detailsOf(await expectRefusal(api.message.get({ id: unknown }), 'NOT_FOUND'))).toEqual({ entity: 'message' });
    });
  });
}
