import { defineCommand } from '../args/command.ts';
import { requireAll } from '../args/flags.ts';
import { ExitCode } from '../exit-codes.ts';
import { restaurantFields } from '../output/views.ts';
import { calendarFlags, calendarNotes } from './calendar-flags.ts';
import { limitFlags, limitNotes } from './limit-flags.ts';
import { reminderFlags, reminderNotes } from './reminder-flags.ts';
import { completeBody, fieldsFromFlags, restaurantFieldFlags, tablesFlag } from './restaurant-flags.ts';

export const restaurantsCreateCommand = defineCommand({
  path: ['restaurants', 'create'],
  summary: 'Create a restaurant',
  usage:
    'restaurants create --name NAME --address ADDRESS --city CITY --description TEXT --photo-url URL [--tables LAYOUT] [--time-zone ZONE] [--hours HOURS] [--special-dates DATES] [--slot-minutes N] [--turn-times TURNS] [--min-advance-minutes N] [--max-advance-days N] [--daily-limit N] [--pacing PACING] [--reminders MINUTES]',
  arguments: [],
  flags: { ...requireAll(restaurantFieldFlags), ...tablesFlag, ...calendarFlags, ...limitFlags, ...reminderFlags },
  notes: [
    'Without --tables the restaurant gets the default layout, A0 to D2 with 4 seats each.',
    ...calendarNotes,
    ...limitNotes,
    ...reminderNotes,
  ],
  async run({ client, print }, { flags }) {
    const body = completeBody(await fieldsFromFlags(client, flags));
    const restaurant = await client.restaurant.create.mutate(body);
    print.record(`Created restaurant "${restaurant.name}"`, restaurant, restaurantFields);
    return ExitCode.success;
  },
});
