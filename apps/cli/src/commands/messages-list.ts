import { OUTBOX_CHANNELS, OUTBOX_KINDS, OUTBOX_STATUSES } from '@tablebook/client';
import { defineCommand } from '../args/command.ts';
import { ExitCode } from '../exit-codes.ts';
import { messageColumns } from '../output/outbox-views.ts';
import { morePages, oneOfFlag, pageFlags, pageInput } from './outbox-flags.ts';

const STATUSES = OUTBOX_STATUSES;
const CHANNELS = OUTBOX_CHANNELS;
const KINDS = OUTBOX_KINDS;

export const messagesListCommand = defineCommand({
  path: ['messages', 'list'],
  summary: 'List outgoing e-mail and webhook deliveries, newest first',
  usage: 'messages list [--status STATUS] [--channel email|webhook] [--kind KIND] [--reservation ID] [--limit N] [--cursor CURSOR]',
  arguments: [],
  flags: {
    status: { type: 'string', valueName: 'STATUS', description: `only that status: ${STATUSES.join(', ')}` },
    channel: { type: 'string', valueName: 'CHANNEL', description: 'only e-mail or only webhook deliveries' },
    kind: { type: 'string', valueName: 'KIND', description: `only that kind: ${KINDS.join(', ')}` },
    reservation: { type: 'string', valueName: 'ID', description: "only that reservation's messages" },
    ...pageFlags,
  },
  notes: [
    "TO is an e-mail's recipient or a webhook's URL. A dead message ran out of attempts: \"messages retry",
    '<id>" queues it again. Without SMTP_URL on the server, e-mail stays pending (nothing is sent).',
  ],
  async run({ client, print }, { flags }) {
    const status = oneOfFlag('status', flags.status, STATUSES);
    const channel = oneOfFlag('channel', flags.channel, CHANNELS);
    const kind = oneOfFlag('kind', flags.kind, KINDS);
    const reservationId = flags.reservation?.trim();
    const page = await client.message.list.query({
      ...(status ? { status } : {}),
      ...(channel ? { channel } : {}),
      ...(kind ? { kind } : {}),
      ...(reservationId ? { reservationId } : {}),
      ...pageInput(flags),
    });
    print.list(page.items, messageColumns, 'No messages.');
    const filters = [
      status ? `--status ${status}` : '',
      channel ? `--channel ${channel}` : '',
      kind ? `--kind ${kind}` : '',
      reservationId ? `--reservation ${reservationId}` : '',
      flags.limit ? `--limit ${flags.limit.trim()}` : '',
    ].filter(Boolean);
    const more = morePages(page.nextCursor, ['messages list', ...filters].join(' '));
    if (more) print.note(more);
    return ExitCode.success;
  },
});
