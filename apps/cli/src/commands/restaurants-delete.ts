import { defineCommand } from '../args/command.ts';
import { ExitCode } from '../exit-codes.ts';
import { restaurantSummary } from '../output/views.ts';
import { resolveRestaurant } from '../resolve/restaurant.ts';

export const restaurantsDeleteCommand = defineCommand({
  path: ['restaurants', 'delete'],
  summary: 'Delete a restaurant and its reservations',
  usage: 'restaurants delete <restaurant>',
  arguments: [{ name: 'restaurant', description: 'its id, or the start of its name' }],
  flags: {},
  async run({ client, print }, { args }) {
    const restaurant = await resolveRestaurant(client, args.restaurant);
    const deleted = await client.restaurant.delete.mutate({ id: restaurant.id });
    print.done(`Deleted restaurant ${restaurantSummary(restaurant)} and its reservations`, deleted);
    return ExitCode.success;
  },
});
