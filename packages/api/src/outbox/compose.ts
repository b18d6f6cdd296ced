// Turns a claimed outbox row into what goes out: the e-mail (A's renderEmail for the words, the
// cancel link signed here) or the webhook request (the Standard Webhooks headers, signed here).
import { signCancelToken } from '../rules/cancel-token.ts';
import { signWebhook } from '../rules/webhook-signature.ts';
import type { ClaimedEndpoint, ClaimedMessage } from './claim.ts';
import { renderEmail } from './email-content.ts';
import type { OutgoingEmail, WebhookRequest } from './transports.ts';

/** The domain of `Name <user@domain>` or `user@domain`, else undefined. */
export function mailDomain(mailFrom: string): string | undefined {
  const address = /<([^<>]+)>\s*$/.exec(mailFrom)?.[1] ?? mailFrom;
  const domain = /@([^@\s<>]+)$/.exec(address.trim())?.[1];
  return domain && /^[A-Za-z0-9.-]+$/.test(domain) ? domain.toLowerCase() : undefined;
}

/** The e-mail's Message-ID: the outbox row's id, the same on every attempt (receivers drop duplicates by it). */
export const emailMessageId = (outboxId: string, mailFrom: string) => `<${outboxId}@${mailDomain(mailFrom) ?? 'tablebook'}>`;

/** The webhook's `webhook-id`: the outbox row's id, the same on every attempt. */
export const webhookId = (outboxId: string) => `msg_${outboxId}`;

/** The guest's cancel link: PUBLIC_URL + /cancel?token=... (no link in a cancellation). */
function cancelUrlFor(message: ClaimedMessage, publicUrl: string, key: Uint8Array | null): string | null {
  if (message.kind === 'cancellation' || key === null) return null;
  return `${publicUrl.replace(/\/+$/, '')}/cancel?token=${signCancelToken(message.reservationId, key)}`;
}

export interface EmailSettings {
  mailFrom: string;
  publicUrl: string;
}

export function composeEmail(message: ClaimedMessage, settings: EmailSettings, cancelKey: Uint8Array | null): OutgoingEmail {
  if (message.recipient === null) throw new Error(`outbox message ${message.id} is an e-mail without a recipient`);
  const language = message.language === 'en' ? 'en' : 'es-CO';
  const content = renderEmail(
    { kind: message.kind, language, payload: message.payload, reminderMinutes: message.reminderMinutes },
    { cancelUrl: cancelUrlFor(message, settings.publicUrl, cancelKey) },
  );
  return {
    messageId: emailMessageId(message.id, settings.mailFrom),
    from: settings.mailFrom,
    to: message.recipient,
    subject: content.subject,
    text: content.text,
    html: content.html,
    language,
  };
}

/** The JSON body of a webhook delivery: `{type, timestamp, data: {reservation, restaurantId}}`. */
export function webhookBody(message: ClaimedMessage): string {
  return JSON.stringify({
    type: message.eventType,
    timestamp: message.payload.occurredAt,
    data: { reservation: message.payload.reservation, restaurantId: message.restaurantId },
  });
}

/** The secrets that sign: the endpoint's, and its previous one while it is still honoured after a rotation. */
export function signingSecrets(endpoint: ClaimedEndpoint, nowMs: number): string[] {
  const secrets = [endpoint.secret];
  if (endpoint.previousSecret && endpoint.previousSecretUntilMs !== null && endpoint.previousSecretUntilMs > nowMs) {
    secrets.push(endpoint.previousSecret);
  }
  return secrets;
}

/**
 * The signed POST of a webhook row. `timestampSeconds` is the wall clock's (receivers compare it with
 * theirs); `nowMs` is the sender's clock, which decides whether a rotated-out secret still signs.
 */
export function composeWebhook(message: ClaimedMessage, timestampSeconds: number, nowMs: number): WebhookRequest {
  const { endpoint } = message;
  if (endpoint === null) throw new Error(`outbox message ${message.id} is a webhook without an endpoint`);
  const id = webhookId(message.id);
  const body = webhookBody(message);
  return {
    url: endpoint.url,
    body,
    headers: {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(timestampSeconds),
      'webhook-signature': signWebhook({ id, timestamp: timestampSeconds, body, secrets: signingSecrets(endpoint, nowMs) }),
    },
  };
}
