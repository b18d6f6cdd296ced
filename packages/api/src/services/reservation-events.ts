import { and, asc, eq, ne, type SQL, sql } from 'drizzle-orm';
import { reservationEvents, reservations } from '@tablebook/db';
import { remainingCapacity, type DailyLimits } from '../rules/booking.ts';
import type { reservationEventTypes } from '../schemas/events.ts';
import type { ReservationOutput } from '../schemas/reservation.ts';
import { restaurantLimitOf, storedGlobalLimit } from './daily-limits.ts';
import { outboxQueueing, type OutboxChange } from './outbox-queue.ts';
import type { Queryable } from './transactions.ts';

/** The PostgreSQL channel committed events are announced on, after their commit (events/hub.ts). */
export const EVENTS_CHANNEL = 'reservation_events';

/** One source: the event types the live streams' schema lists. */
export type ReservationEventType = (typeof reservationEventTypes)[number];

interface DayState {
  capacity: { date: string; restaurantRemaining: number; globalRemaining: number };
  takenTables: string[];
}

/** Where a reservation held its table before a move. */
interface PreviousPlace {
  date: string;
  table: string;
  startsAt: string;
  endsAt: string;
}

/** What is stored with each event: the admin view and the public view of the change. */
export interface EventPayload extends DayState {
  reservation: ReservationOutput;
  /** A move: where it was, and the state of the day it left (the same day's state for a move within a day). */
  previous?: DayState & Omit<PreviousPlace, 'date'>;
}

/** A day's live reservations, system-wide and at the restaurant, with the limits that apply. */
interface DayCounts {
  globalCount: number;
  restaurantCount: number;
  limits: DailyLimits;
}

async function readDayCounts(tx: Queryable, restaurantId: string, date: string): Promise<DayCounts> {
  const [counts] = await tx
    .select({
      globalCount: sql<number>`count(*)::int`,
      restaurantCount: sql<number>`(count(*) filter (where ${reservations.restaurantId} = ${restaurantId}))::int`,
      globalDailyLimit: storedGlobalLimit,
      restaurantDailyLimit: restaurantLimitOf(restaurantId),
    })
    .from(reservations)
    .where(and(eq(reservations.date, date), ne(reservations.status, 'cancelled')));
  if (!counts) throw new Error('the day state query returned no row');
  const { globalCount, restaurantCount, globalDailyLimit, restaurantDailyLimit } = counts;
  return { globalCount, restaurantCount, limits: { globalDailyLimit, restaurantDailyLimit } };
}

const capacityOf = (date: string, counts: DayCounts): DayState['capacity'] => ({ date, ...remainingCapacity(counts, counts.limits) });

async function readDayState(tx: Queryable, restaurantId: string, date: string): Promise<DayState> {
  const capacity = capacityOf(date, await readDayCounts(tx, restaurantId, date));
  // A table with several timed reservations that day is one taken table.
  const taken = await tx
    .selectDistinct({ table: reservations.tableLabel })
    .from(reservations)
    .where(and(eq(reservations.date, date), ne(reservations.status, 'cancelled'), eq(reservations.restaurantId, restaurantId)))
    .orderBy(asc(reservations.tableLabel));
  return { capacity, takenTables: taken.map((row) => row.table) };
}

/**
 * The restaurant's taken tables that day, ordered as readDayState orders them, read by the statement
 * that records the event; `adding`: a table the same statement books (its own insert is not visible
 * to its other parts).
 */
const takenTablesSql = (restaurantId: string, date: string, adding: string | undefined) =>
  sql`(select coalesce(jsonb_agg(distinct t.label order by t.label), '[]'::jsonb)
         from (select table_label as label from ${reservations}
                where restaurant_id = ${restaurantId} and date = ${date} and status <> 'cancelled'${
                  adding === undefined ? sql`` : sql` union all select ${adding}::varchar`
                }) t)`;

