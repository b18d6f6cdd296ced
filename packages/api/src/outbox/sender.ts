// The outbox's sender (issue 17): every server process runs one. It claims due rows (claim.ts), sends
// each through the process's transports, and records how it went: sent, or pending again after a
// backoff, or dead after the last attempt. At-least-once: a process that dies mid-send leaves its rows
// 'sending' until their lease runs out, and another sender claims them again with the same Message-ID
// / webhook-id, so receivers can drop the duplicate.
import { reservations, restaurants, type OutboxChannel } from '@tablebook/db';
import { eq } from 'drizzle-orm';
import { toReservationOutput } from '../services/reservation-rows.ts';
import { cancelTokenKey } from '../services/app-secrets.ts';
import { checkWebhookAddress, type WebhookAddressCheck } from '../services/webhook-address.ts';
import type { Queryable } from '../services/transactions.ts';
import { retryDelayMs } from './backoff.ts';
import { type ClaimedMessage, claimDue, recordAttempt } from './claim.ts';
import { composeEmail, composeWebhook, type EmailSettings } from './compose.ts';
import { type EmailTransport, responseCodeOf, type WebhookTransport } from './transports.ts';

export type OutboxOutcome = 'sent' | 'failed' | 'dead' | 'dropped';

/** Told of every attempt's outcome (the server counts them in its metrics). `failed` is an attempt that will be retried. */
export type OutboxObserver = (event: { channel: OutboxChannel; outcome: OutboxOutcome; messageId: string; attempt: number }) => void;

/** pino's logger satisfies it. */
export interface SenderLogger {
  info(object: object, message?: string): void;
  warn(object: object, message?: string): void;
  error(object: object, message?: string): void;
}

export interface OutboxSenderOptions {
  db: Queryable;
  /** A channel without a transport is never claimed: its rows stay pending (visible to the admin). */
  transports: { email?: EmailTransport; webhook?: WebhookTransport };
  email: EmailSettings;
  /** WEBHOOKS_ALLOW_PRIVATE: deliveries to loopback and private addresses are allowed (tests). */
  allowPrivateWebhooks: boolean;
  /**
   * The sender's clock: what is due, leases, backoff, reminders' start (tests move it). Unset: the
   * database's clock (now()), the one the queue writes due_at by, shared by every process and machine.
   */
  now?: () => Date;
  /** Math.random's contract, for the backoff's jitter. */
  random?: () => number;
  /** How often to look for due rows when the last look found less than a batch. */
  pollMs: number;
  leaseSeconds: number;
  /** After this many failed attempts a row is 'dead'. */
  maxAttempts: number;
  /**
   * Sends in flight at once, per channel: a process claims no more rows of a channel than it can start
   * sending now, so no claimed row waits (its lease running) in a queue of the process's own. Default:
   * e-mail the transport's `concurrency` (the SMTP pool's connections) or 3; webhooks theirs or 10.
   */
  slots?: Partial<Record<OutboxChannel, number>>;
  /** The backoff's first delay (default 5 s; see backoff.ts). */
  retryBaseMs?: number;
  /** How long stop() waits for sends in flight (default 10 s); those still running keep their lease. */
  stopTimeoutMs?: number;
  observer?: OutboxObserver;
  logger: SenderLogger;
  /** Resolves a webhook host to its addresses (tests); default the system's resolver. */
  lookup?: (host: string) => Promise<readonly string[]>;
}

export interface RunSummary {
  claimed: number;
  sent: number;
  failed: number;
  dead: number;
  dropped: number;
}

export interface OutboxSender {
  /** The channels this sender claims (those it has a transport for). */
  readonly channels: readonly OutboxChannel[];
  start(): void;
  /** Stops polling and waits (bounded by stopTimeoutMs) for the sends in flight. */
  stop(): Promise<void>;
  /**
   * Claims and sends until nothing more is due: each round claims no more of a channel than its slots
   * and waits for those sends; resolves when every claimed row is recorded.
   */
  runOnce(): Promise<RunSummary>;
}

