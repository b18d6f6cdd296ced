import { asc, gt, lt, sql } from 'drizzle-orm';
import { queryRows, reservationEvents, type DatabaseHandle, type Listening, type ReservationEventRow } from '@tablebook/db';
import type { ContextLogger } from '../logger.ts';
import { EVENTS_CHANNEL, type ReservationEventType } from '../services/reservation-events.ts';
import { deliverableThrough, type IdGap } from './id-gaps.ts';

export type StoredEvent = ReservationEventRow;
/** A reservation's change: the database keeps its restaurant and day (the check reservation_events_place). */
export type StoredReservationEvent = StoredEvent & { type: ReservationEventType; restaurantId: string; date: string };

/** A reservation's change, not a `limits` event (a change of the rules, of no one day). */
export const isReservationEvent = (event: StoredEvent): event is StoredReservationEvent => event.type !== 'limits';

type Listener = { onEvent: (event: StoredEvent) => void; onClose: () => void };

const BATCH = 500;
/**
 * A read every second whatever happens: a change whose NOTIFY was lost (its process died right after
 * the commit, or the listening connection was down) is delivered within it.
 */
const SAFETY_SWEEP_MS = 1_000;
/** How soon an id still being written is looked at again: its writer commits within milliseconds. */
const GAP_RECHECK_MS = 3;
/** After this long, the hub asks the database who is still writing events (an aborted writer leaves its id unused for good). */
const GAP_HOLDERS_AFTER_MS = 20;
/** Waiting for the writers of an id longer than this is said in the log (a transaction left open). */
const GAP_WARN_AFTER_MS = 5_000;

