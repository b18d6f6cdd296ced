import { defineCommand } from '../args/command.ts';
import { ExitCode } from '../exit-codes.ts';
import { slotColumns } from '../output/views.ts';
import { resolveRestaurant } from '../resolve/restaurant.ts';
import { guestFlags, partySizeFrom } from './guest-flags.ts';

export const slotsCommand = defineCommand({
  path: ['slots'],
  summary: 'The times a party can book at a restaurant on a day, with the tables free for each',
  usage: 'slots <restaurant> --date YYYY-MM-DD [--party-size N]',
  arguments: [{ name: 'restaurant', description: 'its id, or the start of its name' }],
  flags: {
    date: { type: 'string', valueName: 'YYYY-MM-DD', description: 'the day', required: true },
    'party-size': guestFlags['party-size'],
  },
  notes: [
    "Every slot of the day on the restaurant's grid, in its own time zone: TIME to UNTIL is the turn for the",
    'party ("(+1)": after midnight), FREE TABLES the tables that seat the party and are free all that time.',
    'A slot that cannot be booked says why: NO_TABLE_AVAILABLE, OUTSIDE_BOOKING_WINDOW, RESTAURANT_DAILY_LIMIT',
    'or GLOBAL_DAILY_LIMIT. --json prints the array of slots. A closed day, or a restaurant without hours',
    '(it books whole days: see availability), has none.',
  ],
  async run({ client, print }, { args, flags }) {
    const partySize = partySizeFrom(flags['party-size']);
    const restaurant = await resolveRestaurant(client, args.restaurant);
    const answer = await client.reservation.slots.query({ restaurantId: restaurant.id, date: flags.date, partySize });
    const empty =
      restaurant.hours.length === 0
        ? `"${restaurant.name}" books whole days, not times: see 'tablebook availability'.`
        : `"${restaurant.name}" has no slots on ${answer.date}: it is closed that day.`;
    if (answer.slots.length > 0) {
      const party = partySize === undefined ? '' : ` for ${partySize === 1 ? '1 person' : `${partySize} people`}`;
      print.note(`"${restaurant.name}" on ${answer.date}${party} (${answer.timeZone})`);
    }
    print.list(answer.slots, slotColumns(answer.date), empty);
    return ExitCode.success;
  },
});
