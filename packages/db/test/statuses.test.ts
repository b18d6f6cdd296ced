import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PgDialect, getTableConfig } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { migrationsFolder, reservations } from '../src/index.ts';
import { RESERVATION_STATUSES } from '../src/statuses.ts';

const CHECK_NAME = 'reservations_status_known';
/** The quoted words of a CHECK's `in (...)` list. */
const listedStatuses = (checkSql: string) => {
  const list = /\bin \(([^)]*)\)/.exec(checkSql)?.[1];
  if (list === undefined) throw new Error(`no "in (...)" list in ${checkSql}`);
  return [...list.matchAll(/'([^']*)'/g)].map((match) => match[1]);
};

describe('the reservation statuses', () => {
  it('are the list in the schema’s CHECK constraint', () => {
    const check = getTableConfig(reservations).checks.find((candidate) => candidate.name === CHECK_NAME);
    expect(check).toBeDefined();
    expect(listedStatuses(new PgDialect().sqlToQuery(check!.value).sql)).toEqual([...RESERVATION_STATUSES]);
  });

  it('are the list in the CHECK constraint the migrations create last', () => {
    const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
    const added = journal.entries.flatMap(({ tag }) =>
      readFileSync(join(migrationsFolder, `${tag}.sql`), 'utf8')
        .split('\n')
        .filter((line) => line.includes(`ADD CONSTRAINT "${CHECK_NAME}" CHECK`)),
    );
    expect(added.length).toBeGreaterThan(0);
    expect(listedStatuses(added.at(-1)!)).toEqual([...RESERVATION_STATUSES]);
  });
});
