import { defineCommand } from '../args/command.ts';
import { parseCount } from '../args/flags.ts';
import { UsageError } from '../errors.ts';
import { ExitCode } from '../exit-codes.ts';
import { settingsFields, settingsNotes } from './settings-fields.ts';

const flags = {
  'global-daily-limit': { type: 'string', valueName: 'N', description: 'most reservations the whole system takes on one day' },
  'restaurant-daily-limit': {
    type: 'string',
    valueName: 'N',
    description: 'most reservations one restaurant takes on one day (unless it has its own)',
  },
} as const;

export const settingsSetCommand = defineCommand({
  path: ['settings', 'set'],
  summary: 'Change the stored daily limits (either or both)',
  usage: 'settings set [--global-daily-limit N] [--restaurant-daily-limit N]',
  arguments: [],
  flags,
  notes: [
    'N is a whole number; the server takes 1 to 1000000 (outside that: INVALID_INPUT, exit 1). Lowering a',
    'limit below the bookings a day already has cancels none of them: further bookings that day are refused.',
    ...settingsNotes,
  ],
  async run({ client, print }, { flags: given }) {
    const global = given['global-daily-limit'];
    const restaurant = given['restaurant-daily-limit'];
    if (global === undefined && restaurant === undefined) {
      throw new UsageError('nothing to change: give --global-daily-limit, --restaurant-daily-limit or both');
    }
    // The format is checked here, the range by the server (the one place that knows it).
    const limits = await client.settings.update.mutate({
      ...(global === undefined ? {} : { globalDailyLimit: parseCount('global-daily-limit', global) }),
      ...(restaurant === undefined ? {} : { restaurantDailyLimit: parseCount('restaurant-daily-limit', restaurant) }),
    });
    print.record('Updated the daily limits', limits, settingsFields);
    return ExitCode.success;
  },
});
