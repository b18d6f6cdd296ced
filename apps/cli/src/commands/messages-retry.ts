import { defineCommand } from '../args/command.ts';
import { ExitCode } from '../exit-codes.ts';

export const messagesRetryCommand = defineCommand({
  path: ['messages', 'retry'],
  summary: 'Queue a dead message again (one that ran out of attempts)',
  usage: 'messages retry <id>',
  arguments: [{ name: 'id', description: "the message's id (messages list)" }],
  flags: {},
  notes: ['Only a dead message: any other is refused with MESSAGE_NOT_DEAD (exit 1), naming its status.'],
  async run({ client, print }, { args }) {
    const retried = await client.message.retry.mutate({ id: args.id.trim() });
    const to = retried.channel === 'email' ? retried.recipient : retried.endpointUrl;
    print.done(`Queued ${retried.channel} message ${retried.id} (${retried.kind}, to ${to}) again: due now`, retried);
    return ExitCode.success;
  },
});
