// A full shared lock table (SQLSTATE 53200, "out of shared memory": max_locks_per_transaction) is the
// database's failure, not the caller's bug: 503 SERVICE_UNAVAILABLE, as an unreachable database or a
// statement timeout is. The errors are the driver's own, raised by a real database (PGlite, and the real
// PostgreSQL when there is one) and wrapped by Drizzle as the services see them.
import { createDb, type DatabaseHandle } from '@tablebook/db';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { databaseFailure, mappedDatabaseFailure } from '../src/database-failures.ts';
import { AppError } from '../src/errors.ts';

const postgresUrl = inject('postgresUrl');

/** The error a statement raising `code` fails with, as Drizzle hands it to the caller. */
async function raised(handle: DatabaseHandle, code: string): Promise<unknown> {
  try {
    await handle.db.execute(
      sql.raw(`do $$ begin raise exception 'out of shared memory' using errcode = '${code}',
                 hint = 'You might need to increase max_locks_per_transaction.'; end $$`),
    );
  } catch (error) {
    return error;
  }
  throw new Error(`the statement raising ${code} passed`);
}

function failures(url: () => string) {
  let handle: DatabaseHandle;
  beforeAll(() => {
    handle = createDb(url());
  });
  afterAll(() => handle?.close());

  it('maps 53200 to SERVICE_UNAVAILABLE (503), bare and behind an internal tRPC error', async () => {
    const error = await raised(handle, '53200');
    const failure = databaseFailure(error);
    expect(failure).toBeInstanceOf(AppError);
    expect(failure).toMatchObject({ reason: 'SERVICE_UNAVAILABLE', message: 'The database is out of lock space; try again shortly' });
    expect(failure!.cause).toBe(error);
    expect(getHTTPStatusCodeFromError(failure!)).toBe(503);
    // What the server's error handler meets: the procedure's throw wrapped as INTERNAL_SERVER_ERROR.
    const mapped = mappedDatabaseFailure(new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: error as Error }));
    expect(mapped).toMatchObject({ reason: 'SERVICE_UNAVAILABLE' });
    expect(getHTTPStatusCodeFromError(mapped!)).toBe(503);
  });

  it('leaves another internal error (XX000) a genuine 500', async () => {
    expect(databaseFailure(await raised(handle, 'XX000'))).toBeUndefined();
  });
}

describe('a full lock table, raised by PGlite', () => {
  failures(() => 'memory://');
});

describe.skipIf(!postgresUrl)('a full lock table, raised by the real PostgreSQL', () => {
  failures(() => postgresUrl);
});
