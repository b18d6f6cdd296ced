import { exampleIds } from '../examples.ts';
import { listMessagesInput, messageDetailOutput, messageIdInput, messagePageOutput } from '../schemas/message.ts';
import { getMessage, listMessages, retryMessage } from '../services/messages.ts';
import { adminProcedure } from '../trpc.ts';

const tag = 'messages';
const path = '/admin/messages';

const exampleMessageId = '5d2e8b1a-9c4f-4a7e-b3d6-1f0a2c8e4b97';

const exampleEmail = {
  id: exampleMessageId,
  channel: 'email',
  kind: 'confirmation',
  status: 'dead',
  attempts: 8,
  reservationId: exampleIds.reservationId,
  restaurantId: exampleIds.restaurantId,
  restaurantName: 'La Cevichería',
  date: exampleIds.date,
  time: '19:30',
  version: 1,
  reminderMinutes: 0,
  eventType: null,
  recipient: 'ana.gomez@example.com',
  endpointId: null,
  endpointUrl: null,
  language: 'es-CO',
  dueAt: '2027-03-01T16:10:05.000Z',
  sentAt: null,
  lastError: '550 5.1.1 mailbox unavailable',
  createdAt: '2027-03-01T15:04:05.000Z',
  updatedAt: '2027-03-01T16:10:06.000Z',
} as const;

const exampleAttempt = {
  attempt: 1,
  startedAt: '2027-03-01T15:04:06.000Z',
  finishedAt: '2027-03-01T15:04:06.400Z',
  ok: false,
  responseStatus: 550,
  error: '550 5.1.1 mailbox unavailable',
};

/** A webhook delivery, for the deliveries' example (routers/webhook.ts). */
export const exampleWebhookDelivery = {
  ...exampleEmail,
  id: '9a4c2e6b-1d3f-4b5a-8c7e-0f2d4a6b8c1e',
  status: 'sent',
  attempts: 2,
  eventType: 'reservation.created',
  recipient: null,
  endpointId: '3f1c9a2e-5b7d-4e8f-a1c3-6d9e0b2f4a71',
  endpointUrl: 'https://pos.example.com/hooks/tablebook',
  sentAt: '2027-03-01T15:04:12.000Z',
  lastError: 'HTTP 500',
  attemptLog: [
    { ...exampleAttempt, responseStatus: 500, error: 'HTTP 500' },
    {
      attempt: 2,
      startedAt: '2027-03-01T15:04:11.800Z',
      finishedAt: '2027-03-01T15:04:12.000Z',
      ok: true,
      responseStatus: 204,
      error: null,
    },
  ],
};

const FILTERS =
  'Newest first. Filters: status (pending, sending, sent, dead, dropped), channel (email, webhook), kind (confirmation, change, cancellation, reminder), reservationId. limit 1..200 (default 50); pass the previous page’s nextCursor as cursor for the next. An e-mail shows its recipient, a webhook delivery its endpointId and endpointUrl. Without SMTP_URL e-mail stays pending here: nothing is sent.';

export const messageRouter = {
  list: adminProcedure
    .meta({
      rest: {
        method: 'GET',
        path,
        tag,
        summary: 'Outgoing e-mail and webhook deliveries',
        description: FILTERS,
        successMessage: 'Messages retrieved',
        example: { request: { status: 'dead', limit: 50 }, response: { items: [exampleEmail], nextCursor: null } },
      },
    })
    .input(listMessagesInput)
    .output(messagePageOutput)
    .query(({ ctx, input }) => listMessages(ctx.db, input)),

  get: adminProcedure
    .meta({
      rest: {
        method: 'GET',
        path: `${path}/{id}`,
        tag,
        summary: 'One message with its attempts',
        description:
          'The message as listed, with attemptLog: every attempt, first to last (when, ok, the SMTP code or HTTP status answered, the error).',
        successMessage: 'Message retrieved',
        example: { response: { ...exampleEmail, attemptLog: [exampleAttempt] } },
      },
    })
    .input(messageIdInput)
    .output(messageDetailOutput)
    .query(({ ctx, input }) => getMessage(ctx.db, input.id)),

  retry: adminProcedure
    .meta({
      rest: {
        method: 'POST',
        path: `${path}/{id}/retry`,
        tag,
        summary: 'Retry a dead message',
        description:
          'Only a dead message (out of attempts): it becomes pending, due now, with its attempts counted from 0 again; its last error and attempts so far stay visible. Any other status is 409 MESSAGE_NOT_DEAD with details.status. Takes no body.',
        successMessage: 'Message queued again',
        errors: ['MESSAGE_NOT_DEAD'],
        example: {
          response: {
            ...exampleEmail,
            status: 'pending',
            attempts: 0,
            dueAt: '2027-03-02T09:00:00.000Z',
            updatedAt: '2027-03-02T09:00:00.000Z',
            attemptLog: [exampleAttempt],
          },
        },
      },
    })
    .input(messageIdInput)
    .output(messageDetailOutput)
    .mutation(({ ctx, input }) => retryMessage(ctx.db, input.id, ctx.now())),
};
