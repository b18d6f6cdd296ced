import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { eventCounter, reservationEvents, reservations } from '@tablebook/db';
import { remainingCapacity } from '../rules/booking.ts';
import type { reservationEventTypes } from '../schemas/events.ts';
import type { ReservationOutput } from '../schemas/reservation.ts';
import { restaurantLimitOf, storedGlobalLimit } from './daily-limits.ts';
import { queueOutbox, type OutboxChange } from './outbox-queue.ts';
import type { Queryable } from './transactions.ts';

/** The PostgreSQL channel every committed event is announced on (events/hub.ts listens). */
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

async function readDayState(tx: Queryable, restaurantId: string, date: string): Promise<DayState> {
  const live = and(eq(reservations.date, date), ne(reservations.status, 'cancelled'));
  const [counts] = await tx
    .select({
      globalCount: sql<number>`count(*)::int`,
      restaurantCount: sql<number>`(count(*) filter (where ${reservations.restaurantId} = ${restaurantId}))::int`,
      globalDailyLimit: storedGlobalLimit,
      restaurantDailyLimit: restaurantLimitOf(restaurantId),
    })
    .from(reservations)
    .where(live);
  // A table with several timed reservations that day is one taken table.
  const taken = await tx
    .selectDistinct({ table: reservations.tableLabel })
    .from(reservations)
    .where(and(live, eq(reservations.restaurantId, restaurantId)))
    .orderBy(asc(reservations.tableLabel));
  if (!counts) throw new Error('the day state query returned no row');
  return {
    capacity: { date, ...remainingCapacity(counts, counts) },
    takenTables: taken.map((row) => row.table),
  };
}

/**
 * The next event id, from the single counter row: locked until commit, so ids are handed out in
 * commit order. Every writer takes it as the last lock of its transaction.
 */
async function nextEventId(tx: Queryable): Promise<number> {
  const [counter] = await tx
    .update(eventCounter)
    .set({ lastEventId: sql`${eventCounter.lastEventId} + 1` })
    .where(eq(eventCounter.id, 1))
    .returning({ id: eventCounter.lastEventId });
  if (!counter) throw new Error('event_counter row is missing');
  return counter.id;
}

/** The notification is delivered at commit, to every process listening (events/hub.ts). */
async function announce(tx: Queryable, id: number): Promise<void> {
  await tx.execute(sql`select pg_notify(${EVENTS_CHANNEL}, ${String(id)})`);
}

/**
 * Records a change as the last step of its transaction (the day locks are held, so the capacity is
 * exact), and queues its messages in the outbox (issue 17) in the same transaction: a rolled-back
 * change tells no one, a committed one is never lost.
 */
export async function recordEvent(tx: Queryable, change: OutboxChange & { previous?: PreviousPlace | undefined }): Promise<void> {
  const { reservation, previous: place } = change;
  const current = await readDayState(tx, reservation.restaurantId, reservation.date);
  const leftDay = place !== undefined && place.date !== reservation.date;
  const previousDay = leftDay ? await readDayState(tx, reservation.restaurantId, place.date) : current;
  const previous = place ? { ...previousDay, table: place.table, startsAt: place.startsAt, endsAt: place.endsAt } : undefined;
  const payload: EventPayload = { reservation, ...current, ...(previous ? { previous } : {}) };
  await queueOutbox(tx, change);
  const id = await nextEventId(tx);
  await tx.insert(reservationEvents).values({
    id,
    restaurantId: reservation.restaurantId,
    date: reservation.date,
    previousDate: leftDay ? place.date : null,
    type: change.type,
    payload,
  });
  await announce(tx, id);
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
  const id = await nextEventId(tx);
  await tx.insert(reservationEvents).values({ id, restaurantId: payload.restaurantId, date: null, type: 'limits', payload });
  await announce(tx, id);
}
