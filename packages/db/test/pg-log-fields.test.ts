import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createDb, migrate, pgLogFields } from '../src/index.ts';

describe('pgLogFields', () => {
  it("names a real PostgreSQL failure's SQLSTATE and constraint, through Drizzle's wrapping, and nothing else for other errors", async () => {
    const handle = createDb('memory://');
    try {
      await migrate(handle);
      const failure = await handle.db
        .execute(sql`insert into restaurant_tables (restaurant_id, label, seats) values (gen_random_uuid(), 'A1', 99)`)
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      // The seats CHECK is judged before the foreign key: 23514 with the constraint's name.
      expect(pgLogFields(failure)).toEqual({ pgCode: '23514', constraint: 'restaurant_tables_seats_range' });
      expect(pgLogFields(new Error('not the database'))).toEqual({});
    } finally {
      await handle.close();
    }
  });
});
