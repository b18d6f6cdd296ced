import { defineCommand } from '../args/command.ts';
import { ExitCode } from '../exit-codes.ts';
import { deliveryColumns } from '../output/outbox-views.ts';
import { morePages, pageFlags, pageInput } from './outbox-flags.ts';

export const webhooksDeliveriesCommand = defineCommand({
  path: ['webhooks', 'deliveries'],
  summary: "List a webhook endpoint's deliveries, newest first, with each attempt's answer",
  usage: 'webhooks deliveries <id> [--limit N] [--cursor CURSOR]',
  arguments: [{ name: 'id', description: "the endpoint's id (webhooks list)" }],
  flags: pageFlags,
  notes: [
    'ANSWERS lists each attempt: the HTTP status the receiver answered ("error" when none came), "ok" for',
    'the one that succeeded. --json prints the deliveries, each with its attemptLog.',
  ],
  async run({ client, print }, { args, flags }) {
    const id = args.id.trim();
    const page = await client.webhook.deliveries.query({ id, ...pageInput(flags) });
    print.list(page.items, deliveryColumns, `No deliveries to webhook endpoint ${id}.`);
    const more = morePages(page.nextCursor, `webhooks deliveries ${id}`);
    if (more) print.note(more);
    return ExitCode.success;
  },
});
