import { z } from 'zod';
import { WEBHOOK_EVENT_TYPES } from '@tablebook/db/statuses';
import { entityId, isStorableText } from './common.ts';
import { messageOutput, messagePageInput, outboxAttemptOutput } from './message.ts';

/** The longest URL an endpoint may have (browsers and proxies agree on far less than this). */
const MAX_WEBHOOK_URL_LENGTH = 2000;

/** What an endpoint may subscribe to: the reservation events, or `*` for every one (now and later). */
const WEBHOOK_SUBSCRIPTIONS = [...WEBHOOK_EVENT_TYPES, '*'] as const;

const webhookEvent = z.enum(WEBHOOK_SUBSCRIPTIONS, {
  error: `each event must be one of ${WEBHOOK_SUBSCRIPTIONS.join(', ')}`,
});

const webhookEvents = z
  .array(webhookEvent, { error: 'events must be a list of event types' })
  .min(1, 'events must name at least one event type, or be ["*"]')
  .max(WEBHOOK_SUBSCRIPTIONS.length, `events must have at most ${WEBHOOK_SUBSCRIPTIONS.length} entries`)
  .superRefine((events, context) => {
    const seen = new Set<string>();
    for (const [index, event] of events.entries()) {
      if (seen.has(event)) {
        context.addIssue({
          code: 'custom',
          path: [index],
          message: `${event} is listed twice`,
          params: { code: 'listed_twice', value: event },
        });
      }
      seen.add(event);
    }
    if (seen.has('*') && seen.size > 1) {
      context.addIssue({ code: 'custom', path: [], message: '"*" stands alone: it already means every event type' });
    }
  })
  .describe(
    'The event types to deliver: any of reservation.created, reservation.updated, reservation.moved, reservation.cancelled, or ["*"] for all.',
  );

export const createWebhookInput = z.object({
  url: z
    .string({ error: 'url must be a string' })
    .trim()
    .min(1, 'url must not be empty')
    .max(MAX_WEBHOOK_URL_LENGTH, `url must be at most ${MAX_WEBHOOK_URL_LENGTH} characters`)
    .refine(isStorableText, { error: 'url contains characters that cannot be stored', params: { code: 'unstorable_text' } })
    .describe(
      'Where to POST each event: an http: or https: URL without user name or password, whose host is (or resolves only to) public addresses unless the server runs with WEBHOOKS_ALLOW_PRIVATE=true.',
    ),
  events: webhookEvents,
});
export type CreateWebhookInput = z.infer<typeof createWebhookInput>;

export const webhookIdInput = z.object({ id: entityId('id') });

export const webhookOutput = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.string()).describe('The subscribed event types, or ["*"].'),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** After a rotation the previous secret also signs until then; null otherwise. */
  previousSecretUntil: z.string().nullable().describe('Until when the previous secret still signs too, after a rotation; null otherwise.'),
});
export type WebhookOutput = z.infer<typeof webhookOutput>;

/** The endpoint with its secret: answered only when it is created or its secret rotated. */
export const webhookWithSecretOutput = webhookOutput.extend({
  secret: z
    .string()
    .describe(
      'The signing secret, whsec_<base64>, shown only now: receivers verify the webhook-signature header with it (Standard Webhooks).',
    ),
});
export type WebhookWithSecretOutput = z.infer<typeof webhookWithSecretOutput>;

export const deletedWebhookOutput = z.object({ id: z.string() });

export const webhookDeliveriesInput = messagePageInput.extend({ id: entityId('id') });

const webhookDeliveryOutput = messageOutput.extend({ attemptLog: z.array(outboxAttemptOutput) });

export const webhookDeliveriesOutput = z.object({
  items: z.array(webhookDeliveryOutput),
  nextCursor: z.string().nullable().describe('Pass as cursor for the next (older) page; null on the last page.'),
});
