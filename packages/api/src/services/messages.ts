/**
 * The outbox as the admin sees it (issue 17): outgoing e-mail and webhook deliveries, newest first,
 * with their status, attempts and last error, each one's attempts, and a retry for a dead one.
 */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type OutboxChannel, type OutboxKind, type OutboxStatus } from '@tablebook/db';
import { AppError, invalidInput, notFound } from '../errors.ts';
import { DEFAULT_MESSAGE_PAGE, type MessageDetailOutput, type MessageOutput } from '../schemas/message.ts';
import type { Queryable } from './transactions.ts';

export interface MessageFilter {
  status?: OutboxStatus | undefined;
  channel?: OutboxChannel | undefined;
  kind?: OutboxKind | undefined;
  reservationId?: string | undefined;
  endpointId?: string | undefined;
}

export interface MessagePage {
  limit?: number | undefined;
  cursor?: string | undefined;
}

interface MessageRow {
  id: string;
  channel: OutboxChannel;
  kind: OutboxKind;
  status: OutboxStatus;
  attempts: number;
  reservation_id: string;
  restaurant_id: string;
  restaurant_name: string | null;
  date: string | null;
  time: string | null;
  version: number;
  reminder_minutes: number;
  event_type: string | null;
  recipient: string | null;
  endpoint_id: string | null;
  endpoint_url: string | null;
  language: string;
  due_at: string;
  sent_at: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  /** created_at to the microsecond, for the cursor. */
  created_key: string;
}

interface AttemptRow {
  message_id: string;
  attempt: number;
  started_at: string;
  finished_at: string;
  ok: boolean;
  response_status: number | null;
  error: string | null;
}

/** ISO UTC to the millisecond, as every other output (PostgreSQL's own text to the microsecond for the cursor). */
const iso = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const MESSAGE_COLUMNS = sql`
  m.id, m.channel, m.kind, m.status, m.attempts, m.reservation_id, m.restaurant_id,
  m.payload #>> '{restaurant,name}' as restaurant_name,
  m.payload #>> '{reservation,date}' as date,
  m.payload #>> '{reservation,time}' as time,
  m.version, m.reminder_minutes, m.event_type, m.recipient, m.endpoint_id, e.url as endpoint_url, m.language,
  ${iso(sql`m.due_at`)} as due_at, ${iso(sql`m.sent_at`)} as sent_at, m.last_error,
  ${iso(sql`m.created_at`)} as created_at, ${iso(sql`m.updated_at`)} as updated_at,
  to_char(m.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') as created_key
`;

