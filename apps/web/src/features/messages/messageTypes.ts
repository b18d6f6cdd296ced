import type { AppRouter } from '@tablebook/api';
import type { inferRouterOutputs } from '@trpc/server';

/**
 * The admin API's outbox as the Messages page gets it (`message.*`, `webhook.*`): types only, read from
 * the router, so a change there fails this app's typecheck. The schemas themselves stay on the server
 * (they are not among the browser-safe modules of `@tablebook/api/shared`).
 */
type Outputs = inferRouterOutputs<AppRouter>;

export type Message = Outputs['message']['list']['items'][number];
type MessageDetail = Outputs['message']['get'];
export type MessageAttempt = MessageDetail['attemptLog'][number];
export type MessageStatus = Message['status'];
export type MessageChannel = Message['channel'];
export type Webhook = Outputs['webhook']['list'][number];
export type WebhookWithSecret = Outputs['webhook']['create'];

/** In the order the status filter offers them (the last three are the ones that need no more work). */
export const MESSAGE_STATUSES = ['pending', 'sending', 'dead', 'sent', 'dropped'] as const satisfies readonly MessageStatus[];
export const MESSAGE_CHANNELS = ['email', 'webhook'] as const satisfies readonly MessageChannel[];

/** The reservation events an endpoint can subscribe to (the API's WEBHOOK_EVENT_TYPES), `*` aside. */
export const WEBHOOK_EVENT_TYPES = ['reservation.created', 'reservation.updated', 'reservation.moved', 'reservation.cancelled'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

// Every status and channel of the API is offered: a new one fails here until it is.
type Missing<All, Listed> = Exclude<All, Listed>;
const everyStatus: Missing<MessageStatus, (typeof MESSAGE_STATUSES)[number]> extends never ? true : never = true;
const everyChannel: Missing<MessageChannel, (typeof MESSAGE_CHANNELS)[number]> extends never ? true : never = true;
void everyStatus;
void everyChannel;
