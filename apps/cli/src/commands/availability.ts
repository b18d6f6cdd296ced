import { parseOptionalDate } from '../args/calendar-date.ts';
import { defineCommand } from '../args/command.ts';
import { UsageError } from '../errors.ts';
import { ExitCode } from '../exit-codes.ts';
import { dayAvailabilityFields, dayCapacityColumns } from '../output/views.ts';
import { resolveRestaurant } from '../resolve/restaurant.ts';

export const availabilityCommand = defineCommand({
  path: ['availability'],
  summary: 'What a restaurant can still take: one day with its free tables, or a range of days',
  usage: 'availability <restaurant> (--date YYYY-MM-DD | --from YYYY-MM-DD --to YYYY-MM-DD)',
  arguments: [{ name: 'restaurant', description: 'its id, or the start of its name' }],
  flags: {
    date: { type: 'string', valueName: 'YYYY-MM-DD', description: 'one day: the places left and the free tables' },
    from: { type: 'string', valueName: 'YYYY-MM-DD', description: 'the first day of a range (with --to)' },
    to: { type: 'string', valueName: 'YYYY-MM-DD', description: 'the last day of a range, at most 62 days in all' },
  },
  notes: ['FREE is what the restaurant can still take that day, SYSTEM FREE what the whole system can.'],
  async run({ client, print }, { args, flags }) {
    const range = flags.from !== undefined || flags.to !== undefined;
    if (flags.date !== undefined && range) throw new UsageError('give either --date, or --from and --to, not both');
    if (!range && flags.date === undefined) throw new UsageError('missing --date (or --from and --to)');
    if (range && (flags.from === undefined || flags.to === undefined)) {
      throw new UsageError(`missing ${flags.from === undefined ? '--from' : '--to'}: a range needs both`);
    }
    const [date, from, to] = [
      parseOptionalDate('date', flags.date),
      parseOptionalDate('from', flags.from),
      parseOptionalDate('to', flags.to),
    ];
    const restaurant = await resolveRestaurant(client, args.restaurant);
    const answer = await client.reservation.availability.query(
      range ? { restaurantId: restaurant.id, from, to } : { restaurantId: restaurant.id, date },
    );
    if ('days' in answer) {
      print.list(answer.days, dayCapacityColumns, 'No days in the range.');
    } else {
      print.record(`"${restaurant.name}" on ${answer.date}`, answer, dayAvailabilityFields);
    }
    return ExitCode.success;
  },
});
