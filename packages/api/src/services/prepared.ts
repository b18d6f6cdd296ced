import type { Database } from '@tablebook/db';

/**
 * Drizzle rebuilds a query's SQL text on every call, which the benchmark showed as the largest single
 * cost of a cheap read. A hot query is built once per database handle and shape, with placeholders,
 * with placeholders, under the empty name: the database handle then names it per statement text
 * (packages/db statement-names.ts; unnamed with DATABASE_PREPARED_STATEMENTS=off).
 */
export const UNNAMED_STATEMENT = '';

const byDatabase = new WeakMap<object, Map<string, unknown>>();

export function preparedQuery<Query>(db: Database, key: string, build: () => Query): Query {
  let cache = byDatabase.get(db);
  if (!cache) {
    cache = new Map();
    byDatabase.set(db, cache);
  }
  let query = cache.get(key) as Query | undefined;
  if (query === undefined) {
    query = build();
    cache.set(key, query);
  }
  return query;
}
