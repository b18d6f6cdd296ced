import type { Messages } from '../../i18n/dictionary.ts';
import { formatDay, isCalendarDay } from '../../lib/days.ts';
import { formatDuration } from '../../lib/durations.ts';
import { formatClockTime } from '../day/slotTimes.ts';
import {
  MESSAGE_CHANNELS,
  MESSAGE_STATUSES,
  WEBHOOK_EVENT_TYPES,
  type Message,
  type MessageAttempt,
  type MessageChannel,
  type MessageStatus,
  type WebhookEventType,
} from './messageTypes.ts';

/** The Messages page's filters, from its address (`?status=dead&channel=webhook`); anything unknown is no filter. */
export interface MessageFilters {
  status?: MessageStatus;
  channel?: MessageChannel;
}

const isStatus = (value: string | null): value is MessageStatus => (MESSAGE_STATUSES as readonly (string | null)[]).includes(value);
const isChannel = (value: string | null): value is MessageChannel => (MESSAGE_CHANNELS as readonly (string | null)[]).includes(value);

export function messageFiltersFrom(params: URLSearchParams): MessageFilters {
  const status = params.get('status');
  const channel = params.get('channel');
  return { ...(isStatus(status) ? { status } : {}), ...(isChannel(channel) ? { channel } : {}) };
}

/** How many messages a page of the list holds. */
const MESSAGE_PAGE_SIZE = 50;

/** What `message.list` is asked for a page. */
export const listInputOf = (filters: MessageFilters, cursor?: string) => ({
  ...filters,
  limit: MESSAGE_PAGE_SIZE,
  ...(cursor ? { cursor } : {}),
});

type MessageWords = Messages['messages'];

/** What a message is, in words: "Confirmation", "Reminder, 2 hours before". */
export function kindText(message: Pick<Message, 'kind' | 'reminderMinutes'>, words: MessageWords, locale: string): string {
  if (message.kind === 'reminder' && message.reminderMinutes > 0) {
    return words.reminderBefore(formatDuration(message.reminderMinutes, locale));
  }
  return words.kinds[message.kind];
}

const isEventType = (value: string | null): value is WebhookEventType =>
  (WEBHOOK_EVENT_TYPES as readonly (string | null)[]).includes(value);

/** The dictionary's name of an event type: `reservation.moved` -> `moved`. */
export const eventNameOf = (eventType: WebhookEventType) => eventType.slice('reservation.'.length) as EventName;
type EventName = keyof MessageWords['webhooks']['events'];

/** A webhook delivery's event in words ("Moved"), or its type as sent when this build does not know it. */
export function eventText(eventType: string | null, words: MessageWords): string | undefined {
  if (eventType === null) return undefined;
  return isEventType(eventType) ? words.webhooks.events[eventNameOf(eventType)] : eventType;
}

/** Where it goes: the guest's address, or the endpoint's URL (an endpoint deleted since: its id). */
export const destinationOf = (message: Pick<Message, 'channel' | 'recipient' | 'endpointUrl' | 'endpointId'>): string =>
  (message.channel === 'email' ? message.recipient : (message.endpointUrl ?? message.endpointId)) ?? '';

/**
 * The one time worth showing for a message, by its status: when it was sent; when it is due (waiting,
 * or being sent); for a failed one its last attempt; for a dropped one when it was queued.
 */
export function whenOf(message: Pick<Message, 'status' | 'dueAt' | 'sentAt' | 'updatedAt' | 'createdAt'>): {
  which: 'sentAt' | 'due' | 'lastTried' | 'queuedAt';
  at: string;
} {
  switch (message.status) {
    case 'sent':
      return { which: 'sentAt', at: message.sentAt ?? message.updatedAt };
    case 'dead':
      return { which: 'lastTried', at: message.updatedAt };
    case 'dropped':
      return { which: 'queuedAt', at: message.createdAt };
    default:
      return { which: 'due', at: message.dueAt };
  }
}

/** An attempt's outcome in words: delivered or failed, with the SMTP reply code or HTTP status when one came. */
export function attemptResult(
  attempt: Pick<MessageAttempt, 'ok' | 'responseStatus'>,
  channel: MessageChannel,
  words: MessageWords,
): string {
  const outcome = attempt.ok ? words.attemptOk : words.attemptFailed;
  if (attempt.responseStatus === null) return outcome;
  return `${outcome} (${channel === 'webhook' ? words.httpStatus(attempt.responseStatus) : words.smtpCode(attempt.responseStatus)})`;
}

/**
 * The booking a message is about, as it was when the change was queued: "La Cevichería · Mon, Mar 1,
 * 2027 · 7:30 PM" (its day and local time at the restaurant, no time for a whole day).
 */
export function bookingText(message: Pick<Message, 'restaurantName' | 'date' | 'time'>, locale: string): string {
  const day = message.date && isCalendarDay(message.date) ? formatDay(message.date, locale, 'short') : message.date;
  const time = message.time ? formatClockTime(message.time, locale) : null;
  return [message.restaurantName, day, time].filter(Boolean).join(' · ');
}
