import { asc, eq, gt, lt, sql } from 'drizzle-orm';
import { eventCounter, reservationEvents, type DatabaseHandle, type ReservationEventRow, type StopListening } from '@tablebook/db';
import type { ContextLogger } from '../logger.ts';
import { EVENTS_CHANNEL, type ReservationEventType } from '../services/reservation-events.ts';

export type StoredEvent = ReservationEventRow;
/** A reservation's change: the database keeps its restaurant and day (the check reservation_events_place). */
export type StoredReservationEvent = StoredEvent & { type: ReservationEventType; restaurantId: string; date: string };

/** A reservation's change, not a `limits` event (a change of the rules, of no one day). */
export const isReservationEvent = (event: StoredEvent): event is StoredReservationEvent => event.type !== 'limits';

type Listener = { onEvent: (event: StoredEvent) => void; onClose: () => void };

const BATCH = 500;
const SAFETY_SWEEP_MS = 15_000;
/** Events older than this are dropped from the backlog; a client further behind starts afresh. */
const EVENT_BACKLOG_HOURS = 24;

/**
 * One per server process: listens on PostgreSQL's channel (PGlite's own in-process channel when
 * embedded) and hands every committed event, in id order, to the streams open in this process. A
 * notification only says "something new": the hub reads every event after the last it delivered, so
 * notifications lost while the connection was down are caught up after it comes back.
 */
export class ReservationEventHub {
  private lastDelivered = 0;
  private readonly listeners = new Set<Listener>();
  private pump: Promise<void> = Promise.resolve();
  private catchUpQueued = false;
  private stopListening: StopListening | undefined;
  private live = false;
  private sweep: NodeJS.Timeout | undefined;

  constructor(
    private readonly database: DatabaseHandle,
    private readonly log?: ContextLogger,
  ) {}

  async start(): Promise<void> {
    const [counter] = await this.database.db.select({ id: eventCounter.lastEventId }).from(eventCounter).where(eq(eventCounter.id, 1));
    this.lastDelivered = counter?.id ?? 0;
    this.stopListening = await this.database.listen(EVENTS_CHANNEL, {
      onNotify: () => this.catchUp(),
      onReconnect: () => {
        this.live = true;
        this.log?.warn({ channel: EVENTS_CHANNEL }, 'live updates reconnected; catching up');
        this.catchUp();
      },
      onDisconnect: (error) => {
        this.live = false;
        this.log?.warn({ err: error, channel: EVENTS_CHANNEL }, 'live updates disconnected; reconnecting');
      },
    });
    this.live = true;
    // Events committed between reading the counter and LISTEN starting; and a slow sweep in case a
    // connection dies silently (no error, no notifications): nothing waits longer than that for a change.
    this.catchUp();
    this.sweep = setInterval(() => this.catchUp(), SAFETY_SWEEP_MS);
    this.sweep.unref();
  }

  /** The newest event this process has delivered (resume ids above it are from another database's life). */
  get latestId(): number {
    return this.lastDelivered;
  }

  /** False while the listening connection is down (streams stay open and catch up later). */
  get connected(): boolean {
    return this.live;
  }

  subscribe(onEvent: (event: StoredEvent) => void, onClose: () => void): () => void {
    const listener = { onEvent, onClose };
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Events after `afterId` (for one restaurant, one day, or both), oldest first, from the stored
   * backlog; with `limits`, every `limits` event too (the stream picks those that concern it).
   */
  async backlog(
    afterId: number,
    filter: { restaurantId?: string | undefined; date?: string | undefined; limits?: boolean | undefined },
  ): Promise<StoredEvent[]> {
    const { restaurantId, date, limits } = filter;
    const reservationsWanted = sql`true${restaurantId ? sql` and ${reservationEvents.restaurantId} = ${restaurantId}` : sql``}${
      date ? sql` and (${reservationEvents.date} = ${date} or ${reservationEvents.previousDate} = ${date})` : sql``
    }`;
    return this.database.db
      .select()
      .from(reservationEvents)
      .where(
        sql`${reservationEvents.id} > ${afterId} and (${reservationsWanted}${limits ? sql` or ${reservationEvents.type} = 'limits'` : sql``})`,
      )
      .orderBy(asc(reservationEvents.id));
  }

  /**
   * Whether every event after `afterId` is still stored: the backlog keeps a day (`purge`), so a
   * reader away longer missed some for good. Ids are handed out one by one, so nothing is missing
   * when the oldest stored id is the next one (a deleted restaurant's events leave holes too: then
   * this answers no, and the reader reads afresh once, which is always safe).
   */
  async canReplayAfter(afterId: number): Promise<boolean> {
    if (afterId >= this.lastDelivered) return true;
    const [row] = await this.database.db.select({ oldest: sql<string | null>`min(${reservationEvents.id})::text` }).from(reservationEvents);
    const oldest = row?.oldest ?? null;
    return oldest !== null && Number(oldest) <= afterId + 1;
  }

  /**
   * Reads and delivers every event after the last one delivered. Calls coalesce: while a read is
   * waiting its turn, more notifications add nothing (it will see their events too); one that arrives
   * during a read queues exactly one more. Under a burst of bookings this is a handful of reads, not
   * one per booking queued behind the bookings themselves.
   */
  private catchUp(): void {
    if (this.catchUpQueued) return;
    this.catchUpQueued = true;
    this.pump = this.pump
      .then(async () => {
        this.catchUpQueued = false;
        for (;;) {
          const rows = await this.database.db
            .select()
            .from(reservationEvents)
            .where(gt(reservationEvents.id, this.lastDelivered))
            .orderBy(asc(reservationEvents.id))
            .limit(BATCH);
          for (const row of rows) {
            this.lastDelivered = row.id;
            for (const listener of this.listeners) listener.onEvent(row);
          }
          if (rows.length < BATCH) return;
        }
      })
      .catch((error: unknown) => this.log?.error({ err: error }, 'reading new events failed'));
  }

  /** Ends every open stream (server shutdown) and stops listening. */
  async stop(): Promise<void> {
    clearInterval(this.sweep);
    for (const listener of this.listeners) listener.onClose();
    this.listeners.clear();
    await this.stopListening?.();
    this.live = false;
  }

  /** Drops events past the backlog window; returns how many. */
  async purge(): Promise<number> {
    const removed = await this.database.db
      .delete(reservationEvents)
      .where(lt(reservationEvents.createdAt, sql`now() - make_interval(hours => ${EVENT_BACKLOG_HOURS})`))
      .returning({ id: reservationEvents.id });
    return removed.length;
  }
}
