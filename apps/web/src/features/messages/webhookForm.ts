import type { IssueDetail } from '@tablebook/api/shared';
import type { Messages } from '../../i18n/dictionary.ts';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from './messageTypes.ts';

/**
 * The new webhook endpoint form: a URL and the events to send, as `webhook.create` takes them. The
 * API's schema and its address rules live on the server (whether a host is private needs its DNS),
 * so the form checks only what a person can fix at once (an http(s) address, at least one event),
 * and the server's issues are placed beside their inputs like the other forms' (`webhookErrorsFromServer`).
 */

/** The API's own limit on an endpoint's URL. */
const MAX_WEBHOOK_URL_LENGTH = 2000;

export interface WebhookFormValues {
  url: string;
  /** Every event, present and future (`["*"]`), or only the ones chosen. */
  everyEvent: boolean;
  events: readonly WebhookEventType[];
}

export const newWebhookForm = (): WebhookFormValues => ({ url: '', everyEvent: true, events: [] });

export type WebhookFormErrors = Partial<Record<'url' | 'events', string>>;

type WebhookWords = Messages['messages']['webhooks']['validation'];

export type WebhookFormResult =
  | { ok: true; input: { url: string; events: (WebhookEventType | '*')[] } }
  | { ok: false; errors: WebhookFormErrors };

const looksLikeWebUrl = (text: string) => {
  if (!/^https?:\/\/\S+$/i.test(text)) return false;
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
};

export function validateWebhookForm(values: WebhookFormValues, words: WebhookWords): WebhookFormResult {
  const errors: WebhookFormErrors = {};
  const url = values.url.trim();
  if (url.length > MAX_WEBHOOK_URL_LENGTH) errors.url = words.urlTooLong;
  else if (!looksLikeWebUrl(url)) errors.url = words.url;
  // In the API's order, each once.
  const events: (WebhookEventType | '*')[] = values.everyEvent
    ? ['*']
    : WEBHOOK_EVENT_TYPES.filter((event) => values.events.includes(event));
  if (events.length === 0) errors.events = words.events;
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, input: { url, events } };
}

/**
 * The server's issues beside the URL or the events, the rest above the form, worded by `describe`
 * (i18n/refusals.ts) from each issue's code, never from the server's English.
 */
export function webhookErrorsFromServer(
  issues: readonly IssueDetail[],
  describe: (issue: IssueDetail, withField: boolean) => string,
): { fields: WebhookFormErrors; general: string[] } {
  const fields: WebhookFormErrors = {};
  const general: string[] = [];
  for (const issue of issues) {
    const field = issue.path.split('.')[0] ?? '';
    if (field === 'url' || field === 'events') {
      const text = describe(issue, false);
      fields[field] = fields[field] ? `${fields[field]}; ${text}` : text;
    } else general.push(describe(issue, true));
  }
  return { fields, general };
}
