import type { Restaurant, TablebookClient } from '@tablebook/client';
import { defineCommand } from '../args/command.ts';
import { canAsk, confirm } from '../confirm.ts';
import { InputError, UsageError } from '../errors.ts';
import { ExitCode } from '../exit-codes.ts';
import { cityLabel, restaurantSummary } from '../output/views.ts';
import { resolveRestaurantNamed } from '../resolve/restaurant.ts';

/** The question, with what goes with the restaurant: every reservation it has, whatever its status. */
async function question(client: TablebookClient, restaurant: Restaurant): Promise<string> {
  const reservations = await client.reservation.list.query({ restaurantId: restaurant.id, status: 'all' });
  const count = reservations.length === 1 ? 'its 1 reservation' : `its ${reservations.length} reservations`;
  return `Delete restaurant ${restaurantSummary(restaurant)} in ${cityLabel(restaurant.city)} and ${count}? This cannot be undone.`;
}

export const restaurantsDeleteCommand = defineCommand({
  path: ['restaurants', 'delete'],
  summary: 'Delete a restaurant and its reservations',
  usage: 'restaurants delete <restaurant> [--yes]',
  arguments: [{ name: 'restaurant', description: 'its id, or its whole name exactly as written (no prefix, case included)' }],
  flags: {
    yes: { type: 'boolean', short: 'y', description: 'delete without asking (needed where there is no terminal: scripts, CI)' },
  },
  notes: [
    'On a terminal it asks first, naming the restaurant and how many reservations go with it; only "y" or',
    '"yes" deletes, any other answer exits 1 (ABORTED) and deletes nothing. Without a terminal (stdin and',
    'stderr) and without --yes it exits 2 before asking the server anything.',
  ],
  async run({ client, print, io }, { args, flags }) {
    const ask = flags.yes !== true;
    // Before the name is looked up: a script that forgot --yes learns it without a call being made.
    if (ask && !canAsk(io)) {
      throw new UsageError(
        'restaurants delete asks before deleting, and there is no terminal to ask on: pass --yes to delete without asking',
      );
    }
    const restaurant = await resolveRestaurantNamed(client, args.restaurant);
    if (ask && !(await confirm(io, await question(client, restaurant)))) {
      throw new InputError(`not deleted: restaurant ${restaurantSummary(restaurant)} is kept (only "y" or "yes" deletes)`, 'ABORTED');
    }
    const deleted = await client.restaurant.delete.mutate({ id: restaurant.id });
    print.done(`Deleted restaurant ${restaurantSummary(restaurant)} and its reservations`, deleted);
    return ExitCode.success;
  },
});
