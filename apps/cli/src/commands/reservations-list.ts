import { defineCommand } from '../args/command.ts';
import { ExitCode } from '../exit-codes.ts';
import { reservationColumns } from '../output/views.ts';
import { resolveRestaurant } from '../resolve/restaurant.ts';

export const reservationsListCommand = defineCommand({
  path: ['reservations', 'list'],
  summary: "List a restaurant's reservations, newest day first",
  usage: 'reservations list <restaurant> [--date YYYY-MM-DD]',
  arguments: [{ name: 'restaurant', description: 'its id, or the start of its name' }],
  flags: {
    date: { type: 'string', valueName: 'YYYY-MM-DD', description: 'only that day' },
  },
  async run({ client, print }, { args, flags }) {
    const restaurant = await resolveRestaurant(client, args.restaurant);
    const reservations = await client.reservation.list.query({ restaurantId: restaurant.id, date: flags.date });
    print.list(reservations, reservationColumns, `No reservations at "${restaurant.name}"${flags.date ? ` on ${flags.date}` : ''}.`);
    return ExitCode.success;
  },
});
