// The outbox's SQL for its sender: claiming due rows, recording how an attempt went, and the queue's
// figures for the metrics. Each is one statement. The clock is the database's (now(), as the queue's
// due_at), so every process and machine judges what is due and whose lease ran out by the same clock;
// a test passes its own instead (it moves it).
import { sql } from 'drizzle-orm';
import { OUTBOX_CHANNELS, queryRows, type OutboxChannel, type OutboxKind } from '@tablebook/db';
import type { ReservationOutput } from '../schemas/reservation.ts';
import type { Queryable } from '../services/transactions.ts';

/** What the queue stored with each row (packages/api/src/services/outbox-queue.ts). */
interface OutboxPayload {
  reservation: ReservationOutput;
  restaurant: { id: string; name: string; address: string | null; timeZone: string };
  /** When the change was recorded, ISO UTC. */
  occurredAt: string;
}

export interface ClaimedEndpoint {
  url: string;
  secret: string;
  previousSecret: string | null;
  /** Epoch ms; the previous secret still signs until then. */
  previousSecretUntilMs: number | null;
}

export interface ClaimedMessage {
  id: string;
  reservationId: string;
  restaurantId: string;
  kind: OutboxKind;
  channel: OutboxChannel;
  eventType: string | null;
  recipient: string | null;
  language: string;
  reminderMinutes: number;
  payload: OutboxPayload;
  /** This attempt's number (1 for the first). */
  attempt: number;
  /** What the claim decided: send it now, or it was dropped (a stale reminder) or given up (its last attempt's process died). */
  outcome: 'send' | 'dropped' | 'dead';
  /** Why a row was dropped or given up. */
  reason: string | null;
  endpoint: ClaimedEndpoint | null;
  /** The clock the claim went by (the database's, or the test's): what "now" is for this attempt. */
  claimedAt: Date;
}

export interface ClaimOptions {
  /** The clock's reading to claim by; null: the database's now(). */
  now: Date | null;
  /**
   * How many rows of each channel to claim at most: what the process can start sending now (its free
   * slots for that channel). A channel absent or at 0 is not claimed.
   */
  limits: Partial<Record<OutboxChannel, number>>;
  /** Rows this process is still sending: never claimed again by it, even once their lease has run out. */
  exclude?: readonly string[];
  leaseSeconds: number;
  maxAttempts: number;
}

interface ClaimRow {
  id: string;
  reservation_id: string;
  restaurant_id: string;
  kind: OutboxKind;
  channel: OutboxChannel;
  event_type: string | null;
  recipient: string | null;
  language: string;
  reminder_minutes: number;
  payload: OutboxPayload | string;
  attempts: number;
  outcome: 'send' | 'dropped' | 'dead';
  reason: string | null;
  endpoint_url: string | null;
  secret: string | null;
  previous_secret: string | null;
  previous_secret_until_ms: number | string | null;
  claimed_at: Date | string;
}

/** A clock in SQL: the given reading, or the database's now() (constant within the statement). */
const clockOf = (at: Date | null) => sql`coalesce(${at === null ? null : at.toISOString()}::timestamptz, now())`;

/** What the last attempt of a row whose lease ran out is recorded as. */
const LEASE_EXPIRED = 'the lease expired before the attempt finished (the process sending it stopped)';

/**
 * Claims up to `limits[channel]` due rows of each channel in one statement: pending ones whose time has
 * come, and ones still 'sending' whose lease ran out (the process sending them died), oldest first,
 * skipping rows another sender holds (FOR UPDATE SKIP LOCKED) and the ones this sender is still sending
 * (`exclude`). Each becomes 'sending' with a lease and
 * one more attempt. In the same statement: a reminder whose reservation is gone, no longer confirmed,
 * already started or moved, or one with a later reminder of the same reservation also due (the sender
 * was down), is 'dropped' instead (never sent), and so is any e-mail about a visit that is over; a row whose lease ran out on its last
 * attempt is 'dead'; and a run-out lease is recorded as a failed attempt.
 */
