import { defineCommand } from '../args/command.ts';
import { ExitCode } from '../exit-codes.ts';
import { restaurantSummary } from '../output/views.ts';
import { resolveRestaurant } from '../resolve/restaurant.ts';

export const bookCommand = defineCommand({
  path: ['book'],
  summary: 'Book a table at a restaurant for a day',
  usage: 'book <restaurant> --table LABEL --date YYYY-MM-DD',
  arguments: [{ name: 'restaurant', description: 'its id, or the start of its name' }],
  flags: {
    table: { type: 'string', valueName: 'LABEL', description: 'the table, e.g. A1', required: true },
    date: { type: 'string', valueName: 'YYYY-MM-DD', description: 'the day, today or later', required: true },
  },
  notes: [
    'A refusal (table already booked, a daily limit reached, a past day) exits with 1 and names its reason.',
  ],
  async run({ client, print }, { args, flags }) {
    const restaurant = await resolveRestaurant(client, args.restaurant);
    const reservation = await client.reservation.create.mutate({
      restaurantId: restaurant.id,
      table: flags.table,
      date: flags.date,
    });
    print.done(
      `Booked table ${reservation.table} at ${restaurantSummary(restaurant)} on ${reservation.date} (reservation ${reservation.id})`,
      reservation,
    );
    return ExitCode.success;
  },
});
