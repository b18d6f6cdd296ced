import { eq } from 'drizzle-orm';
import { restaurants } from '@tablebook/db';
import { notFound } from '../errors.ts';
import type { Queryable } from './transactions.ts';

/**
 * The name of an existing restaurant, or NOT_FOUND. With `lock: 'key share'` it is also every
 * reservation writer's first lock: a delete of the restaurant then waits for writers in flight (and
 * they for it), always in this order, instead of the delete's cascade meeting a writer's table and row
 * locks the other way round (a deadlock).
 */
export async function requireRestaurant(db: Queryable, id: string, lock?: 'key share'): Promise<string> {
  const query = db.select({ name: restaurants.name }).from(restaurants).where(eq(restaurants.id, id));
  const [row] = lock ? await query.for(lock) : await query;
  if (!row) throw notFound(`Restaurant ${id} does not exist`);
  return row.name;
}