const MAX_ERROR_LENGTH = 1000;

/** Sends in flight per channel when neither the options nor the transport say (see OutboxSenderOptions.slots). */
const DEFAULT_SLOTS: Record<OutboxChannel, number> = { email: 3, webhook: 10 };

const errorText = (error: unknown) => {
  const text = error instanceof Error ? error.message || error.name : String(error);
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
};

/**
 * An SMTP 5xx reply (550 no such mailbox, 553 bad address, 554 rejected) is the server's final word:
 * the message is dead at once rather than refused again for hours. 4xx replies (451 try later, a full
 * mailbox) and failures without a reply (connection refused, a timeout) are retried. A webhook's HTTP
 * 5xx is a receiver's trouble, retried.
 */
const permanentRefusal = (channel: OutboxChannel, responseStatus: number | null) =>
  channel === 'email' && responseStatus !== null && responseStatus >= 500 && responseStatus < 600;

/**
 * A failed attempt as an Error for the log, under `err` as every error is: its message readable, and
 * redacted by the server's serializer like any other (an SMTP reply usually quotes the recipient's
 * address). Built from the text, not the transport's error, whose other fields (nodemailer's
 * `response`, `rejected`) would carry the address past the serializer.
 */
class OutboxAttemptError extends Error {
  override name = 'OutboxAttemptError';
}

function attemptError(text: string): Error {
  const error = new OutboxAttemptError(text);
  error.stack = `${error.name}: ${text}`;
  return error;
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref?.());

interface AttemptResult {
  ok: boolean;
  responseStatus: number | null;
  error: string | null;
}

