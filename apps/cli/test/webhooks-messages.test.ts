// `tablebook webhooks ...` and `tablebook messages ...` (issue 17) against a live server of their own:
// private addresses allowed (the receiver is this test's loopback server), one attempt before a message
// is dead, a fast poll, no SMTP_URL (e-mail stays pending).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { useSpawnedServer } from '@tablebook/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectFailed as failed, expectOk as ok } from './support/expect-run.ts';
import { parseJson, runInProcess } from './support/run-cli.ts';
import { ADMIN_TOKEN, dayFromNow, startAnsweringServer } from './support/server.ts';

const server = useSpawnedServer({
  ADMIN_TOKEN,
  WEBHOOKS_ALLOW_PRIVATE: 'true',
  OUTBOX_MAX_ATTEMPTS: '1',
  OUTBOX_POLL_MS: '100',
  OUTBOX_RETRY_BASE_MS: '10',
});

const run = (args: string[], token = ADMIN_TOKEN) => runInProcess(args, { env: { TABLEBOOK_URL: server().url, TABLEBOOK_TOKEN: token } });
const tablebook = (...args: string[]) => run(args);

interface Delivery {
  id: string;
  status: string;
  attempts: number;
  eventType: string;
  reservationId: string;
  lastError: string | null;
  attemptLog: { attempt: number; ok: boolean; responseStatus: number | null }[];
}

/** The receiver: answers `status` to every POST and counts them. */
let status = 500;
const received: string[] = [];
let receiver: Awaited<ReturnType<typeof startAnsweringServer>>;
beforeAll(async () => {
  receiver = await startAnsweringServer((request: IncomingMessage, response: ServerResponse) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.push(body);
      response.writeHead(status).end();
    });
  });
});
afterAll(() => receiver?.close());

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

