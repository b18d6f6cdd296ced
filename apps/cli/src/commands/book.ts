import { randomUUID } from 'node:crypto';
import { defineCommand } from '../args/command.ts';
import { ExitCode } from '../exit-codes.ts';
import { restaurantSummary } from '../output/views.ts';
import { resolveRestaurant } from '../resolve/restaurant.ts';
import { guestFieldsFromFlags, guestFlags } from './guest-flags.ts';

export const bookCommand = defineCommand({
  path: ['book'],
  summary: 'Book a table at a restaurant for a day',
  usage:
    'book <restaurant> --table LABEL --date YYYY-MM-DD [--party-size N] [--guest-name NAME] [--guest-phone PHONE] [--guest-email EMAIL] [--notes TEXT] [--idempotency-key KEY]',
  arguments: [{ name: 'restaurant', description: 'its id, or the start of its name' }],
  flags: {
    table: { type: 'string', valueName: 'LABEL', description: 'the table, e.g. A1', required: true },
    date: { type: 'string', valueName: 'YYYY-MM-DD', description: 'the day, today or later', required: true },
    ...guestFlags,
    'idempotency-key': {
      type: 'string',
      valueName: 'KEY',
      description: 'makes a retry safe: the same key and booking replay the first answer (default: a fresh key)',
    },
  },
  notes: [
    'A refusal (table already booked, a daily limit reached, a past day, a party too large for the table)',
    'exits with 1 and names its reason. A script that may retry after a lost answer passes its own',
    '--idempotency-key (1 to 255 printable ASCII characters, kept by the server for 48 hours): a retry then',
    'gets the first answer again instead of booking twice; the same key with another booking is refused',
    '(IDEMPOTENCY_KEY_REUSED, exit 1).',
  ],
  async run({ client, print }, { args, flags }) {
    const guest = guestFieldsFromFlags(flags);
    const restaurant = await resolveRestaurant(client, args.restaurant);
    const reservation = await client.reservation.create.mutate({
      restaurantId: restaurant.id,
      table: flags.table,
      date: flags.date,
      ...guest,
      idempotencyKey: flags['idempotency-key'] ?? `tablebook-book:${randomUUID()}`,
    });
    const party = reservation.partySize === 1 ? '1 person' : `${reservation.partySize} people`;
    print.done(
      `Booked table ${reservation.table} at ${restaurantSummary(restaurant)} on ${reservation.date} for ${party} (reservation ${reservation.id})`,
      reservation,
    );
    return ExitCode.success;
  },
});
