// The outbox's sender in a server process (issue 17): built from the settings, counted in the
// metrics, started once the process serves, and stopped on shutdown before its pool closes.
import { createOutboxSender, type OutboxSender, type SenderLogger } from '@tablebook/api';
import type { Database } from '@tablebook/db';
import type { Settings } from '../config.ts';
import { serverMetrics } from '../metrics.ts';
import { createSmtpTransport } from './smtp-transport.ts';
import { createWebhookTransport } from './webhook-transport.ts';

export type OutboxSettings = Pick<
  Settings,
  | 'SMTP_URL'
  | 'MAIL_FROM'
  | 'PUBLIC_URL'
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

export const SMTP_UNSET_MESSAGE = 'SMTP_URL is not set: e-mail messages are kept in the outbox, not sent';

/** Builds and starts this process's sender over `db`. */
export function startOutbox(
  db: Database,
  settings: OutboxSettings,
  logger: SenderLogger,
  extra: { now?: () => Date; stopTimeoutMs?: number } = {},
): RunningOutbox {
  const metrics = serverMetrics();
  const email = settings.SMTP_URL ? createSmtpTransport({ url: settings.SMTP_URL }) : undefined;
  if (!email) logger.warn({}, SMTP_UNSET_MESSAGE);
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
