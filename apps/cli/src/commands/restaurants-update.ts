import { defineCommand } from '../args/command.ts';
import { UsageError } from '../errors.ts';
import { ExitCode } from '../exit-codes.ts';
import { restaurantFields } from '../output/views.ts';
import { resolveRestaurant } from '../resolve/restaurant.ts';
import { calendarFlags, calendarNotes } from './calendar-flags.ts';
import { limitFlags, limitNotes } from './limit-flags.ts';
import { reminderFlags, reminderNotes } from './reminder-flags.ts';
import { bodyOf, fieldsFromFlags, restaurantFieldFlags, restaurantFieldNames, tablesFlag } from './restaurant-flags.ts';

export const restaurantsUpdateCommand = defineCommand({
  path: ['restaurants', 'update'],
  summary: 'Change some fields of a restaurant (the others are kept)',
  usage:
    'restaurants update <restaurant> [--name NAME] [--address ADDRESS] [--city CITY] [--description TEXT] [--photo-url URL] [--tables LAYOUT] [--time-zone ZONE] [--hours HOURS] [--special-dates DATES] [--slot-minutes N] [--turn-times TURNS] [--min-advance-minutes N] [--max-advance-days N] [--daily-limit N] [--pacing PACING] [--reminders MINUTES]',
  arguments: [{ name: 'restaurant', description: 'its id, or the start of its name' }],
  flags: { ...restaurantFieldFlags, ...tablesFlag, ...calendarFlags, ...limitFlags, ...reminderFlags },
  notes: [
    'Without --tables the layout is kept, and so is every time-of-day setting, limit and reminder not given. Dropping a table',
    'that future reservations need is refused (TABLE_HAS_RESERVATIONS, exit 1), and so is a new time zone',
    'or hours that would leave future reservations outside them (HAS_FUTURE_RESERVATIONS): move or cancel',
    'those reservations first.',
    ...calendarNotes,
    ...limitNotes,
    ...reminderNotes,
  ],
  async run({ client, print }, { args, flags }) {
    const changes = await fieldsFromFlags(client, flags);
    if (Object.keys(changes).length === 0) {
      throw new UsageError(`nothing to change: give at least one of ${restaurantFieldNames.join(', ')}`);
    }
    const current = await resolveRestaurant(client, args.restaurant);
    // The API's update is a full replace: send the current fields with the changes over them
    // (the tables and time-of-day settings only when given: without them the API keeps them).
    const restaurant = await client.restaurant.update.mutate({ id: current.id, ...bodyOf(current), ...changes });
    print.record(`Updated restaurant "${restaurant.name}"`, restaurant, restaurantFields);
    return ExitCode.success;
  },
});
