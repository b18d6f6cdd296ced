import { defineCommand } from '../args/command.ts';
import { ExitCode } from '../exit-codes.ts';
import { webhookColumns } from '../output/outbox-views.ts';

export const webhooksListCommand = defineCommand({
  path: ['webhooks', 'list'],
  summary: 'List the webhook endpoints (never their secrets)',
  usage: 'webhooks list',
  arguments: [],
  flags: {},
  async run({ client, print }) {
    const webhooks = await client.webhook.list.query();
    print.list(webhooks, webhookColumns, 'No webhook endpoints.');
    return ExitCode.success;
  },
});
