import { WEBHOOK_EVENT_TYPES } from '@tablebook/client';
import { defineCommand } from '../args/command.ts';
import { UsageError } from '../errors.ts';
import { ExitCode } from '../exit-codes.ts';
import { webhookSecretFields } from '../output/outbox-views.ts';

const WEBHOOK_EVENTS = WEBHOOK_EVENT_TYPES;
type Subscription = (typeof WEBHOOK_EVENTS)[number] | '*';

/** "reservation.created,reservation.cancelled" or "*": the list the API takes. */
function parseEvents(text: string): Subscription[] {
  const events = text
    .split(',')
    .map((event) => event.trim().toLowerCase())
    .filter(Boolean);
  if (events.length === 0) throw new UsageError('--events must name at least one event, or be *');
  for (const event of events) {
    if (event !== '*' && !(WEBHOOK_EVENTS as readonly string[]).includes(event)) {
      throw new UsageError(`--events: "${event}" is not an event (${WEBHOOK_EVENTS.join(', ')}, or *)`);
    }
  }
  return events as Subscription[];
}

const SIGNATURE_NOTES = [
  'Each change is POSTed as JSON {type, timestamp, data: {reservation, restaurantId}}, signed the',
  'Standard Webhooks way: headers webhook-id, webhook-timestamp and webhook-signature (v1,<base64 of',
  'HMAC-SHA256 over "<id>.<timestamp>.<body>" keyed by the base64 after whsec_ in the secret).',
];

export const webhooksAddCommand = defineCommand({
  path: ['webhooks', 'add'],
  summary: 'Register a webhook endpoint; prints its signing secret, once',
  usage: 'webhooks add <url> --events EVENT[,EVENT...]|*',
  arguments: [{ name: 'url', description: 'where to POST each event: http:// or https://, a public address' }],
  flags: {
    events: {
      type: 'string',
      valueName: 'EVENTS',
      required: true,
      description: `comma-separated: ${WEBHOOK_EVENTS.join(', ')}; or * for every event`,
    },
  },
  notes: [
    'The secret (whsec_...) is shown only now: keep it where the receiver verifies signatures.',
    'Loopback and private addresses are refused (INVALID_INPUT, exit 1) unless the server runs with',
    'WEBHOOKS_ALLOW_PRIVATE=true.',
    ...SIGNATURE_NOTES,
  ],
  async run({ client, print }, { args, flags }) {
    const events = parseEvents(flags.events);
    const created = await client.webhook.create.mutate({ url: args.url, events });
    print.record('Added webhook endpoint', created, webhookSecretFields);
    print.note('The secret is shown only now: store it where the receiver verifies the webhook-signature header.');
    return ExitCode.success;
  },
});
