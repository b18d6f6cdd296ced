import type { Restaurant, RouterInputs } from '@tablebook/client';
import { parseOptionalDate } from '../args/calendar-date.ts';
import { defineCommand } from '../args/command.ts';
import { parseCount } from '../args/flags.ts';
import { ExitCode } from '../exit-codes.ts';
import { restaurantColumns } from '../output/views.ts';
import { resolveCity } from '../resolve/city.ts';

/** The API's largest page; the list is read page by page until a short one. */
const PAGE_SIZE = 500;

export const restaurantsListCommand = defineCommand({
  path: ['restaurants', 'list'],
  summary: 'List restaurants by name, optionally with their free places on a day',
  usage: 'restaurants list [--starts-with TEXT] [--city CITY] [--date YYYY-MM-DD] [--min-available N]',
  arguments: [],
  flags: {
    'starts-with': { type: 'string', valueName: 'TEXT', description: 'names starting with TEXT (any case)' },
    city: { type: 'string', valueName: 'CITY', description: 'city id, name, or "Name, Department"' },
    date: { type: 'string', valueName: 'YYYY-MM-DD', description: 'add the places still free that day' },
    'min-available': {
      type: 'string',
      valueName: 'N',
      description: 'only restaurants that can still take N bookings that day (default day: today)',
    },
  },
  async run({ client, print }, { flags }) {
    const date = parseOptionalDate('date', flags.date);
    const minAvailable = flags['min-available'] === undefined ? undefined : parseCount('min-available', flags['min-available']);
    const city = flags.city === undefined ? undefined : await resolveCity(client, flags.city);
    // Fields left undefined are dropped when the input is serialised: no filter.
    const filter: RouterInputs['restaurant']['list'] = {
      startWith: flags['starts-with'],
      cityId: city?.id,
      date,
      minAvailable,
    };
    const restaurants: Restaurant[] = [];
    for (let offset = 0; ; offset += PAGE_SIZE) {
      const page = await client.restaurant.list.query({ ...filter, limit: PAGE_SIZE, offset });
      restaurants.push(...page);
      if (page.length < PAGE_SIZE) break;
    }
    // The API adds the free places whenever a day is involved, given or defaulted to today.
    const withCapacity = date !== undefined || minAvailable !== undefined;
    print.list(restaurants, restaurantColumns(withCapacity), 'No restaurant matches.');
    return ExitCode.success;
  },
});
