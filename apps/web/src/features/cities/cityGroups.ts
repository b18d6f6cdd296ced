import type { CityOutput } from '@tablebook/api/shared';
import { foldForSearch } from '../../lib/searchText.ts';

export interface DepartmentGroup {
  department: string;
  cities: CityOutput[];
}

/** How a chosen city reads in the picker's text box: there are several San Pedros, so the department goes too. */
export const cityLabel = (city: CityOutput) => `${city.name} (${city.deptName})`;

/** Cities whose name or department contains the query, ignoring case and accents. */
export function matchCities(cities: readonly CityOutput[], query: string): CityOutput[] {
  const needle = foldForSearch(query.trim());
  if (!needle) return [...cities];
  return cities.filter((city) => foldForSearch(city.name).includes(needle) || foldForSearch(city.deptName).includes(needle));
}

const spanishOrder = new Intl.Collator('es', { sensitivity: 'base' });

/** Departments in alphabetical order, each with its cities in alphabetical order. */
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
