import { OUTBOX_CHANNELS, OUTBOX_KINDS, OUTBOX_STATUSES } from '@tablebook/db/statuses';
import { z } from 'zod';
import { entityId, optionalQuery, queryInt } from './common.ts';

export const DEFAULT_MESSAGE_PAGE = 50;
const MAX_MESSAGE_PAGE = 200;

const outboxStatus = z.enum(OUTBOX_STATUSES, { error: `status must be one of ${OUTBOX_STATUSES.join(', ')}` });
const outboxChannel = z.enum(OUTBOX_CHANNELS, { error: `channel must be one of ${OUTBOX_CHANNELS.join(', ')}` });
const outboxKind = z.enum(OUTBOX_KINDS, { error: `kind must be one of ${OUTBOX_KINDS.join(', ')}` });

/** An opaque page cursor (what a page's nextCursor was). */
const cursor = z
  .string({ error: 'cursor must be a string' })
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,200}$/, 'cursor must be a nextCursor value from a previous page')
  .describe('The nextCursor of the previous page: the page after it (older messages).');

/** Paging through messages, newest first. */
export const messagePageInput = z.object({
  limit: optionalQuery(queryInt('limit', 1, MAX_MESSAGE_PAGE)).describe(
    `At most this many messages (1..${MAX_MESSAGE_PAGE}, default ${DEFAULT_MESSAGE_PAGE}).`,
  ),
  cursor: optionalQuery(cursor),
});

export const listMessagesInput = messagePageInput
  .extend({
    status: optionalQuery(outboxStatus).describe(`Only messages in this status: ${OUTBOX_STATUSES.join(', ')}.`),
    channel: optionalQuery(outboxChannel).describe('Only e-mail or only webhook deliveries.'),
    kind: optionalQuery(outboxKind).describe(`Only this kind: ${OUTBOX_KINDS.join(', ')}.`),
    reservationId: optionalQuery(entityId('reservationId')).describe("Only this reservation's messages."),
  })
  .default({});

export const messageIdInput = z.object({ id: entityId('id') });

export const outboxAttemptOutput = z.object({
  attempt: z.number().int().describe('1 for the first attempt.'),
  startedAt: z.string(),
  finishedAt: z.string(),
  ok: z.boolean(),
  responseStatus: z.number().int().nullable().describe("The webhook receiver's HTTP status, or the SMTP reply code; null when none came."),
  error: z.string().nullable(),
});

export const messageOutput = z.object({
  id: z.string(),
  channel: outboxChannel,
  kind: outboxKind,
  status: outboxStatus,
  attempts: z.number().int().describe('Attempts made so far.'),
  reservationId: z.string(),
  restaurantId: z.string(),
  restaurantName: z.string().nullable().describe("The restaurant's name when the change was queued."),
  /** The reservation's day and local start (null for a whole day) when the change was queued. */
  date: z.string().nullable(),
  time: z.string().nullable(),
  version: z.number().int().describe('The reservation version this message reports.'),
  reminderMinutes: z.number().int().describe("A reminder's minutes before the start; 0 for the other kinds."),
  eventType: z.string().nullable().describe('A webhook delivery’s event type (reservation.created, ...); null for e-mail.'),
  recipient: z.string().nullable().describe("An e-mail's recipient; null for webhooks."),
  endpointId: z.string().nullable().describe("A webhook delivery's endpoint; null for e-mail."),
  endpointUrl: z.string().nullable().describe("A webhook delivery's endpoint URL; null for e-mail."),
  language: z.string(),
  dueAt: z.string().describe('When it is (or was) to be attempted next.'),
  sentAt: z.string().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type MessageOutput = z.infer<typeof messageOutput>;

export const messageDetailOutput = messageOutput.extend({
  attemptLog: z.array(outboxAttemptOutput).describe('Every attempt, first to last.'),
});
export type MessageDetailOutput = z.infer<typeof messageDetailOutput>;

export const messagePageOutput = z.object({
  items: z.array(messageOutput),
  nextCursor: z.string().nullable().describe('Pass as cursor for the next (older) page; null on the last page.'),
});
