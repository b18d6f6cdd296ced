import { defineCommand } from '../args/command.ts';
import { ExitCode } from '../exit-codes.ts';
import { webhookSecretFields } from '../output/outbox-views.ts';

export const webhooksRotateSecretCommand = defineCommand({
  path: ['webhooks', 'rotate-secret'],
  summary: "Replace a webhook endpoint's secret; prints the new one, once",
  usage: 'webhooks rotate-secret <id>',
  arguments: [{ name: 'id', description: "the endpoint's id (webhooks list)" }],
  flags: {},
  notes: [
    'The previous secret keeps signing beside the new one for 24 hours (both v1 signatures are sent),',
    'so the receiver can switch to the new secret without refusing a delivery.',
  ],
  async run({ client, print }, { args }) {
    const rotated = await client.webhook.rotateSecret.mutate({ id: args.id.trim() });
    print.record('Rotated the webhook secret', rotated, webhookSecretFields);
    print.note('The new secret is shown only now; the previous one still signs until the time above.');
    return ExitCode.success;
  },
});