export async function claimDue(db: Queryable, options: ClaimOptions): Promise<ClaimedMessage[]> {
  const wanted = OUTBOX_CHANNELS.filter((channel) => (options.limits[channel] ?? 0) > 0);
  if (wanted.length === 0) return [];
  const now = clockOf(options.now);
  const exclude = sql.param([...(options.exclude ?? [])]);
  // One locking CTE per channel (FOR UPDATE is not allowed under a UNION), each with its own limit:
  // a channel's slots are its own, so a slow webhook receiver never takes e-mail's.
  const perChannel = wanted.map(
    (channel) => sql`${sql.raw(`due_${channel}`)} as (
        select id, status, attempts, updated_at, kind, channel, reservation_id, endpoint_id, reminder_minutes, payload #>> '{reservation,startsAt}' as starts_at
          from outbox_messages
         where channel = ${channel}::text
           and not (id = any(${exclude}::uuid[]))
           and ((status = 'pending' and due_at <= ${now})
             or (status = 'sending' and lease_until <= ${now}))
         order by due_at, id
         limit ${Math.floor(options.limits[channel]!)}
         for update skip locked
      )`,
  );
  const union = sql.join(
    wanted.map((channel) => sql`select * from ${sql.raw(`due_${channel}`)}`),
    sql` union all `,
  );
  const rows = await queryRows<ClaimRow>(
    db,
    sql`
      with ${sql.join(perChannel, sql`, `)}, due as (${union}
      ), checked as (
        -- The columns of the locked rows come from \`due\` itself: FOR UPDATE returns each row's newest version.
        select due.id, due.status as previous_status, due.attempts as previous_attempts, due.updated_at as previous_claim,
               case
                 -- A guest is not told of a visit that is over (e-mail kept while SMTP_URL was unset, or
                 -- retried for hours); integrators hear of every change, whenever it reaches them.
                 when due.channel = 'email' and due.kind <> 'reminder' and r.ends_at <= ${now} then 'the visit is over'
                 when due.kind <> 'reminder' then null
                 when r.id is null then 'the reservation is gone'
                 when r.status <> 'confirmed' then 'the reservation is ' || r.status
                 when r.starts_at <= ${now} then 'the reservation has already started'
                 when r.starts_at <> due.starts_at::timestamptz then 'the reservation moved'
                 -- The sender was down past several of its reminders: only the one nearest the start is sent.
                 when exists (
                   select 1 from outbox_messages later
                    where later.reservation_id = due.reservation_id and later.kind = 'reminder' and later.channel = 'email'
                      and later.id <> due.id and later.reminder_minutes < due.reminder_minutes
                      and later.status in ('pending', 'sending', 'sent') and later.due_at <= ${now}
                      and (later.payload #>> '{reservation,startsAt}')::timestamptz = r.starts_at
                 ) then 'a later reminder is due'
               end as stale,
               due.status = 'sending' and due.attempts >= ${options.maxAttempts}::int as exhausted,
               e.url as endpoint_url, e.secret, e.previous_secret,
               (extract(epoch from e.previous_secret_until) * 1000)::float8 as previous_secret_until_ms
          from due
          left join reservations r on due.channel = 'email' and r.id = due.reservation_id
          left join webhook_endpoints e on e.id = due.endpoint_id
      ), decided as (
        select c.*, case when c.exhausted then 'dead' when c.stale is not null then 'dropped' else 'send' end as outcome
          from checked c
      ), lost as (
        insert into outbox_attempts (message_id, attempt, started_at, finished_at, ok, error)
        select id, previous_attempts, previous_claim, ${now}, false, ${LEASE_EXPIRED}::text
          from decided where previous_status = 'sending'
      )
      update outbox_messages m
         set status = case d.outcome when 'send' then 'sending' else d.outcome end,
             attempts = m.attempts + case when d.outcome = 'send' then 1 else 0 end,
             lease_until = case when d.outcome = 'send' then ${now} + make_interval(secs => ${options.leaseSeconds}) end,
             last_error = case d.outcome when 'send' then m.last_error when 'dead' then ${LEASE_EXPIRED}::text else d.stale end,
             updated_at = ${now}
        from decided d
       where m.id = d.id
      returning m.id, m.reservation_id, m.restaurant_id, m.kind, m.channel, m.event_type, m.recipient, m.language,
                m.reminder_minutes, m.payload, m.attempts, d.outcome,
                case d.outcome when 'dead' then ${LEASE_EXPIRED}::text else d.stale end as reason,
                d.endpoint_url, d.secret, d.previous_secret, d.previous_secret_until_ms, ${now} as claimed_at
    `,
  );
  return rows
    .map(
      (row): ClaimedMessage => ({
        id: row.id,
        reservationId: row.reservation_id,
        restaurantId: row.restaurant_id,
        kind: row.kind,
        channel: row.channel,
        eventType: row.event_type,
        recipient: row.recipient,
        language: row.language,
        reminderMinutes: Number(row.reminder_minutes),
        payload: typeof row.payload === 'string' ? (JSON.parse(row.payload) as OutboxPayload) : row.payload,
        attempt: Number(row.attempts),
        outcome: row.outcome,
        reason: row.reason,
        endpoint:
          row.endpoint_url !== null && row.secret !== null
            ? {
                url: row.endpoint_url,
                secret: row.secret,
                previousSecret: row.previous_secret,
                previousSecretUntilMs: row.previous_secret_until_ms === null ? null : Number(row.previous_secret_until_ms),
              }
            : null,
        claimedAt: new Date(row.claimed_at),
      }),
    )
    .sort((a, b) => a.id.localeCompare(b.id));
}