function messageOf(row: MessageRow): MessageOutput {
  return {
    id: row.id,
    channel: row.channel,
    kind: row.kind,
    status: row.status,
    attempts: Number(row.attempts),
    reservationId: row.reservation_id,
    restaurantId: row.restaurant_id,
    restaurantName: row.restaurant_name,
    date: row.date,
    time: row.time,
    version: Number(row.version),
    reminderMinutes: Number(row.reminder_minutes),
    eventType: row.event_type,
    recipient: row.recipient,
    endpointId: row.endpoint_id,
    endpointUrl: row.endpoint_url,
    language: row.language,
    dueAt: row.due_at,
    sentAt: row.sent_at,
    lastError: row.last_error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A page's cursor: the last row's creation (to the microsecond) and id, base64url. */
function cursorOf(row: MessageRow): string {
  return Buffer.from(`${row.created_key}|${row.id}`, 'utf8').toString('base64url');
}

const CURSOR_FORM = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6})\|([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

function readCursor(cursor: string): { createdKey: string; id: string } {
  const match = CURSOR_FORM.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  // The form alone lets through a day or hour that does not exist (2026-13-45T99:...): PostgreSQL would
  // refuse the cast with a 500, so the instant must read back as itself.
  const instant = match ? `${match[1]!.slice(0, 23)}Z` : '';
  const ms = Date.parse(instant);
  if (!match || Number.isNaN(ms) || new Date(ms).toISOString() !== instant) {
    throw invalidInput([
      { path: 'cursor', message: 'cursor must be a nextCursor value from a previous page', code: 'invalid_format', format: 'cursor' },
    ]);
  }
  return { createdKey: match[1]!, id: match[2]! };
}

/** Messages matching the filter, newest first, a page at a time (the cursor is the previous page's last row). */
export async function listMessageRows(
  db: Queryable,
  filter: MessageFilter,
  page: MessagePage,
): Promise<{ rows: MessageOutput[]; nextCursor: string | null }> {
  const limit = page.limit ?? DEFAULT_MESSAGE_PAGE;
  const conditions: SQL[] = [sql`true`];
  if (filter.status) conditions.push(sql`m.status = ${filter.status}`);
  if (filter.channel) conditions.push(sql`m.channel = ${filter.channel}`);
  if (filter.kind) conditions.push(sql`m.kind = ${filter.kind}`);
  if (filter.reservationId) conditions.push(sql`m.reservation_id = ${filter.reservationId}::uuid`);
  if (filter.endpointId) conditions.push(sql`m.endpoint_id = ${filter.endpointId}::uuid`);
  if (page.cursor) {
    const { createdKey, id } = readCursor(page.cursor);
    conditions.push(sql`(m.created_at, m.id) < ((${createdKey}::timestamp at time zone 'UTC'), ${id}::uuid)`);
  }
  const rows = await queryRows<MessageRow>(
    db,
    sql`
      select ${MESSAGE_COLUMNS}
        from outbox_messages m
        left join webhook_endpoints e on e.id = m.endpoint_id
       where ${sql.join(conditions, sql` and `)}
       order by m.created_at desc, m.id desc
       limit ${limit + 1}
    `,
  );
  const more = rows.length > limit;
  const shown = more ? rows.slice(0, limit) : rows;
  return { rows: shown.map(messageOf), nextCursor: more ? cursorOf(shown.at(-1)!) : null };
}

/** Every attempt of these messages, first to last, by message. */
export async function attemptsOf(db: Queryable, ids: readonly string[]): Promise<Map<string, MessageDetailOutput['attemptLog']>> {
  const byMessage = new Map<string, MessageDetailOutput['attemptLog']>(ids.map((id) => [id, []]));
  if (ids.length === 0) return byMessage;
  const rows = await queryRows<AttemptRow>(
    db,
    sql`
      select message_id, attempt, ${iso(sql`started_at`)} as started_at, ${iso(sql`finished_at`)} as finished_at,
             ok, response_status, error
        from outbox_attempts
       where message_id = any(${sql.param([...ids])}::uuid[])
       order by message_id, started_at, id
    `,
  );
  for (const row of rows) {
    byMessage.get(row.message_id)?.push({
      attempt: Number(row.attempt),
      startedAt: row.started_at,
      finishedAt: row.finished_at,
      ok: row.ok,
      responseStatus: row.response_status === null ? null : Number(row.response_status),
      error: row.error,
    });
  }
  return byMessage;
}

export async function listMessages(
  db: Queryable,
  input: MessageFilter & MessagePage,
): Promise<{ items: MessageOutput[]; nextCursor: string | null }> {
  const { limit, cursor, ...filter } = input;
  const { rows, nextCursor } = await listMessageRows(db, filter, { limit, cursor });
  return { items: rows, nextCursor };
}

export async function getMessage(db: Queryable, id: string): Promise<MessageDetailOutput> {
  const [row] = await queryRows<MessageRow>(
    db,
    sql`select ${MESSAGE_COLUMNS} from outbox_messages m left join webhook_endpoints e on e.id = m.endpoint_id where m.id = ${id}::uuid`,
  );
  if (!row) throw notFound(`Message ${id} does not exist`, 'message');
  const attempts = await attemptsOf(db, [row.id]);
  return { ...messageOf(row), attemptLog: attempts.get(row.id) ?? [] };
}

/**
 * A dead message is tried again: pending, due now, its attempts from 0 (the retry limit counts anew);
 * its last error and its attempt history stay. Anything but a dead message is 409 MESSAGE_NOT_DEAD.
 */
export async function retryMessage(db: Queryable, id: string, now: Date): Promise<MessageDetailOutput> {
  const at = now.toISOString();
  const [retried] = await queryRows<{ id: string }>(
    db,
    sql`
      update outbox_messages
         set status = 'pending', due_at = ${at}::timestamptz, attempts = 0, lease_until = null, updated_at = ${at}::timestamptz
       where id = ${id}::uuid and status = 'dead'
      returning id
    `,
  );
  if (!retried) {
    const [current] = await queryRows<{ status: OutboxStatus }>(db, sql`select status from outbox_messages where id = ${id}::uuid`);
    if (!current) throw notFound(`Message ${id} does not exist`, 'message');
    if (current.status !== 'dead') {
      throw new AppError({
        reason: 'MESSAGE_NOT_DEAD',
        message: `Message ${id} is ${current.status}: only a dead message (out of attempts) can be retried`,
        details: { status: current.status },
      });
    }
    // Dead between the update and the read (another admin's retry and the sender in between): try once more.
    return retryMessage(db, id, now);
  }
  return getMessage(db, id);
}