type RecordedChange = OutboxChange & { previous?: PreviousPlace | undefined; counts?: DayCounts | undefined };

/**
 * The common table expressions that record a change (its outbox rows, then its event) as part of a
 * statement; `booking`: the table a new reservation inserted by the same statement holds.
 */
async function recordingCtes(tx: Queryable, change: RecordedChange, booking?: { table: string }): Promise<SQL> {
  const { reservation, previous: place } = change;
  const { restaurantId, date } = reservation;
  const capacity = capacityOf(date, change.counts ?? (await readDayCounts(tx, restaurantId, date)));
  const leftDay = place !== undefined && place.date !== date;
  let previous: SQL = sql``;
  if (place) {
    const where = { table: place.table, startsAt: place.startsAt, endsAt: place.endsAt };
    previous = leftDay
      ? sql` || jsonb_build_object('previous', ${JSON.stringify({ ...(await readDayState(tx, restaurantId, place.date)), ...where })}::jsonb)`
      : // A move within the day: the day it left is this one.
        sql` || jsonb_build_object('previous', ${JSON.stringify({ capacity, ...where })}::jsonb || jsonb_build_object('takenTables', day.taken))`;
  }
  return sql`${outboxQueueing(change)},
    day as (select ${takenTablesSql(restaurantId, date, booking?.table)} as taken),
    recorded as (
      insert into ${reservationEvents} (restaurant_id, date, previous_date, type, payload)
      select ${restaurantId}::uuid, ${date}::date, ${leftDay ? place.date : null}::date, ${change.type},
             ${JSON.stringify({ reservation, capacity })}::jsonb || jsonb_build_object('takenTables', day.taken)${previous}
        from day)`;
}

/**
 * Records a change as the last step of its transaction (the day locks are held, so the capacity is
 * exact) and queues its messages in the outbox (issue 17), in one statement: a rolled-back change
 * tells no one, a committed one is never lost. The id comes from the table's sequence, so no lock is
 * held until commit, and nothing is notified inside the transaction: events/hub.ts reads in id order
 * and is told after the commit. `counts`: the day after the change, when the caller counted it under
 * the day lock already (a booking's load), so the day is not counted twice.
 */
export async function recordEvent(tx: Queryable, change: RecordedChange): Promise<void> {
  await tx.execute(sql`with ${await recordingCtes(tx, change)} select 1`);
}

/**
 * Inserts a new reservation and records its `created` event and outbox rows in the same statement
 * (one round trip). `reservation` is the row as `insert` stores it (the caller knows every value:
 * its id, and the transaction's start for the database's created/updated times).
 */
export async function insertAndRecord(
  tx: Queryable,
  insert: SQL,
  change: RecordedChange & { reservation: { table: string } },
): Promise<void> {
  const ctes = await recordingCtes(tx, change, { table: change.reservation.table });
  await tx.execute(sql`with inserted as (${insert} returning id), ${ctes} select id from inserted`);
}

/**
 * What a `limits` event stores: the rules after the change, for the record (streams say only whose
 * rules changed: every day's capacity is read afresh, see events/stream.ts). The stored settings are
 * every restaurant's (`restaurantId` null); a restaurant's own limit or pacing only its own.
 */
export type LimitsPayload =
  | { restaurantId: null; globalDailyLimit: number; restaurantDailyLimit: number }
  | { restaurantId: string; dailyLimit: number | null; pacing: { intervalMinutes: number; maxCovers: number } | null };

/**
 * Records a change of the rules that decide every day's capacity (the stored limits, or a restaurant's
 * own limit or pacing), as the last step of the transaction that made it: open streams hear of it in
 * id order with the bookings, from every process. No day: it concerns them all.
 */
export async function recordLimitsEvent(tx: Queryable, payload: LimitsPayload): Promise<void> {
  await tx.insert(reservationEvents).values({ restaurantId: payload.restaurantId, date: null, type: 'limits', payload });
}
