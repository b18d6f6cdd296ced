import { defineCommand } from '../args/command.ts';
import { ExitCode } from '../exit-codes.ts';

export const webhooksDeleteCommand = defineCommand({
  path: ['webhooks', 'delete'],
  summary: 'Delete a webhook endpoint and its deliveries',
  usage: 'webhooks delete <id>',
  arguments: [{ name: 'id', description: "the endpoint's id (webhooks list)" }],
  flags: {},
  async run({ client, print }, { args }) {
    const deleted = await client.webhook.delete.mutate({ id: args.id.trim() });
    print.done(`Deleted webhook endpoint ${deleted.id}`, deleted);
    return ExitCode.success;
  },
});
