import type { City, TablebookClient } from '@tablebook/client';
import { InputError } from '../errors.ts';
import { cityLabel } from '../output/views.ts';
import { listChoices, normalizeName } from './names.ts';

const describe = (city: City) => `${cityLabel(city)} (id ${city.id})`;

/**
 * The city a person means by an id, a name, or "Name, Department" (some names repeat across
 * departments: Armenia is in Antioquia and Quindío). Accents and case are optional.
 */
export function findCity(cities: readonly City[], text: string): City {
  const query = text.trim();
  if (/^\d+$/.test(query)) {
    const city = cities.find((candidate) => candidate.id === Number(query));
    if (!city) throw new InputError(`no city has id ${query}`, 'NOT_FOUND');
    return city;
  }
  const name = normalizeName(query);
  const named = cities.filter((city) => normalizeName(city.name) === name);
  if (named.length === 1) return named[0] as City;
  if (named.length > 1) {
    throw new InputError(`city "${query}" is ambiguous, write "Name, Department" or the id: ${listChoices(named.map(describe))}`);
  }
  // Only now split at the last comma, in case a city's own name holds one.
  const comma = query.lastIndexOf(',');
  if (comma > 0) {
    const cityName = normalizeName(query.slice(0, comma));
    const department = normalizeName(query.slice(comma + 1));
    const matches = cities.filter((city) => normalizeName(city.name) === cityName && normalizeName(city.deptName) === department);
    if (matches.length === 1) return matches[0] as City;
    if (matches.length > 1) throw new InputError(`city "${query}" is ambiguous, use the id: ${listChoices(matches.map(describe))}`);
  }
  const similar = cities.filter((city) => normalizeName(city.name).includes(normalizeName(query.split(',')[0] ?? query)));
  const hint = similar.length > 0 ? `; did you mean ${listChoices(similar.map(describe), 5)}?` : '';
  throw new InputError(`no city is called "${query}"${hint}`, 'NOT_FOUND');
}

/** All 1,100-odd cities are fetched once (a few kB) and matched here, accent-insensitively. */
export async function resolveCity(client: TablebookClient, text: string): Promise<City> {
  return findCity(await client.city.list.query({}), text);
}
