import type { Restaurant, TablebookClient } from '@tablebook/client';
import { InputError, UsageError } from '../errors.ts';
import { cityLabel } from '../output/views.ts';
import { listChoices, normalizeName } from './names.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The API's largest page: every restaurant whose name starts with the text is a candidate. */
const CANDIDATE_LIMIT = 500;

const describe = (restaurant: Restaurant) => `${restaurant.name} in ${cityLabel(restaurant.city)} (${restaurant.id})`;

/** Among the restaurants whose name starts with `text`: the one named exactly so, else the only one. */
export function pickRestaurant(candidates: readonly Restaurant[], text: string): Restaurant {
  const name = normalizeName(text);
  const exact = candidates.filter((restaurant) => normalizeName(restaurant.name) === name);
  if (exact.length === 1) return exact[0] as Restaurant;
  if (candidates.length === 1) return candidates[0] as Restaurant;
  if (candidates.length === 0) throw new InputError(`no restaurant's name starts with "${text}"`, 'NOT_FOUND');
  const choices = (exact.length > 1 ? exact : candidates).map(describe);
  throw new InputError(`"${text}" matches ${choices.length} restaurants, give more of the name or the id: ${listChoices(choices)}`);
}

/**
 * Among the restaurants whose name starts with `text` (any case): the one whose whole name is `text`
 * as written, case and inner spaces included (a name's accents may be composed or not: that is the
 * same text; the spaces around a pasted name are already gone, namePrefix). For
 * what cannot be undone: "Zeta" never means "Zeta Tmp", nor "zeta" "Zeta". The near misses are named.
 */
export function pickRestaurantNamed(candidates: readonly Restaurant[], text: string): Restaurant {
  const name = text.normalize('NFC');
  const exact = candidates.filter((restaurant) => restaurant.name.normalize('NFC') === name);
  if (exact.length === 1) return exact[0] as Restaurant;
  if (exact.length > 1) {
    throw new InputError(`${exact.length} restaurants are named "${text}", give the id: ${listChoices(exact.map(describe))}`);
  }
  const hint = candidates.length > 0 ? `; did you mean ${listChoices(candidates.map(describe), 5)}?` : '';
  throw new InputError(`no restaurant is named exactly "${text}" (give its whole name or its id)${hint}`, 'NOT_FOUND');
}

/**
 * The text as the server is asked for it: trimmed, and composed (NFC). The server's name prefix
 * compares bytes, and names arrive composed from browsers and spreadsheets, while a macOS terminal may
 * type "í" decomposed (i and a combining accent): asked as typed, that name would have no candidates.
 */
export const namePrefix = (text: string) => text.trim().normalize('NFC');

async function byIdOr(
  client: TablebookClient,
  text: string,
  pick: (candidates: readonly Restaurant[], query: string) => Restaurant,
  needs: string,
): Promise<Restaurant> {
  const query = namePrefix(text);
  if (query === '') throw new UsageError(`a restaurant must be named by its id or ${needs}`);
  if (UUID.test(query)) return client.restaurant.byId.query({ id: query });
  return pick(await client.restaurant.list.query({ startWith: query, limit: CANDIDATE_LIMIT }), query);
}

/** A restaurant named by its id or by a unique prefix of its name (any case). */
export const resolveRestaurant = (client: TablebookClient, text: string) => byIdOr(client, text, pickRestaurant, 'the start of its name');

/** A restaurant named by its id or by its whole name, exactly (pickRestaurantNamed). */
export const resolveRestaurantNamed = (client: TablebookClient, text: string) =>
  byIdOr(client, text, pickRestaurantNamed, 'its whole name');