describe('tablebook webhooks and messages', () => {
  let webhookId: string;
  let secret: string;
  let reservationId: string;
  const deliveries = async () => parseJson<Delivery[]>(ok(await tablebook('webhooks', 'deliveries', webhookId, '--json')));

  it('lists no endpoints at first, for people and as JSON', async () => {
    expect(ok(await tablebook('webhooks', 'list')).stdout).toBe('No webhook endpoints.\n');
    expect(parseJson(ok(await tablebook('webhooks', 'list', '--json')))).toEqual([]);
  });

  it('adds an endpoint and prints its secret once; the list never shows it', async () => {
    const added = ok(await tablebook('webhooks', 'add', `${receiver.url}/hook`, '--events', 'reservation.created, reservation.cancelled'));
    const lines = added.stdout.split('\n');
    expect(lines[0]).toBe('Added webhook endpoint');
    expect(added.stdout).toMatch(new RegExp(`^  url +${receiver.url}/hook$`, 'm'));
    expect(added.stdout).toMatch(/^ {2}events +reservation\.created,reservation\.cancelled$/m);
    secret = /^ {2}secret +(whsec_\S+)$/m.exec(added.stdout)?.[1] ?? '';
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(added.stdout).toContain('The secret is shown only now');
    webhookId = /^ {2}id +(\S+)$/m.exec(added.stdout)?.[1] ?? '';

    const listed = ok(await tablebook('webhooks', 'list'));
    expect(listed.stdout).toMatch(/^ID +URL +EVENTS +CREATED/);
    expect(listed.stdout).toContain(webhookId);
    expect(listed.stdout).not.toContain('whsec_');
    const json = parseJson<Record<string, unknown>[]>(ok(await tablebook('webhooks', 'list', '--json')));
    expect(json).toEqual([
      expect.objectContaining({ id: webhookId, url: `${receiver.url}/hook`, events: ['reservation.created', 'reservation.cancelled'] }),
    ]);
    expect(json[0]).not.toHaveProperty('secret');
  });

  it.each([
    [['webhooks', 'add', 'https://example.com/h'], 'missing --events'],
    [['webhooks', 'add', 'https://example.com/h', '--events', 'reservation.deleted'], '--events: "reservation.deleted" is not an event'],
    [['webhooks', 'add', 'https://example.com/h', '--events', ','], '--events must name at least one event, or be *'],
    [['webhooks', 'add', '--events', '*'], 'missing <url>'],
    [['webhooks', 'delete'], 'missing <id>'],
    [['messages', 'list', '--channel', 'sms'], '--channel must be one of email, webhook, not "sms"'],
    [['messages', 'list', '--status', 'lost'], '--status must be one of pending, sending, sent, dead, dropped, not "lost"'],
    [['messages', 'list', '--limit', '0'], '--limit must be 1 to 200, not 0'],
  ])('%j is a usage error (exit 2)', async (args, message) => {
    const refused = await tablebook(...args);
    expect(failed(refused, 2)).toContain(message);
    expect(refused.stdout).toBe('');
  });

  it("is the server's refusal for another scheme (exit 1), and needs the token (exit 4)", async () => {
    expect(failed(await tablebook('webhooks', 'add', 'ftp://example.com/h', '--events', '*'), 1)).toContain(
      'A webhook URL must use http: or https: (INVALID_INPUT)',
    );
    expect(failed(await run(['webhooks', 'list'], 'not-the-token'), 4)).toContain('(UNAUTHORIZED)');
    expect(failed(await run(['messages', 'list'], 'not-the-token'), 4)).toContain('(UNAUTHORIZED)');
  });

  it('shows a delivery that failed as dead with its answer, the guest e-mail pending, and retries only a dead one', async () => {
    const restaurant = parseJson<{ id: string }>(
      ok(
        await tablebook(
          ...['restaurants', 'create', '--name', 'Ganchos Web', '--address', 'Calle 1 # 2-3', '--city', 'Leticia'],
          ...['--description', 'Comida de mar', '--photo-url', 'https://example.com/p.jpg', '--json'],
        ),
      ),
    );
    const booked = parseJson<{ id: string }>(
      ok(await tablebook('book', restaurant.id, '--table', 'A0', '--date', dayFromNow(30), '--guest-email', 'ana@example.com', '--json')),
    );
    reservationId = booked.id;
    const [dead] = await until(deliveries, (items) => items[0]?.status === 'dead', 'the delivery to be dead');
    expect(dead).toMatchObject({ reservationId, eventType: 'reservation.created', attempts: 1, lastError: expect.stringContaining('500') });
    expect(dead!.attemptLog).toEqual([expect.objectContaining({ attempt: 1, ok: false, responseStatus: 500 })]);
    expect(JSON.parse(received[0] ?? '{}')).toMatchObject({ type: 'reservation.created', data: { reservation: { id: reservationId } } });

    const table = ok(await tablebook('webhooks', 'deliveries', webhookId)).stdout;
    expect(table).toMatch(/^ID +CREATED +EVENT +RESERVATION +STATUS +ATTEMPTS +ANSWERS +LAST ERROR/);
    expect(table).toMatch(new RegExp(`^${dead!.id} +\\S+ +reservation\\.created +${reservationId} +dead +1 +500 +`, 'm'));

    const deadList = ok(await tablebook('messages', 'list', '--status', 'dead')).stdout;
    expect(deadList).toMatch(/^ID +CREATED +CHANNEL +KIND +TO +STATUS +ATTEMPTS +DUE +LAST ERROR/);
    expect(deadList).toMatch(
      new RegExp(`^${dead!.id} +\\S+ +webhook +confirmation \\(reservation\\.created\\) +${receiver.url}/hook +dead +1 `, 'm'),
    );
    const emails = parseJson<{ id: string; kind: string; status: string; recipient: string }[]>(
      ok(await tablebook('messages', 'list', '--channel', 'email', '--reservation', reservationId, '--json')),
    );
    expect(emails).toEqual([expect.objectContaining({ kind: 'confirmation', status: 'pending', recipient: 'ana@example.com' })]);
    expect(ok(await tablebook('messages', 'list', '--channel', 'email')).stdout).toMatch(
      / email +confirmation +ana@example\.com +pending +0 /,
    );

    expect(failed(await tablebook('messages', 'retry', emails[0]!.id), 1)).toContain('(MESSAGE_NOT_DEAD)');
    expect(failed(await tablebook('messages', 'retry', '00000000-0000-4000-8000-000000000000'), 1)).toContain('(NOT_FOUND)');

    status = 204;
    const retried = ok(await tablebook('messages', 'retry', dead!.id));
    expect(retried.stdout).toBe(`Queued webhook message ${dead!.id} (confirmation, to ${receiver.url}/hook) again: due now\n`);
    const [sent] = await until(deliveries, (items) => items[0]?.status === 'sent', 'the retried delivery to be sent');
    expect(sent!.attemptLog.map((attempt) => [attempt.responseStatus, attempt.ok])).toEqual([
      [500, false],
      [204, true],
    ]);
    expect(ok(await tablebook('webhooks', 'deliveries', webhookId)).stdout).toContain(' sent ');
    expect(ok(await tablebook('webhooks', 'deliveries', webhookId)).stdout).toContain('500, 204 ok');
    expect(failed(await tablebook('messages', 'retry', dead!.id), 1)).toContain('(MESSAGE_NOT_DEAD)');
  });

  it('pages the messages list with --limit and the printed cursor', async () => {
    const first = ok(await tablebook('messages', 'list', '--limit', '1'));
    const more = /^More: tablebook messages list --limit 1 --cursor (\S+)$/m.exec(first.stdout);
    expect(more).not.toBeNull();
    const second = parseJson<{ id: string }[]>(ok(await tablebook('messages', 'list', '--limit', '1', '--cursor', more![1]!, '--json')));
    const both = parseJson<{ id: string }[]>(ok(await tablebook('messages', 'list', '--limit', '2', '--json')));
    expect(second.map((message) => message.id)).toEqual([both[1]!.id]);
    expect(first.stdout).toContain(both[0]!.id);
  });

  it('rotates the secret (the previous one signs a day more), then deletes the endpoint', async () => {
    const rotated = ok(await tablebook('webhooks', 'rotate-secret', webhookId));
    expect(rotated.stdout.split('\n')[0]).toBe('Rotated the webhook secret');
    const newSecret = /^ {2}secret +(whsec_\S+)$/m.exec(rotated.stdout)?.[1];
    expect(newSecret).toMatch(/^whsec_/);
    expect(newSecret).not.toBe(secret);
    const until = /^ {2}previous secret until +(\S+)$/m.exec(rotated.stdout)?.[1] ?? '';
    expect(Date.parse(until) - Date.now()).toBeGreaterThan(23 * 3_600_000);
    expect(ok(await tablebook('webhooks', 'list')).stdout).toContain(until);
    const json = parseJson<{ secret: string }>(ok(await tablebook('webhooks', 'rotate-secret', webhookId, '--json')));
    expect(json.secret).not.toBe(newSecret);

    expect(ok(await tablebook('webhooks', 'delete', webhookId)).stdout).toBe(`Deleted webhook endpoint ${webhookId}\n`);
    expect(failed(await tablebook('webhooks', 'delete', webhookId), 1)).toContain('(NOT_FOUND)');
    expect(failed(await tablebook('webhooks', 'deliveries', webhookId), 1)).toContain('(NOT_FOUND)');
    expect(failed(await tablebook('webhooks', 'rotate-secret', webhookId), 1)).toContain('(NOT_FOUND)');
    expect(ok(await tablebook('webhooks', 'list')).stdout).toBe('No webhook endpoints.\n');
  });
});
