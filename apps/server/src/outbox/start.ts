// The outbox's sender in a server process (issue 17): built from the settings, counted in the
// metrics, started once the process serves, and stopped on shutdown before its pool closes.
import cluster from 'node:cluster';
import { createOutboxSender, type OutboxSender, type SenderLogger } from '@tablebook/api';
import type { Database } from '@tablebook/db';
import { isLoopback, type Settings } from '../config.ts';
import { serverMetrics } from '../metrics.ts';
import { createSmtpTransport } from './smtp-transport.ts';
import { createWebhookTransport } from './webhook-transport.ts';

export type OutboxSettings = Pick<
  Settings,
  | 'SMTP_URL'
  | 'MAIL_FROM'
  | 'PUBLIC_URL'
  | 'PUBLIC_URL_DEFAULTED'
  | 'HOST'
  | 'OUTBOX_POLL_MS'
  | 'OUTBOX_MAX_ATTEMPTS'
  | 'OUTBOX_LEASE_SECONDS'
  | 'OUTBOX_RETRY_BASE_MS'
  | 'WEBHOOKS_ALLOW_PRIVATE'
>;

export interface RunningOutbox {
  sender: OutboxSender;
  /** Stops claiming, waits for the sends in flight (bounded), closes the SMTP connections. */
  stop(): Promise<void>;
}

/** The longest an attempt can take: SMTP's 10 s to connect, 10 s for the greeting, 30 s of silence (smtp-transport.ts). */
const LONGEST_SEND_SECONDS = 50;

const SMTP_UNSET_MESSAGE = 'SMTP_URL is not set: e-mail messages are kept in the outbox, not sent';

/**
 * What the server says once at start about its e-mail settings: SMTP_URL unset (nothing is sent), and
 * PUBLIC_URL left to its default on a HOST other than loopback (0.0.0.0 in a container: the cancel link
 * then names localhost or this machine's address, which a guest's phone does not reach). Said by the process that starts the server: the single process, or the cluster
 * primary with WORKERS>1 (not each worker).
 */
export function outboxNotices(
  settings: Pick<Settings, 'HOST' | 'SMTP_URL' | 'PUBLIC_URL' | 'PUBLIC_URL_DEFAULTED' | 'OUTBOX_LEASE_SECONDS'>,
): string[] {
  const notices: string[] = [];
  if (!settings.SMTP_URL) notices.push(SMTP_UNSET_MESSAGE);
  // A lease that can run out while its own process is still sending lets another process send it again.
  if (settings.OUTBOX_LEASE_SECONDS < LONGEST_SEND_SECONDS) {
    notices.push(
      `OUTBOX_LEASE_SECONDS=${settings.OUTBOX_LEASE_SECONDS} is shorter than a send may take (an SMTP exchange up to ${LONGEST_SEND_SECONDS} s): another process may send a slow message again, a duplicate with the same Message-ID`,
    );
  }
  // On a loopback HOST (a developer's machine) the default link is the right one.
  if (settings.PUBLIC_URL_DEFAULTED && !isLoopback(settings.HOST)) {
    notices.push(
      `PUBLIC_URL is not set: the cancel links in guests' e-mail use ${settings.PUBLIC_URL}; set PUBLIC_URL to the address guests reach this server at (https://reservas.example.com) for links they can open`,
    );
  }
  return notices;
}

/** Builds and starts this process's sender over `db`. */
export function startOutbox(
  db: Database,
  settings: OutboxSettings,
  logger: SenderLogger,
  extra: { now?: () => Date; stopTimeoutMs?: number } = {},
): RunningOutbox {
  const metrics = serverMetrics();
  const email = settings.SMTP_URL ? createSmtpTransport({ url: settings.SMTP_URL }) : undefined;
  // Once per server: a cluster's primary says it for all its workers (cluster.ts).
  if (!cluster.isWorker) for (const notice of outboxNotices(settings)) logger.warn({}, notice);
  const sender = createOutboxSender({
    db,
    transports: { ...(email ? { email } : {}), webhook: createWebhookTransport() },
    email: { mailFrom: settings.MAIL_FROM, publicUrl: settings.PUBLIC_URL },
    allowPrivateWebhooks: settings.WEBHOOKS_ALLOW_PRIVATE,
    pollMs: settings.OUTBOX_POLL_MS,
    leaseSeconds: settings.OUTBOX_LEASE_SECONDS,
    maxAttempts: settings.OUTBOX_MAX_ATTEMPTS,
    retryBaseMs: settings.OUTBOX_RETRY_BASE_MS,
    ...(extra.now ? { now: extra.now } : {}),
    ...(extra.stopTimeoutMs !== undefined ? { stopTimeoutMs: extra.stopTimeoutMs } : {}),
    logger,
    observer: ({ channel, outcome }) => {
      if (outcome === 'sent') metrics.outboxSent.inc({ channel });
      else if (outcome === 'failed') metrics.outboxFailed.inc({ channel });
      else if (outcome === 'dead') metrics.outboxDead.inc({ channel });
    },
  });
  metrics.outboxDatabases.add(db);
  sender.start();
  logger.info(
    {
      channels: sender.channels,
      pollMs: settings.OUTBOX_POLL_MS,
      leaseSeconds: settings.OUTBOX_LEASE_SECONDS,
      publicUrl: settings.PUBLIC_URL,
    },
    `outbox sender started (${sender.channels.join(' and ')})`,
  );
  let stopped: Promise<void> | undefined;
  return {
    sender,
    stop() {
      stopped ??= (async () => {
        await sender.stop();
        metrics.outboxDatabases.delete(db);
        await email?.close?.();
      })();
      return stopped;
    },
  };
}
