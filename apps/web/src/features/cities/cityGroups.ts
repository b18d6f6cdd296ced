import type { CityOutput } from '@tablebook/api/shared';
import { foldForSearch } from '../../lib/searchText.ts';

export interface DepartmentGroup {
  department: string;
  cities: CityOutput[];
}

/** How a chosen city reads in the picker's text box: there are several San Pedros, so the department goes too. */
export const cityLabel = (city: CityOutput) => `${city.name} (${city.deptName})`;

/**
 * Text as the picker compares it: case and accents folded, abbreviation dots dropped ("D.C." reads
 * "dc") and other punctuation read as a space, so "armenia (quindio)" is a chosen city's label typed
 * back, and "providencia y santa" a part of "Archipiélago de San Andrés, Providencia y Santa Catalina".
 */
const comparable = (text: string) =>
  foldForSearch(text)
    .replace(/[.']/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * How well a city matches what was typed, best first: its name exactly (or its whole label), the
 * start of its name, the start of a word of it, anywhere in it, then its department the same ways.
 * Undefined when it does not match at all.
 */
function rankOf(city: CityOutput, needle: string): number | undefined {
  const name = comparable(city.name);
  const department = comparable(city.deptName);
  if (name === needle || comparable(cityLabel(city)) === needle) return 0;
  if (name.startsWith(needle)) return 1;
  if (` ${name}`.includes(` ${needle}`)) return 2;
  if (name.includes(needle)) return 3;
  if (department === needle) return 4;
  if (department.startsWith(needle) || ` ${department}`.includes(` ${needle}`)) return 5;
  if (department.includes(needle)) return 6;
  return undefined;
}

const spanishOrder = new Intl.Collator('es', { sensitivity: 'base' });
const byName = (a: CityOutput, b: CityOutput) => spanishOrder.compare(a.name, b.name) || spanishOrder.compare(a.deptName, b.deptName);

/**
 * Cities whose name or department contains the query, ignoring case, accents and punctuation, best
 * match first (see rankOf; equal ranks by name). A blank query matches every city, in name order.
 */
export function matchCities(cities: readonly CityOutput[], query: string): CityOutput[] {
  const needle = comparable(query);
  if (!needle) return [...cities].sort(byName);
  const ranked: { city: CityOutput; rank: number }[] = [];
  for (const city of cities) {
    const rank = rankOf(city, needle);
    if (rank !== undefined) ranked.push({ city, rank });
  }
  return ranked.sort((a, b) => a.rank - b.rank || byName(a.city, b.city)).map((entry) => entry.city);
}

/** Ranks of rankOf that are a city's own name: the whole name (or label), or its start. */
const NAME_MATCH = 1;

/**
 * What Enter takes from `ranked` (matchCities of `query`) while no option is active: the best match,
 * but only when it matches by its name, exactly or by its start ("Bogot", "Cartagena", "armenia").
 * Text that only a word inside names, or only departments, match ("Cundinamarca") names no one city:
 * Enter picking the first of them would be a guess, so it picks none and the text stays.
 */
export function enterChoice(ranked: readonly CityOutput[], query: string): CityOutput | undefined {
  const best = ranked[0];
  if (!best) return undefined;
  const rank = rankOf(best, comparable(query));
  return rank !== undefined && rank <= NAME_MATCH ? best : undefined;
}

/**
 * The city that what was typed names beyond doubt, if any: the only city with that exact name (or
 * label), or the only city that matches at all. "Armenia" (two departments have one) names none;
 * "Leticia", "Bogot" and "Armenia (Quindío)" name one each.
 */
export function typedCity(cities: readonly CityOutput[], query: string): CityOutput | undefined {
  const needle = comparable(query);
  if (!needle) return undefined;
  const matches = cities.filter((city) => rankOf(city, needle) !== undefined);
  const exact = matches.filter((city) => rankOf(city, needle) === 0);
  if (exact.length === 1) return exact[0];
  return exact.length === 0 && matches.length === 1 ? matches[0] : undefined;
}

/** Departments in alphabetical order, each with its cities in alphabetical order: the list before anything is typed. */
export function groupByDepartment(cities: readonly CityOutput[]): DepartmentGroup[] {
  const byDepartment = new Map<string, CityOutput[]>();
  for (const city of cities) {
    const group = byDepartment.get(city.deptName);
    if (group) group.push(city);
    else byDepartment.set(city.deptName, [city]);
  }
  return [...byDepartment.entries()]
    .sort(([a], [b]) => spanishOrder.compare(a, b))
    .map(([department, members]) => ({ department, cities: members.sort((a, b) => spanishOrder.compare(a.name, b.name)) }));
}

/**
 * Matches still under their department, in the order of the best match each department has, and in
 * match order within it: the first option is always the best match ("Cartagena" lists Bolívar's
 * Cartagena de Indias before Caquetá's Cartagena del Chairá).
 */
export function groupMatches(ranked: readonly CityOutput[]): DepartmentGroup[] {
  const byDepartment = new Map<string, CityOutput[]>();
  for (const city of ranked) {
    const group = byDepartment.get(city.deptName);
    if (group) group.push(city);
    else byDepartment.set(city.deptName, [city]);
  }
  return [...byDepartment.entries()].map(([department, members]) => ({ department, cities: members }));
}
