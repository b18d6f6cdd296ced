import { randomUUID } from 'node:crypto';
import { parseDate } from '../args/calendar-date.ts';
import { defineCommand } from '../args/command.ts';
import { UsageError } from '../errors.ts';
import { ExitCode } from '../exit-codes.ts';
import { timeRangeOf } from '../output/local-times.ts';
import { restaurantSummary } from '../output/views.ts';
import { resolveRestaurant } from '../resolve/restaurant.ts';
import { bookingTimeFlags, bookingTimeFromFlags } from './booking-time-flags.ts';
import { guestFieldsFromFlags, guestFlags } from './guest-flags.ts';

export const bookCommand = defineCommand({
  path: ['book'],
  summary: 'Book a table at a restaurant, for a day or at a time',
  usage:
    'book <restaurant> --date YYYY-MM-DD (--table LABEL | --time HH:MM [--table LABEL]) [--party-size N] [--duration-minutes N] [--guest-name NAME] [--guest-phone PHONE] [--guest-email EMAIL] [--notes TEXT] [--idempotency-key KEY]',
  arguments: [{ name: 'restaurant', description: 'its id, or the start of its name' }],
  flags: {
    date: { type: 'string', valueName: 'YYYY-MM-DD', description: 'the day, today or later', required: true },
    time: bookingTimeFlags.time,
    table: {
      type: 'string',
      valueName: 'LABEL',
      description: 'the table, e.g. A1; with --time it may be left out: the smallest free table that seats the party',
    },
    ...guestFlags,
    'duration-minutes': bookingTimeFlags['duration-minutes'],
    'idempotency-key': {
      type: 'string',
      valueName: 'KEY',
      description: 'makes a retry safe: the same key and booking replay the first answer (default: a fresh key)',
    },
  },
  notes: [
    'A restaurant without opening hours books whole days: give --table, and no --time (TIME_NOT_OFFERED).',
    'One with hours books times: give --time (see tablebook slots), and --table if the party wants one.',
    'A refusal (the table or every table taken then, CLOSED, OUTSIDE_BOOKING_WINDOW, a daily limit, a past',
    'day, a party too large for the table) exits with 1 and names its reason. A script that may retry after',
    'a lost answer passes its own --idempotency-key (1 to 255 printable ASCII characters, kept by the server',
    'for 48 hours): a retry then gets the first answer again instead of booking twice; the same key with',
    'another booking is refused (IDEMPOTENCY_KEY_REUSED, exit 1).',
  ],
  async run({ client, print }, { args, flags }) {
    if (flags.table === undefined && flags.time === undefined) {
      throw new UsageError('give --table (a restaurant that books whole days), --time (one with opening hours), or both');
    }
    const date = parseDate('date', flags.date);
    const bookingTime = bookingTimeFromFlags(flags);
    const guest = guestFieldsFromFlags(flags);
    const restaurant = await resolveRestaurant(client, args.restaurant);
    const reservation = await client.reservation.create.mutate({
      restaurantId: restaurant.id,
      table: flags.table,
      date,
      ...bookingTime,
      ...guest,
      idempotencyKey: flags['idempotency-key'] ?? `tablebook-book:${randomUUID()}`,
    });
    const party = reservation.partySize === 1 ? '1 person' : `${reservation.partySize} people`;
    const when = reservation.time === null ? '' : ` at ${timeRangeOf(reservation)}`;
    print.done(
      `Booked table ${reservation.table} at ${restaurantSummary(restaurant)} on ${reservation.date}${when} for ${party} (reservation ${reservation.id})`,
      reservation,
    );
    return ExitCode.success;
  },
});
