import type { RouterOutputs } from '@tablebook/client';
import type { Column } from './table.ts';

export type Webhook = RouterOutputs['webhook']['list'][number];
export type WebhookWithSecret = RouterOutputs['webhook']['create'];
export type Message = RouterOutputs['message']['list']['items'][number];
export type Delivery = RouterOutputs['webhook']['deliveries']['items'][number];
type Attempt = Delivery['attemptLog'][number];

const events = (webhook: Pick<Webhook, 'events'>) => webhook.events.join(',');

export const webhookColumns: readonly Column<Webhook>[] = [
  { header: 'ID', value: (webhook) => webhook.id },
  { header: 'URL', value: (webhook) => webhook.url },
  { header: 'EVENTS', value: events },
  { header: 'CREATED', value: (webhook) => webhook.createdAt },
  { header: 'PREVIOUS SECRET UNTIL', value: (webhook) => webhook.previousSecretUntil ?? '' },
];

/** An endpoint with its secret, as "label  value" lines (the secret is shown only by add and rotate-secret). */
export const webhookSecretFields: readonly Column<WebhookWithSecret>[] = [
  { header: 'id', value: (webhook) => webhook.id },
  { header: 'url', value: (webhook) => webhook.url },
  { header: 'events', value: events },
  { header: 'secret', value: (webhook) => webhook.secret },
  { header: 'previous secret until', value: (webhook) => webhook.previousSecretUntil ?? 'none' },
];

/** Where a message goes: an e-mail's recipient, a webhook's URL. */
const target = (message: Message) =>
  message.channel === 'email' ? (message.recipient ?? '') : (message.endpointUrl ?? message.endpointId ?? '');

/** Its kind (what --kind filters on), with a reminder's lead time or a webhook's event. */
const about = (message: Message) => {
  if (message.channel === 'webhook') return message.eventType ? `${message.kind} (${message.eventType})` : message.kind;
  return message.kind === 'reminder' ? `reminder ${message.reminderMinutes} min` : message.kind;
};

export const messageColumns: readonly Column<Message>[] = [
  { header: 'ID', value: (message) => message.id },
  { header: 'CREATED', value: (message) => message.createdAt },
  { header: 'CHANNEL', value: (message) => message.channel },
  { header: 'KIND', value: about },
  { header: 'TO', value: target },
  { header: 'STATUS', value: (message) => message.status },
  { header: 'ATTEMPTS', value: (message) => message.attempts, align: 'right' },
  { header: 'DUE', value: (message) => (message.status === 'pending' || message.status === 'sending' ? message.dueAt : '') },
  { header: 'LAST ERROR', value: (message) => message.lastError ?? '' },
];

/** Each attempt in a few characters: the status answered (or "error"), "ok" for a success: "500 500 204 ok". */
const attemptSummary = (attempt: Attempt) => `${attempt.responseStatus ?? 'error'}${attempt.ok ? ' ok' : ''}`;

export const deliveryColumns: readonly Column<Delivery>[] = [
  { header: 'ID', value: (delivery) => delivery.id },
  { header: 'CREATED', value: (delivery) => delivery.createdAt },
  { header: 'EVENT', value: (delivery) => delivery.eventType ?? delivery.kind },
  { header: 'RESERVATION', value: (delivery) => delivery.reservationId },
  { header: 'STATUS', value: (delivery) => delivery.status },
  { header: 'ATTEMPTS', value: (delivery) => delivery.attempts, align: 'right' },
  { header: 'ANSWERS', value: (delivery) => delivery.attemptLog.map(attemptSummary).join(', ') },
  { header: 'LAST ERROR', value: (delivery) => delivery.lastError ?? '' },
];
