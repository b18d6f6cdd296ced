import type { Restaurant, TablebookClient } from '@tablebook/client';
import { InputError, UsageError } from '../errors.ts';
import { cityLabel } from '../output/views.ts';
import { listChoices, normalizeName } from './names.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The API's largest page: every restaurant whose name starts with the text is a candidate. */
const CANDIDATE_LIMIT = 500;

/** Among the restaurants whose name starts with `text`: the one named exactly so, else the only one. */
export function pickRestaurant(candidates: readonly Restaurant[], text: string): Restaurant {
  const name = normalizeName(text);
  const exact = candidates.filter((restaurant) => normalizeName(restaurant.name) === name);
  if (exact.length === 1) return exact[0] as Restaurant;
  if (candidates.length === 1) return candidates[0] as Restaurant;
  if (candidates.length === 0) throw new InputError(`no restaurant's name starts with "${text}"`);
  const choices = (exact.length > 1 ? exact : candidates).map(
    (restaurant) => `${restaurant.name} in ${cityLabel(restaurant.city)} (${restaurant.id})`,
  );
  throw new InputError(`"${text}" matches ${choices.length} restaurants, give more of the name or the id: ${listChoices(choices)}`);
}

/** A restaurant named by its id or by a unique prefix of its name (any case). */
export async function resolveRestaurant(client: TablebookClient, text: string): Promise<Restaurant> {
  const query = text.trim();
  if (query === '') throw new UsageError('a restaurant must be named by its id or the start of its name');
  if (UUID.test(query)) return client.restaurant.byId.query({ id: query });
  return pickRestaurant(await client.restaurant.list.query({ startWith: query, limit: CANDIDATE_LIMIT }), query);
}