/** The transactions writing events now: each holds its insert's lock on the table until it ends. */
const WRITERS = sql`from pg_locks
  where locktype = 'relation' and relation = 'reservation_events'::regclass and mode = 'RowExclusiveLock'
    and database = (select oid from pg_database where datname = current_database())
    and pid is distinct from pg_backend_pid()`;
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
  private listening: Listening | undefined;
  private live = false;
  private sweep: NodeJS.Timeout | undefined;
  private gap: IdGap | undefined;
  private gapTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  private started = false;

  constructor(
    private readonly database: DatabaseHandle,
    private readonly log?: ContextLogger,
  ) {}

  async start(): Promise<void> {
    // Ids come from a sequence, not in commit order: a writer may still hold an id below the highest
    // one visible. Start after the highest, once every writer that could hold a lower one has ended.
    const [top] = await queryRows<{ id: string | null }>(
      this.database.db,
      sql`select max(${reservationEvents.id})::text as id from ${reservationEvents}`,
    );
    await this.waitForWriters(await this.writersNow(), GAP_WARN_AFTER_MS);
    this.lastDelivered = Number(top?.id ?? 0);
    this.started = true;
    this.listening = await this.database.listen(EVENTS_CHANNEL, {
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
    // Events committed before LISTEN started; and a sweep in case a notification never comes.
    this.catchUp();
    this.sweep = setInterval(() => this.catchUp(), SAFETY_SWEEP_MS);
    this.sweep.unref();
  }

  /**
   * Called after a write of this process ended (its transaction committed or rolled back): reads the
   * new events at once, and tells the other processes with one NOTIFY, sent after the commit and
   * coalesced with others in flight. Writers never notify inside their transaction.
   */
  written(): void {
    if (this.stopped || !this.started) return;
    this.catchUp();
    this.listening?.announce();
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
    filter: { restaurantId?: string | undefined; date?: string | undefined; limits?: boolean | undefined; upTo: number },
  ): Promise<StoredEvent[]> {
    const { restaurantId, date, limits, upTo } = filter;
    const reservationsWanted = sql`true${restaurantId ? sql` and ${reservationEvents.restaurantId} = ${restaurantId}` : sql``}${
      date ? sql` and (${reservationEvents.date} = ${date} or ${reservationEvents.previousDate} = ${date})` : sql``
    }`;
    return this.database.db
      .select()
      .from(reservationEvents)
      .where(
        sql`${reservationEvents.id} > ${afterId} and ${reservationEvents.id} <= ${upTo} and (${reservationsWanted}${limits ? sql` or ${reservationEvents.type} = 'limits'` : sql``})`,
      )
      .orderBy(asc(reservationEvents.id));
  }

  /**
   * Whether every event after `afterId` is still stored: the backlog keeps a day (`purge`), so a
   * reader away longer missed some for good. Ids are handed out one by one, so nothing is missing
   * when the oldest stored id is the next one (a deleted restaurant's events, or an id whose writer
   * rolled back, leave holes too: then this answers no, and the reader reads afresh once, which is
   * always safe).
   */
  async canReplayAfter(afterId: number): Promise<boolean> {
    if (afterId >= this.lastDelivered) return true;
    const [row] = await this.database.db.select({ oldest: sql<string | null>`min(${reservationEvents.id})::text` }).from(reservationEvents);
    const oldest = row?.oldest ?? null;
    return oldest !== null && Number(oldest) <= afterId + 1;
  }

  /**
   * Reads and delivers every event after the last one delivered, in id order, up to the first id
   * still being written (see id-gaps.ts). Calls coalesce: while a read is waiting its turn, more
   * notifications add nothing (it will see their events too); one that arrives during a read queues
   * exactly one more. Under a burst of bookings this is a handful of reads, not one per booking.
   */
  private catchUp(): void {
    // Before start() there is no position yet: reading from 0 would replay the stored backlog as news.
    if (this.catchUpQueued || this.stopped || !this.started) return;
    this.catchUpQueued = true;
    this.pump = this.pump
      .then(async () => {
        this.catchUpQueued = false;
        while (!this.stopped) {
          const rows = await this.database.db
            .select()
            .from(reservationEvents)
            .where(gt(reservationEvents.id, this.lastDelivered))
            .orderBy(asc(reservationEvents.id))
            .limit(BATCH);
          const through = deliverableThrough(
            this.lastDelivered,
            rows.map((row) => row.id),
            this.gap,
          );
          for (const row of rows.slice(0, through)) {
            this.lastDelivered = row.id;
            for (const listener of this.listeners) listener.onEvent(row);
          }
          if (through < rows.length) {
            // An id below the next visible one is not there yet: wait for its writer, never skip it.
            if (await this.watchGap(rows[through]!.id)) continue;
            return;
          }
          this.gap = undefined;
          if (rows.length < BATCH) return;
        }
      })
      .catch((error: unknown) => this.log?.error({ err: error }, 'reading new events failed'));
  }

  /**
   * Follows the ids missing below `nextVisible`. True when they are settled (every transaction that
   * could hold one has ended): read again, and what is still missing was rolled back. False: a
   * re-read is scheduled.
   */
  private async watchGap(nextVisible: number): Promise<boolean> {
    const from = this.lastDelivered + 1;
    const now = Date.now();
    // A new hole; or the settled one's `below` row went away (deleted) before it was delivered: the
    // ids up to the new next visible one are judged afresh, never passed as settled.
    if (this.gap?.from !== from || (this.gap.settled === true && nextVisible > this.gap.below)) {
      this.gap = { from, below: nextVisible, since: now };
    }
    const gap = this.gap;
    if (gap.holders === undefined && now - gap.since >= GAP_HOLDERS_AFTER_MS) {
      // Anyone who took an id below nextVisible did so before this process read nextVisible, and
      // holds the table's write lock until its end: those still holding it are the only candidates.
      gap.below = nextVisible;
      gap.holders = await this.writersNow();
    } else if (gap.holders !== undefined && gap.holders.length > 0) {
      gap.holders = await this.stillWriting(gap.holders);
    }
    if (gap.holders !== undefined && gap.holders.length === 0) {
      gap.settled = true;
      return true;
    }
    if (now - gap.since >= GAP_WARN_AFTER_MS && !gap.warned) {
      gap.warned = true;
      this.log?.warn({ eventId: from, waitingMs: now - gap.since }, 'live updates wait for a transaction that has not ended');
    }
    this.scheduleGapCheck(now - gap.since < GAP_HOLDERS_AFTER_MS ? GAP_RECHECK_MS : 20);
    return false;
  }

  private scheduleGapCheck(delayMs: number): void {
    if (this.gapTimer || this.stopped) return;
    this.gapTimer = setTimeout(() => {
      this.gapTimer = undefined;
      this.catchUp();
    }, delayMs);
    this.gapTimer.unref();
  }

  private async writersNow(): Promise<string[]> {
    const [row] = await queryRows<{ holders: string[] }>(
      this.database.db,
      sql`select coalesce(array_agg(distinct virtualtransaction), '{}') as holders ${WRITERS}`,
    );
    return row?.holders ?? [];
  }

  private async stillWriting(holders: readonly string[]): Promise<string[]> {
    const [row] = await queryRows<{ holders: string[] }>(
      this.database.db,
      sql`select coalesce(array_agg(distinct virtualtransaction), '{}') as holders ${WRITERS}
            and virtualtransaction = any(${sql.param([...holders])}::text[])`,
    );
    return row?.holders ?? [];
  }

  /** Waits (bounded) until none of `holders` writes events any more. */
  private async waitForWriters(holders: string[], boundMs: number): Promise<void> {
    const deadline = Date.now() + boundMs;
    let waiting = holders;
    while (waiting.length > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, GAP_RECHECK_MS));
      waiting = await this.stillWriting(waiting);
    }
    if (waiting.length > 0) this.log?.warn({ transactions: waiting.length }, 'live updates start beside transactions still writing events');
  }

  /** Ends every open stream (server shutdown) and stops listening. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.sweep);
    clearTimeout(this.gapTimer);
    for (const listener of this.listeners) listener.onClose();
    this.listeners.clear();
    await this.listening?.stop();
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
