import { asc, eq, ilike } from 'drizzle-orm';
import { cities, departments, type Database } from '@tablebook/db';
import type { CityOutput } from '../schemas/city.ts';
import { escapeLike } from './sql.ts';

const cityColumns = {
  id: cities.id,
  name: cities.name,
  deptName: departments.name,
};

export async function listCities(db: Database, search?: string): Promise<CityOutput[]> {
  return db
    .select(cityColumns)
    .from(cities)
    .innerJoin(departments, eq(departments.id, cities.departmentId))
    .where(search ? ilike(cities.name, `%${escapeLike(search)}%`) : undefined)
    .orderBy(asc(cities.id));
}

export async function findCity(db: Pick<Database, 'select'>, id: number): Promise<CityOutput | undefined> {
  const [city] = await db
    .select(cityColumns)
    .from(cities)
    .innerJoin(departments, eq(departments.id, cities.departmentId))
    .where(eq(cities.id, id));
  return city;
}
