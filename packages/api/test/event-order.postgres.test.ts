// Event ids come from a sequence (migration 0013), so a higher id can commit before a lower one. The
// hub must still deliver in id order with nothing skipped: it holds back what follows an id still being
// written, and passes an id whose writer rolled back once that writer has ended. Real PostgreSQL only:
// PGlite has one connection, so two writers are never open at once there.
import { sql } from 'drizzle-orm';
import { createDb, queryRows, type DatabaseHandle } from '@tablebook/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ReservationEventHub, type StoredEvent } from '../src/events/hub.ts';
import { useDatabase } from './helpers.ts';

const postgresUrl = inject('postgresUrl');

/** A limits event (no restaurant, no day), inserted as any writer's last statement would. */
const INSERT_EVENT = `insert into reservation_events (restaurant_id, date, type, payload)
  values (null, null, 'limits', '{"restaurantId":null,"globalDailyLimit":20,"restaurantDailyLimit":15}') returning id::int`;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await wait(5);
  }
}

describe.skipIf(!postgresUrl)('event ids on real PostgreSQL', () => {
  const database = useDatabase('postgres', postgresUrl);
  let hub: ReservationEventHub;
  let url: string;
  const delivered: number[] = [];
  const writers: DatabaseHandle[] = [];

  /** A transaction that has written one event and waits to be told to commit or roll back. */
  const writer = () => {
    const handle = createDb(url, { maxConnections: 1 });
    writers.push(handle);
    return handle;
  };
  const openWrite = async (handle: DatabaseHandle) => {
    let decide: (outcome: 'commit' | 'rollback') => void = () => undefined;
    const decision = new Promise<'commit' | 'rollback'>((resolve) => (decide = resolve));
    let written: (id: number) => void = () => undefined;
    const id = new Promise<number>((resolve) => (written = resolve));
    const rolledBack = new Error('rolled back on purpose');
    const done = handle.db
      .transaction(async (tx) => {
        written((await queryRows<{ id: number }>(tx, sql.raw(INSERT_EVENT)))[0]!.id);
        if ((await decision) === 'rollback') throw rolledBack;
      })
      .catch((error: unknown) => {
        if (error !== rolledBack) throw error;
      });
    return {
      id: await id,
      commit: async () => {
        decide('commit');
        await done;
      },
      rollback: async () => {
        decide('rollback');
        await done;
      },
    };
  };

  beforeAll(async () => {
    const handle: DatabaseHandle = database();
    const [row] = await queryRows<{ url: string }>(handle.db, sql`select current_database() as url`);
    url = postgresUrl.replace(/\/[^/]*$/, `/${row!.url}`);
    hub = new ReservationEventHub(handle);
    await hub.start();
    hub.subscribe(
      (event: StoredEvent) => delivered.push(event.id),
      () => undefined,
    );
  });
  afterAll(async () => {
    await hub?.stop();
    await Promise.all(writers.map((handle) => handle.close()));
  });

  it('holds back an id committed while a lower one is still being written, then delivers both in order', async () => {
    const low = await openWrite(writer());
    const high = await openWrite(writer());
    await high.commit();
    hub.written();
    await wait(300);
    expect(delivered).not.toContain(high.id);
    await low.commit();
    hub.written();
    await until(() => delivered.includes(high.id), 2000);
    expect(delivered.slice(-2)).toEqual([low.id, high.id]);
  });

  it('passes an id whose writer rolled back, once that writer has ended', async () => {
    const lost = await openWrite(writer());
    const kept = await openWrite(writer());
    await kept.commit();
    hub.written();
    await wait(100);
    expect(delivered).not.toContain(kept.id);
    await lost.rollback();
    await until(() => delivered.includes(kept.id), 2000);
    expect(delivered).not.toContain(lost.id);
    expect(delivered.at(-1)).toBe(kept.id);
  });

  it('goes on when the event just above a settled hole is deleted before it was delivered (no livelock)', async () => {
    const lost = await openWrite(writer());
    const deleted = await openWrite(writer());
    await deleted.commit();
    hub.written();
    // Long enough for the hub to ask who writes events (the held writer among them) and settle `below`.
    await wait(80);
    const kept = await openWrite(writer());
    await kept.commit();
    hub.written();
    await wait(30);
    // As a restaurant's deletion cascades to its events.
    await database().db.execute(sql`delete from reservation_events where id = ${deleted.id}`);
    await lost.rollback();
    hub.written();
    await until(() => delivered.includes(kept.id), 3000);
    expect(delivered).not.toContain(lost.id);
    expect(delivered).not.toContain(deleted.id);
  });

  it('delivers every committed id once and in order when 16 writers commit out of order', async () => {
    const before = delivered.length;
    const committed: number[] = [];
    const inCommitOrder: number[] = [];
    await Promise.all(
      Array.from({ length: 16 }, async (_, index) => {
        const handle = writer();
        for (let round = 0; round < 20; round += 1) {
          const write = await openWrite(handle);
          // Held open for a moment, so later ids often commit first.
          await wait((index * 7 + round * 3) % 5);
          if ((index + round) % 9 === 0) {
            await write.rollback();
          } else {
            await write.commit();
            committed.push(write.id);
            inCommitOrder.push(write.id);
          }
          hub.written();
        }
      }),
    );
    committed.sort((a, b) => a - b);
    // The race is real: some higher ids committed before lower ones.
    expect(inCommitOrder).not.toEqual(committed);
    await until(() => delivered.length - before >= committed.length, 5000);
    expect(delivered.slice(before)).toEqual(committed);
  });
});
