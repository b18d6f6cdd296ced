import {
  createWebhookInput,
  deletedWebhookOutput,
  webhookDeliveriesInput,
  webhookDeliveriesOutput,
  webhookIdInput,
  webhookOutput,
  webhookWithSecretOutput,
} from '../schemas/webhook.ts';
import { createWebhook, deleteWebhook, listWebhookDeliveries, listWebhooks, rotateWebhookSecret } from '../services/webhooks.ts';
import { adminProcedure } from '../trpc.ts';
import { z } from 'zod';
import { exampleWebhookDelivery } from './message.ts';

const tag = 'webhooks';
const path = '/admin/webhooks';

const exampleWebhookId = '3f1c9a2e-5b7d-4e8f-a1c3-6d9e0b2f4a71';
const exampleWebhook = {
  id: exampleWebhookId,
  url: 'https://pos.example.com/hooks/tablebook',
  events: ['reservation.created', 'reservation.cancelled'],
  createdAt: '2027-03-01T15:04:05.000Z',
  updatedAt: '2027-03-01T15:04:05.000Z',
  previousSecretUntil: null,
};
const exampleSecret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

const WEBHOOK_SIGNING =
  'Each event is POSTed as JSON {type, timestamp, data: {reservation, restaurantId}} with the Standard Webhooks headers webhook-id (msg_<message id>, the same on every retry: drop duplicates by it), webhook-timestamp (seconds) and webhook-signature (v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>" keyed by the base64 after whsec_ in the secret; during a rotation one v1 signature per secret, space-separated). A receiver answers 2xx; anything else, or no answer, is retried with exponential backoff until the message is dead.';

const URL_RULES =
  'url: http: or https: only, no user name or password, and a host that is (or resolves only to) public addresses: loopback, private, link-local, CGNAT, unspecified, multicast and broadcast addresses (IPv4 and IPv6, IPv4-mapped too) and localhost names are refused with 400 INVALID_INPUT on url unless the server runs with WEBHOOKS_ALLOW_PRIVATE=true. events: a non-empty list of reservation.created, reservation.updated, reservation.moved, reservation.cancelled, or ["*"] for every event.';

export const webhookRouter = {
  create: adminProcedure
    .meta({
      rest: {
        method: 'POST',
        path,
        tag,
        summary: 'Register a webhook endpoint',
        description: `Answers the endpoint with its secret (whsec_<base64>), shown only now. ${URL_RULES} ${WEBHOOK_SIGNING}`,
        successStatus: 201,
        successMessage: 'Webhook endpoint created',
        example: {
          request: { url: exampleWebhook.url, events: exampleWebhook.events },
          response: { ...exampleWebhook, secret: exampleSecret },
        },
      },
    })
    .input(createWebhookInput)
    .output(webhookWithSecretOutput)
    .mutation(({ ctx, input }) => createWebhook(ctx.db, input, { allowPrivate: ctx.settings.webhooksAllowPrivate === true })),

  list: adminProcedure
    .meta({
      rest: {
        method: 'GET',
        path,
        tag,
        summary: 'The webhook endpoints',
        description: 'Every endpoint, oldest first, without its secret (rotate it to see a new one).',
        successMessage: 'Webhook endpoints retrieved',
        example: { response: [exampleWebhook] },
      },
    })
    .output(z.array(webhookOutput))
    .query(({ ctx }) => listWebhooks(ctx.db)),

  delete: adminProcedure
    .meta({
      rest: {
        method: 'DELETE',
        path: `${path}/{id}`,
        tag,
        summary: 'Delete a webhook endpoint',
        description: 'Nothing more is delivered to it; its deliveries, sent or not, are deleted with it.',
        successMessage: 'Webhook endpoint deleted',
        example: { response: { id: exampleWebhookId } },
      },
    })
    .input(webhookIdInput)
    .output(deletedWebhookOutput)
    .mutation(({ ctx, input }) => deleteWebhook(ctx.db, input.id)),

  rotateSecret: adminProcedure
    .meta({
      rest: {
        method: 'POST',
        path: `${path}/{id}/rotate-secret`,
        tag,
        summary: "Replace a webhook endpoint's secret",
        description:
          'Answers the endpoint with its new secret, shown only now. The previous secret keeps signing beside it for 24 hours (previousSecretUntil), so the receiver can switch without refusing a delivery; a second rotation within that day retires the first secret at once. Takes no body.',
        successMessage: 'Webhook secret rotated',
        example: {
          response: {
            ...exampleWebhook,
            updatedAt: '2027-03-02T09:00:00.000Z',
            previousSecretUntil: '2027-03-03T09:00:00.000Z',
            secret: 'whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD',
          },
        },
      },
    })
    .input(webhookIdInput)
    .output(webhookWithSecretOutput)
    .mutation(({ ctx, input }) => rotateWebhookSecret(ctx.db, input.id, ctx.now())),

  deliveries: adminProcedure
    .meta({
      rest: {
        method: 'GET',
        path: `${path}/{id}/deliveries`,
        tag,
        summary: "A webhook endpoint's deliveries",
        description:
          'Its outbox rows, newest first, each with its status (pending, sending, sent, dead), attempts, last error and every attempt (when, ok, the HTTP status answered, the error). Paged: limit (1..200, default 50) and the previous page’s nextCursor as cursor.',
        successMessage: 'Webhook deliveries retrieved',
        example: {
          request: { limit: 20 },
          response: { items: [{ ...exampleWebhookDelivery, endpointId: exampleWebhookId }], nextCursor: null },
        },
      },
    })
    .input(webhookDeliveriesInput)
    .output(webhookDeliveriesOutput)
    .query(({ ctx, input: { id, limit, cursor } }) => listWebhookDeliveries(ctx.db, id, { limit, cursor })),
};
