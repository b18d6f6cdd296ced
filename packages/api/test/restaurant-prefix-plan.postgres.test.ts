// The restaurant list's name-prefix search on real PostgreSQL, with enough restaurants for the planner's
// choice to matter: 20,000, of which 1,000 named "Zula…" come last in name order. For "zu" and a page of
// 20, the planner would walk restaurants_name_idx in name order (it takes the matches for spread over
// the names) and read 19,000 restaurants before the first match; the list's statement finds the prefix's
// matches through restaurants_name_prefix_idx first. The answers stay those of the plain statement.
import { sql } from 'drizzle-orm';
import { createDb, migrate, queryRows, type DatabaseHandle } from '@tablebook/db';
import { createTestDatabase, type TestDatabase } from '@tablebook/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { callerFor } from './helpers.ts';

const postgresUrl = inject('postgresUrl');
const RESTAURANTS = 20_000;
const LATE = 1_000;

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}
const indexesOf = (node: PlanNode): string[] => [
  ...(node['Index Name'] ? [node['Index Name']] : []),
  ...(node.Plans ?? []).flatMap(indexesOf),
];

/** A captured statement with its parameters written in (strings and numbers only), for EXPLAIN. */
const withValues = (text: string, params: unknown[]) =>
  params.reduceRight<string>(
    (statement, value, index) =>
      statement.replaceAll(`$${index + 1}`, typeof value === 'number' ? String(value) : `'${String(value).replaceAll("'", "''")}'`),
    text,
  );

describe.skipIf(!postgresUrl)('the name-prefix search on 20,000 restaurants', () => {
  let testDatabase: TestDatabase;
  let handle: DatabaseHandle;
  let captured: { text: string; params: unknown[] }[] = [];

  beforeAll(async () => {
    testDatabase = await createTestDatabase(postgresUrl!);
    handle = createDb(testDatabase.url, { logQuery: (text, params) => captured.push({ text, params }) });
    await migrate(handle);
    // "Aala 0" … "Yzla 18999" in 50 cities, some in capitals; then "Zula 19000" … (a few "ZULA", "zula").
    await handle.db.execute(sql`
      insert into restaurants (name, address, description, photo_url, city_id)
      select case when g >= ${RESTAURANTS - LATE}
                  then (array['Zula', 'ZULA', 'zula'])[1 + (g % 7 = 0)::int + (g % 11 = 0)::int] || ' ' || g
                  else chr(65 + (g / 26) % 25) || chr(97 + g % 26) || 'la ' || g end,
             'Calle 1', 'x', 'https://example.com/x.jpg', 1 + (g % 50) * 22
        from generate_series(0, ${RESTAURANTS - 1}) as g`);
    await handle.db.execute(sql`analyze restaurants`);
  });

  afterAll(async () => {
    await handle?.close();
    await testDatabase?.drop();
  });

  const api = () => callerFor(handle);
  /** The list's contract: the prefix's restaurants (case-insensitive), by name then id, the page asked for. */
  const expected = async (startWith: string, cityId: number | undefined, limit: number, offset: number) =>
    (
      await queryRows<{ id: string }>(
        handle.db,
        sql`select id from restaurants where lower(name) like ${`${startWith.toLowerCase()}%`}
              and (${cityId ?? null}::int is null or city_id = ${cityId ?? null}::int)
            order by name, id limit ${limit} offset ${offset}`,
      )
    ).map((row) => row.id);

  it('answers the same restaurants in the same order as the plain statement', async () => {
    for (const startWith of ['z', 'Zu', 'zul', 'ZULA 19', 'a', 'mb', 'yz', 'q']) {
      for (const cityId of [undefined, 23]) {
        for (const [limit, offset] of [
          [20, 0],
          [20, 40],
          [500, 0],
        ] as const) {
          const answer = await api().restaurant.list({ startWith, ...(cityId ? { cityId } : {}), limit, offset });
          expect(
            answer.map((restaurant) => restaurant.id),
            `${startWith} ${cityId} ${limit} ${offset}`,
          ).toEqual(await expected(startWith, cityId, limit, offset));
        }
      }
    }
  });

  it('finds a late prefix through its index, where the plain statement walks the name index', async () => {
    captured = [];
    expect(await api().restaurant.list({ startWith: 'zu', limit: 20 })).toHaveLength(20);
    const statement = captured.find((query) => query.text.includes('lower("restaurants"."name") like'));
    expect(statement, 'the list statement was captured').toBeDefined();
    const explain = async (text: string) => {
      const [row] = await queryRows<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(handle.db, sql.raw(`explain (format json) ${text}`));
      return indexesOf(row!['QUERY PLAN'][0]!.Plan);
    };
    const used = await explain(withValues(statement!.text, statement!.params));
    expect(used).toContain('restaurants_name_prefix_idx');
    expect(used).not.toContain('restaurants_name_idx');
    // What this guards against: the same filter, order and page in one plain statement.
    const plain = await explain(
      `select id from restaurants where lower(name) like lower('zu%') order by name asc, id asc limit 20 offset 0`,
    );
    expect(plain, 'at this size the plain statement walks the name index (else this test shows nothing)').toContain('restaurants_name_idx');
  });
});