export interface AttemptRecord {
  id: string;
  attempt: number;
  startedAt: Date;
  /** When it ended; null: the database's now(). */
  finishedAt: Date | null;
  ok: boolean;
  /** The SMTP reply code or the HTTP status, when there was one. */
  responseStatus: number | null;
  error: string | null;
  /** After a failure: 'pending' again `retryInMs` after it finished, or 'dead'. */
  next: { status: 'sent' } | { status: 'pending'; retryInMs: number } | { status: 'dead' };
}

/**
 * Records an attempt (its outbox_attempts row) and the row's new state in one statement. The row is
 * only changed, and the attempt only recorded, while this attempt still holds it (its id and attempt
 * number, status 'sending'): a row whose lease ran out and that another sender claimed again is left
 * to that sender (the claim recorded this attempt as lost). Returns whether the row was changed.
 */
export async function recordAttempt(db: Queryable, record: AttemptRecord): Promise<boolean> {
  const { next } = record;
  const finishedAt = clockOf(record.finishedAt);
  const retryInMs = next.status === 'pending' ? Math.max(0, Math.round(next.retryInMs)) : null;
  const rows = await queryRows<{ id: string }>(
    db,
    sql`
      with held as (
        select id from outbox_messages
         where id = ${record.id}::uuid and attempts = ${record.attempt}::int and status = 'sending'
      ), attempt as (
        insert into outbox_attempts (message_id, attempt, started_at, finished_at, ok, response_status, error)
        select held.id, ${record.attempt}::int, ${record.startedAt.toISOString()}::timestamptz, ${finishedAt},
               ${record.ok}::boolean, ${record.responseStatus}::int, ${record.error}::text
          from held
      )
      update outbox_messages
         set status = ${next.status}::text,
             sent_at = case when ${next.status}::text = 'sent' then ${finishedAt} else sent_at end,
             due_at = case when ${retryInMs}::int is null then due_at else ${finishedAt} + make_interval(secs => ${retryInMs}::int / 1000.0) end,
             lease_until = null,
             last_error = ${record.error}::text,
             updated_at = ${finishedAt}
       where id = ${record.id}::uuid and attempts = ${record.attempt}::int and status = 'sending'
      returning id
    `,
  );
  return rows.length > 0;
}

export interface QueueFigures {
  channel: OutboxChannel;
  /** Rows due now or being sent (reminders still ahead are not counted). */
  depth: number;
  /** How long the oldest due, unsent row has waited past its due time (0 when none). */
  oldestDueAgeSeconds: number;
}

/** The queue's figures by channel, for the metrics: one statement over the outbox's partial indexes (the database's clock unless given one). */
export async function queueFigures(db: Queryable, now: Date | null = null): Promise<QueueFigures[]> {
  const at = clockOf(now);
  const rows = await queryRows<{ channel: OutboxChannel; depth: number | string; oldest: number | string | null }>(
    db,
    sql`
      select channel, count(*)::int as depth,
             (extract(epoch from ${at} - min(due_at)))::float8 as oldest
        from outbox_messages
       where (status = 'pending' and due_at <= ${at}) or status = 'sending'
       group by channel
    `,
  );
  const byChannel = new Map(rows.map((row) => [row.channel, row]));
  return OUTBOX_CHANNELS.map((channel) => {
    const row = byChannel.get(channel);
    return {
      channel,
      depth: row ? Number(row.depth) : 0,
      oldestDueAgeSeconds: row?.oldest != null ? Math.max(0, Number(row.oldest)) : 0,
    };
  });
}