export function createOutboxSender(options: OutboxSenderOptions): OutboxSender {
  const { db, transports, logger } = options;
  /** The injected clock's reading, or null: the database's (see claim.ts). */
  const clock = () => options.now?.() ?? null;
  const random = options.random ?? Math.random;
  const stopTimeoutMs = options.stopTimeoutMs ?? 10_000;
  const channels: OutboxChannel[] = [];
  if (transports.email) channels.push('email');
  if (transports.webhook) channels.push('webhook');
  const slots: Record<OutboxChannel, number> = {
    email: Math.max(1, Math.floor(options.slots?.email ?? transports.email?.concurrency ?? DEFAULT_SLOTS.email)),
    webhook: Math.max(1, Math.floor(options.slots?.webhook ?? transports.webhook?.concurrency ?? DEFAULT_SLOTS.webhook)),
  };
  /** The rows this sender is sending now, by channel: never claimed again by it (see claimDue's `exclude`). */
  const inFlight: Record<OutboxChannel, Map<string, Promise<OutboxOutcome>>> = { email: new Map(), webhook: new Map() };

  const observe = (message: ClaimedMessage, outcome: OutboxOutcome) => {
    try {
      options.observer?.({ channel: message.channel, outcome, messageId: message.id, attempt: message.attempt });
    } catch (error) {
      logger.warn({ err: error }, 'outbox observer failed');
    }
  };

  /**
   * A reminder tells the booking and the restaurant as they are when it is sent (a party size, table
   * or restaurant name edited since it was queued), and the time really left until the start. Other
   * e-mails keep their snapshot: they report that change.
   */
  async function asSentNow(message: ClaimedMessage): Promise<ClaimedMessage> {
    if (message.kind !== 'reminder') return message;
    const [row] = await db.select().from(reservations).where(eq(reservations.id, message.reservationId));
    // The claim checked it a moment ago; changed since: failed, and the next claim drops it.
    if (row?.status !== 'confirmed') throw new Error(`the reservation is ${row ? row.status : 'gone'}`);
    const [restaurant] = await db
      .select({ id: restaurants.id, name: restaurants.name, address: restaurants.address, timeZone: restaurants.timeZone })
      .from(restaurants)
      .where(eq(restaurants.id, row.restaurantId));
    if (!restaurant) throw new Error('the restaurant is gone');
    const minutesLeft = Math.max(0, Math.round((row.startsAt.getTime() - message.claimedAt.getTime()) / 60_000));
    return {
      ...message,
      payload: { ...message.payload, reservation: toReservationOutput(row, restaurant.timeZone), restaurant },
      reminderMinutes: minutesLeft,
    };
  }

  async function sendEmail(message: ClaimedMessage, transport: EmailTransport): Promise<AttemptResult> {
    const key = message.kind === 'cancellation' ? null : await cancelTokenKey(db);
    const answer = await transport.send(composeEmail(await asSentNow(message), options.email, key));
    return { ok: true, responseStatus: answer.responseCode ?? null, error: null };
  }

  async function sendWebhook(message: ClaimedMessage, transport: WebhookTransport): Promise<AttemptResult> {
    if (message.endpoint === null) throw new Error('the webhook endpoint is gone');
    // Judged again before every delivery: a name can resolve somewhere else than when it was registered.
    const check: WebhookAddressCheck = await checkWebhookAddress(message.endpoint.url, {
      allowPrivate: options.allowPrivateWebhooks,
      ...(options.lookup ? { lookup: options.lookup } : {}),
    });
    if (!check.ok) return { ok: false, responseStatus: null, error: `refused to deliver: ${check.message}` };
    const request = { ...composeWebhook(message, Math.floor(Date.now() / 1000), message.claimedAt.getTime()), addresses: check.addresses };
    const answer = await transport.post(request);
    const ok = answer.status >= 200 && answer.status < 300;
    return { ok, responseStatus: answer.status, error: ok ? null : `the endpoint answered HTTP ${answer.status}` };
  }

  async function deliver(message: ClaimedMessage): Promise<OutboxOutcome> {
    const startedAt = clock() ?? message.claimedAt;
    let result: AttemptResult;
    try {
      if (message.channel === 'email' && transports.email) result = await sendEmail(message, transports.email);
      else if (message.channel === 'webhook' && transports.webhook) result = await sendWebhook(message, transports.webhook);
      else throw new Error(`no transport for ${message.channel}`);
    } catch (error) {
      result = { ok: false, responseStatus: responseCodeOf(error), error: errorText(error) };
    }
    const finishedAt = clock();
    const outcome: OutboxOutcome = result.ok
      ? 'sent'
      : message.attempt >= options.maxAttempts || permanentRefusal(message.channel, result.responseStatus)
        ? 'dead'
        : 'failed';
    const next =
      outcome === 'sent'
        ? ({ status: 'sent' } as const)
        : outcome === 'dead'
          ? ({ status: 'dead' } as const)
          : ({
              status: 'pending',
              retryInMs: retryDelayMs(message.attempt, random, options.retryBaseMs ? { baseMs: options.retryBaseMs } : {}),
            } as const);
    const held = await recordAttempt(db, { id: message.id, attempt: message.attempt, startedAt, finishedAt, ...result, next });
    if (!held) {
      logger.warn(
        { outboxId: message.id, attempt: message.attempt, outcome },
        'outbox message was claimed again by another sender while this attempt ran (its lease ran out): left to it',
      );
    }
    if (outcome !== 'sent') {
      logger.warn(
        {
          outboxId: message.id,
          channel: message.channel,
          kind: message.kind,
          attempt: message.attempt,
          responseStatus: result.responseStatus,
          err: attemptError(result.error ?? 'the attempt failed'),
        },
        outcome === 'dead' ? 'outbox message failed its last attempt: dead' : 'outbox message failed: will retry',
      );
    }
    observe(message, outcome);
    return outcome;
  }

  /** Sends (or settles) one claimed row; never rejects. */
  async function handle(message: ClaimedMessage): Promise<OutboxOutcome> {
    if (message.outcome === 'dropped') {
      logger.info({ outboxId: message.id, reason: message.reason }, 'reminder dropped');
      observe(message, 'dropped');
      return 'dropped';
    }
    if (message.outcome === 'dead') {
      logger.warn({ outboxId: message.id, channel: message.channel, reason: message.reason }, 'outbox message dead');
      observe(message, 'dead');
      return 'dead';
    }
    try {
      return await deliver(message);
    } catch (error) {
      // The attempt could not be recorded (the database): its lease runs out and it is tried again.
      logger.error({ outboxId: message.id, err: error }, 'outbox attempt could not be recorded');
      return 'failed';
    }
  }

  /** Free slots per channel, and whether any channel has one. */
  const room = () => {
    const limits: Partial<Record<OutboxChannel, number>> = {};
    for (const channel of channels) limits[channel] = Math.max(0, slots[channel] - inFlight[channel].size);
    return limits;
  };

  const claim = (limits: Partial<Record<OutboxChannel, number>>) =>
    claimDue(db, {
      now: clock(),
      limits,
      exclude: channels.flatMap((channel) => [...inFlight[channel].keys()]),
      leaseSeconds: options.leaseSeconds,
      maxAttempts: options.maxAttempts,
    });

  /** Starts a claimed row's send in its channel's slot; the slot is freed when it is recorded. */
  const launch = (message: ClaimedMessage, onSettled?: () => void) => {
    const slot = inFlight[message.channel];
    const sending = handle(message);
    slot.set(message.id, sending);
    void sending.then(() => {
      slot.delete(message.id);
      onSettled?.();
    });
    return sending;
  };

  /** Whether a claim filled some channel's room: more may be waiting there. */
  const filled = (limits: Partial<Record<OutboxChannel, number>>, claimed: readonly ClaimedMessage[]) =>
    channels.some((channel) => (limits[channel] ?? 0) > 0 && claimed.filter((m) => m.channel === channel).length >= limits[channel]!);

  async function runOnce(): Promise<RunSummary> {
    const summary: RunSummary = { claimed: 0, sent: 0, failed: 0, dead: 0, dropped: 0 };
    if (channels.length === 0) return summary;
    for (;;) {
      const limits = room();
      if (!channels.some((channel) => (limits[channel] ?? 0) > 0)) break;
      const claimed = await claim(limits);
      summary.claimed += claimed.length;
      for (const outcome of await Promise.all(claimed.map((message) => launch(message)))) summary[outcome] += 1;
      if (!filled(limits, claimed)) break;
    }
    return summary;
  }

  // The running loop: every poll claims, per channel, as many rows as there are free slots, and does
  // not wait for them: a slow receiver (a webhook taking its 10 s) holds its own slot, not the queue.
  let running = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let claiming: Promise<void> | undefined;
  let failing = false;

  /** The next look; while a claim runs, its end decides. */
  const schedule = (ms: number) => {
    if (!running || claiming) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(tick, ms);
  };

  async function claimAndSend(): Promise<boolean> {
    const limits = room();
    if (!channels.some((channel) => (limits[channel] ?? 0) > 0)) return false;
    let claimed: ClaimedMessage[];
    try {
      claimed = await claim(limits);
      if (failing) logger.info({}, 'the outbox can be read again');
      failing = false;
    } catch (error) {
      // Once per streak: a database outage would otherwise log every poll.
      if (!failing) logger.error({ err: error }, 'could not claim outbox messages (retrying every poll)');
      failing = true;
      return false;
    }
    const more = filled(limits, claimed);
    // A freed slot with more waiting: look again at once rather than after a poll.
    for (const message of claimed) launch(message, more ? () => schedule(0) : undefined);
    // Room left in a channel whose claim came back full: claim again at once.
    const after = room();
    return more && channels.some((channel) => (after[channel] ?? 0) > 0);
  }

  function tick() {
    timer = undefined;
    if (!running) return;
    claiming = claimAndSend().then((more) => {
      claiming = undefined;
      schedule(more ? 0 : options.pollMs);
    });
  }

  return {
    channels,
    runOnce,
    start() {
      if (running || channels.length === 0) return;
      running = true;
      schedule(0);
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = undefined;
      const pending = Promise.all([claiming, ...channels.flatMap((channel) => [...inFlight[channel].values()])]);
      await Promise.race([pending, delay(stopTimeoutMs)]);
    },
  };
}
