import { RESERVATION_STATUSES, type RouterInputs } from '@tablebook/client';
import { parseOptionalDate } from '../args/calendar-date.ts';
import { defineCommand } from '../args/command.ts';
import { UsageError } from '../errors.ts';
import { ExitCode } from '../exit-codes.ts';
import { reservationColumns } from '../output/views.ts';
import { resolveRestaurant } from '../resolve/restaurant.ts';

type StatusFilter = NonNullable<RouterInputs['reservation']['list']['status']>;
const STATUS_FILTERS: readonly StatusFilter[] = [...RESERVATION_STATUSES, 'all'];
const isStatusFilter = (text: string): text is StatusFilter => (STATUS_FILTERS as readonly string[]).includes(text);

export const reservationsListCommand = defineCommand({
  path: ['reservations', 'list'],
  summary: "List a restaurant's reservations, newest day first",
  usage: 'reservations list <restaurant> [--date YYYY-MM-DD] [--status STATUS|all]',
  arguments: [{ name: 'restaurant', description: 'its id, or the start of its name' }],
  flags: {
    date: { type: 'string', valueName: 'YYYY-MM-DD', description: 'only that day' },
    status: {
      type: 'string',
      valueName: 'STATUS',
      description: `only that status (${STATUS_FILTERS.slice(0, -1).join(', ')}), or all; default: all but cancelled`,
    },
  },
  async run({ client, print }, { args, flags }) {
    const date = parseOptionalDate('date', flags.date);
    const status = flags.status?.trim().toLowerCase();
    if (status !== undefined && !isStatusFilter(status)) {
      throw new UsageError(`--status must be one of ${STATUS_FILTERS.join(', ')}, not "${flags.status}"`);
    }
    const restaurant = await resolveRestaurant(client, args.restaurant);
    const reservations = await client.reservation.list.query({ restaurantId: restaurant.id, date, status });
    print.list(reservations, reservationColumns(reservations), `No reservations at "${restaurant.name}"${date ? ` on ${date}` : ''}.`);
    return ExitCode.success;
  },
});
