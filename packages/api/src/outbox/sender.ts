// The outbox's sender (issue 17): every server process runs one. It claims due rows (claim.ts), sends
// each through the process's transports, and records how it went: sent, or pending again after a
// backoff, or dead after the last attempt. At-least-once: a process that dies mid-send leaves its rows
// 'sending' until their lease runs out, and another sender claims them again with the same Message-ID
// / webhook-id, so receivers can drop the duplicate.
import type { OutboxChannel } from '@tablebook/db';
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
  /** The sender's clock: what is due, leases, backoff, reminders' start (tests move it). */
  now?: () => Date;
  /** Math.random's contract, for the backoff's jitter. */
  random?: () => number;
  /** How often to look for due rows when the last look found less than a batch. */
  pollMs: number;
  leaseSeconds: number;
  /** After this many failed attempts a row is 'dead'. */
  maxAttempts: number;
  /** Rows claimed and sent together (default 20). */
  batchSize?: number;
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
  /** One claim and its sends; resolves when every claimed row is recorded. */
  runOnce(): Promise<RunSummary>;
}

const MAX_ERROR_LENGTH = 1000;

const errorText = (error: unknown) => {
  const text = error instanceof Error ? error.message || error.name : String(error);
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
};

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref?.());

interface AttemptResult {
  ok: boolean;
  responseStatus: number | null;
  error: string | null;
}

export function createOutboxSender(options: OutboxSenderOptions): OutboxSender {
  const { db, transports, logger } = options;
  const clock = options.now ?? (() => new Date());
  const random = options.random ?? Math.random;
  const batchSize = options.batchSize ?? 20;
  const stopTimeoutMs = options.stopTimeoutMs ?? 10_000;
  const channels: OutboxChannel[] = [];
  if (transports.email) channels.push('email');
  if (transports.webhook) channels.push('webhook');

  const observe = (message: ClaimedMessage, outcome: OutboxOutcome) => {
    try {
      options.observer?.({ channel: message.channel, outcome, messageId: message.id, attempt: message.attempt });
    } catch (error) {
      logger.warn({ err: error }, 'outbox observer failed');
    }
  };

  async function sendEmail(message: ClaimedMessage, transport: EmailTransport): Promise<AttemptResult> {
    const key = message.kind === 'cancellation' ? null : await cancelTokenKey(db);
    const answer = await transport.send(composeEmail(message, options.email, key));
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
    const request = { ...composeWebhook(message, Math.floor(Date.now() / 1000), clock().getTime()), addresses: check.addresses };
    const answer = await transport.post(request);
    const ok = answer.status >= 200 && answer.status < 300;
    return { ok, responseStatus: answer.status, error: ok ? null : `the endpoint answered HTTP ${answer.status}` };
  }

  async function deliver(message: ClaimedMessage): Promise<OutboxOutcome> {
    const startedAt = clock();
    let result: AttemptResult;
    try {
      if (message.channel === 'email' && transports.email) result = await sendEmail(message, transports.email);
      else if (message.channel === 'webhook' && transports.webhook) result = await sendWebhook(message, transports.webhook);
      else throw new Error(`no transport for ${message.channel}`);
    } catch (error) {
      result = { ok: false, responseStatus: responseCodeOf(error), error: errorText(error) };
    }
    const finishedAt = clock();
    const outcome: OutboxOutcome = result.ok ? 'sent' : message.attempt >= options.maxAttempts ? 'dead' : 'failed';
    const next =
      outcome === 'sent'
        ? ({ status: 'sent' } as const)
        : outcome === 'dead'
          ? ({ status: 'dead' } as const)
          : ({
              status: 'pending',
              dueAt: new Date(
                finishedAt.getTime() + retryDelayMs(message.attempt, random, options.retryBaseMs ? { baseMs: options.retryBaseMs } : {}),
              ),
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
        { outboxId: message.id, channel: message.channel, kind: message.kind, attempt: message.attempt, err: result.error },
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

  const claim = (limit: number) =>
    claimDue(db, { now: clock(), channels, leaseSeconds: options.leaseSeconds, batchSize: limit, maxAttempts: options.maxAttempts });

  async function runOnce(): Promise<RunSummary> {
    const summary: RunSummary = { claimed: 0, sent: 0, failed: 0, dead: 0, dropped: 0 };
    if (channels.length === 0) return summary;
    const claimed = await claim(batchSize);
    summary.claimed = claimed.length;
    for (const outcome of await Promise.all(claimed.map(handle))) summary[outcome] += 1;
    return summary;
  }

  // The running loop: every poll claims as many rows as there is room for (at most batchSize sends in
  // flight), and does not wait for them: a slow receiver (a webhook taking its 10 s) holds its own
  // slot, not the whole queue.
  let running = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let claiming: Promise<void> | undefined;
  const active = new Set<Promise<OutboxOutcome>>();
  let failing = false;

  /** The next look; while a claim runs, its end decides. */
  const schedule = (ms: number) => {
    if (!running || claiming) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(tick, ms);
  };

  async function claimAndSend(): Promise<boolean> {
    const room = batchSize - active.size;
    if (room <= 0) return false;
    let claimed: ClaimedMessage[];
    try {
      claimed = await claim(room);
      if (failing) logger.info({}, 'the outbox can be read again');
      failing = false;
    } catch (error) {
      // Once per streak: a database outage would otherwise log every poll.
      if (!failing) logger.error({ err: error }, 'could not claim outbox messages (retrying every poll)');
      failing = true;
      return false;
    }
    for (const message of claimed) {
      const sending = handle(message);
      active.add(sending);
      void sending.then(() => {
        active.delete(sending);
        // A freed slot with more waiting: look again at once rather than after a poll.
        if (claimed.length === room) schedule(0);
      });
    }
    return claimed.length === room && active.size < batchSize;
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
      const pending = Promise.all([claiming, ...active]);
      await Promise.race([pending, delay(stopTimeoutMs)]);
    },
  };
}
