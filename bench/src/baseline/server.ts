// The baseline: a bare Fastify + pg server that runs, for the benchmarked requests, the same SQL
// statements as the product and nothing else: no tRPC, no validation, no envelope, no logging, no
// auth. Run as its own process: DATABASE_URL=postgres://… PORT=… node --import tsx server.ts
// The daily limits are the product's: read from the settings row (and the restaurant's own
// daily_limit) inside the same statements, so a change of the settings applies to both servers at once.
import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import pg from 'pg';
import { withStatementName } from '@tablebook/db';
import { baselineDaySlots, baselineNearest, type BaselineSlot, type CalendarRow } from './slots.ts';
import * as statements from './statements.ts';

const PAGE_SIZE = 500;
/** The guest's language the product stores when a booking names none (rules/guest-language.ts). */
const GUEST_LANGUAGE = 'es-CO';
const CREATED = 'reservation.created';

/** A reservation row as the insert returns it (the columns queueOutbox reads). */
interface ReservationRow {
  id: string;
  restaurant_id: string;
  guest_email: string | null;
  status: string;
  start_time: string | null;
  starts_at: Date;
  version: number;
  language: string | null;
}

/**
 * queueOutbox's parameters for a new booking, as the product passes them (services/outbox-queue.ts):
 * nothing to drop, a confirmation e-mail when the guest gave an address, reminders for a live timed
 * booking, one delivery per endpoint subscribed to reservation.created. The queued reservation is the
 * row itself (as in the baseline's event payload), not the product's output shape.
 */
const outboxValues = (row: ReservationRow) => {
  const plan = row.status === 'confirmed' && row.start_time !== null;
  const email = row.guest_email;
  return [
    row.restaurant_id,
    row.id,
    row.version,
    false,
    'confirmation',
    email,
    'confirmation',
    email,
    email,
    row.starts_at,
    plan,
    email,
    row.starts_at,
    'confirmation',
    CREATED,
    JSON.stringify([CREATED]),
    row.id,
    row.restaurant_id,
    row.version,
    row.language === 'en' ? 'en' : GUEST_LANGUAGE,
    JSON.stringify(row),
  ];
};

/** As the product's pool (packages/db client.ts): statements with parameters prepared once per connection under a name. */
class NamingClient extends pg.Client {
  override query(config: unknown, values?: unknown, callback?: unknown): never {
    const query = super.query as unknown as (...args: unknown[]) => never;
    return query.call(this, withStatementName(config, values), values, callback);
  }
}
const pool = new pg.Pool({
  Client: NamingClient as unknown as typeof pg.Client,
  connectionString: process.env['DATABASE_URL'],
  max: Number(process.env['DATABASE_POOL_SIZE'] ?? 10),
});
pool.on('error', () => undefined);
const app = Fastify({ logger: false });

/** As the product's listening connection: one NOTIFY at a time after commits, the rest coalesced, without waiting for disk. */
const announcer = new pg.Client({ connectionString: process.env['DATABASE_URL'] });
announcer.on('error', () => undefined);
await announcer.connect();
await announcer.query('SET synchronous_commit = off');
let announcing = false;
let announceAgain = false;
function announce(): void {
  if (announcing) {
    announceAgain = true;
    return;
  }
  announcing = true;
  announceAgain = false;
  announcer
    .query(statements.booking.announce)
    .catch(() => undefined)
    .finally(() => {
      announcing = false;
      if (announceAgain) announce();
    });
}

/** The limits as the statements read them (the settings row, the restaurant's own or the default). */
interface Limits {
  globalDailyLimit: number;
  restaurantDailyLimit: number;
}
const remaining = (restaurantCount: number, globalCount: number, limits: Limits) => ({
  restaurantRemaining: Math.max(0, limits.restaurantDailyLimit - restaurantCount),
  globalRemaining: Math.max(0, limits.globalDailyLimit - globalCount),
});
/** A slot as the product answers it (without the instant kept for ordering). */
const slotOutput = ({ instant: _instant, ...slot }: BaselineSlot) => slot;

app.get('/api/health', async () => ({ status: 'ok' }));

app.get<{ Querystring: Record<string, string | undefined> }>('/api/admin/restaurant', async (request, reply) => {
  const { startWith, cityId, date, aviability } = request.query;
  const limit = Number(request.query['limit'] ?? PAGE_SIZE);
  const offset = Number(request.query['offset'] ?? 0);
  if (date && aviability) {
    const { rows: day } = await pool.query({ text: statements.countDay, values: [date, 'cancelled'], rowMode: 'array' });
    // As the product: when the system's limit leaves fewer than asked for, no restaurant qualifies.
    const [globalCount, globalLimit] = day[0] as [string, number];
    if (globalLimit - Number(globalCount) < Number(aviability)) return [];
    const { rows } = await pool.query({
      text: statements.searchByAvailability,
      values: [date, 'cancelled', Number(aviability), limit, offset],
      rowMode: 'array',
    });
    return rows;
  }
  if (startWith && cityId) {
    const { rows } = await pool.query({
      text: statements.searchByPrefixAndCity,
      values: [`${startWith}%`, Number(cityId), 0, limit, offset],
      rowMode: 'array',
    });
    return rows;
  }
  return reply.code(400).send({ error: 'the baseline serves startWith+cityId or date+aviability' });
});

app.get<{ Params: { id: string }; Querystring: { date: string } }>('/api/admin/restaurant/:id/reservations', async (request, reply) => {
  const { rows: found } = await pool.query({ text: statements.restaurantCalendar, values: [request.params.id], rowMode: 'array' });
  if (found.length === 0) return reply.code(404).send({ error: 'not found' });
  const { rows } = await pool.query({ text: statements.dayReservations, values: [request.params.id, request.query.date, 'cancelled'] });
  return rows;
});

type SlotsRow = CalendarRow & {
  tables: { label: string; seats: number }[];
  held: { table: string; startsAt: number; endsAt: number }[];
  global_count: number;
  restaurant_count: number;
  global_limit: number;
  restaurant_limit: number;
};

app.get<{ Params: { id: string }; Querystring: { date: string; partySize?: string } }>(
  '/api/restaurants/:id/slots',
  async (request, reply) => {
    const { date } = request.query;
    const { rows } = await pool.query<SlotsRow>({
      text: statements.daySlots,
      values: [date, date, date, date, date, date, request.params.id],
    });
    const row = rows[0];
    if (!row) return reply.code(404).send({ error: 'not found' });
    const limits = { globalDailyLimit: row.global_limit, restaurantDailyLimit: row.restaurant_limit };
    const occupancy = { tables: row.tables, held: row.held, ...remaining(row.restaurant_count, row.global_count, limits) };
    const slots = baselineDaySlots(date, Number(request.query.partySize ?? 2), row, occupancy, Date.now());
    return { date, timeZone: row.time_zone, slots: slots.map(slotOutput) };
  },
);

/** The time search's row, by position: the restaurant columns, its calendar (8..14), own limits (15..17), reminders (18), tables, held, pacing, booked, the day's count and the limits. */
app.get<{ Querystring: Record<string, string | undefined> }>('/api/restaurants', async (request, reply) => {
  const { date, time } = request.query;
  if (!date || !time) return reply.code(400).send({ error: 'the baseline serves the time search (date+time)' });
  const partySize = Number(request.query['partySize'] ?? 2);
  const window = Number(request.query['window'] ?? 60);
  const limit = Number(request.query['limit'] ?? PAGE_SIZE);
  const offset = Number(request.query['offset'] ?? 0);
  const { rows } = await pool.query({ text: statements.timeSearch, values: [date, date, date, date, date, date], rowMode: 'array' });
  const now = Date.now();
  const found: unknown[][] = [];
  for (const row of rows as unknown[][]) {
    const capacity = remaining(row[22] as number, row[23] as number, row[24] as Limits);
    const calendar = {
      time_zone: row[8],
      hours: row[9],
      special_dates: row[10],
      slot_minutes: row[11],
      turn_times: row[12],
      min_advance_minutes: row[13],
      max_advance_days: row[14],
    } as CalendarRow;
    const occupancy = { tables: row[19] as SlotsRow['tables'], held: row[20] as SlotsRow['held'], ...capacity };
    const slots = baselineDaySlots(date, partySize, calendar, occupancy, now);
    const nearest = baselineNearest(slots, date, time, window, calendar.time_zone);
    if (nearest.length === 0) continue;
    found.push([...row.slice(0, 20), capacity.restaurantRemaining, capacity.globalRemaining, nearest.map(slotOutput)]);
  }
  return found.slice(offset, offset + limit);
});

app.post<{ Params: { id: string }; Body: { table: string; date: string } }>(
  '/api/admin/restaurant/:id/reservations',
  async (request, reply) => {
    const restaurantId = request.params.id;
    const { table, date } = request.body;
    const client = await pool.connect();
    try {
      await client.query(statements.booking.begin);
      const { rows: restaurant } = await client.query({
        text: statements.booking.lockCalendarAndTable,
        values: [restaurantId, restaurantId, table, date],
      });
      if (restaurant.length === 0) {
        await client.query('rollback');
        return reply.code(404).send({ error: 'not found' });
      }
      const timeZone = restaurant[0]!.time_zone as string;
      // The bench books whole days at restaurants without hours: the first statement locked the day.
      if (restaurant[0]!.day_locked !== true) await client.query(statements.booking.lockDay, [[date]]);
      const { rows: load } = await client.query({
        text: statements.booking.dayLoad,
        values: [restaurantId, restaurantId, restaurantId, date, timeZone, date, timeZone, date, timeZone, date, timeZone, date],
        rowMode: 'array',
      });
      const [globalCount, restaurantCount, globalLimit, restaurantLimit, overlapping, , rangeStarts] = load[0] as [
        number,
        number,
        number,
        number,
        { table: string }[],
        null,
        number,
        number,
      ];
      const tableTaken = overlapping.some((held) => held.table === table);
      if (tableTaken || restaurantCount >= restaurantLimit || globalCount >= globalLimit) {
        await client.query('rollback');
        return reply.code(409).send({ error: 'refused' });
      }
      // As the product: every value of the row known before the insert (created/updated: the transaction's start).
      const started = restaurant[0]!.transaction_start as Date;
      const reservation: ReservationRow & Record<string, unknown> = {
        id: randomUUID(),
        restaurant_id: restaurantId,
        table_label: table,
        date,
        guest_email: null,
        status: 'confirmed',
        start_time: null,
        starts_at: new Date(rangeStarts),
        created_at: started,
        updated_at: started,
        version: 1,
        language: GUEST_LANGUAGE,
      };
      // The event's capacity from the load's counts with this booking, as the product (no second count).
      const capacity = {
        date,
        ...remaining(restaurantCount + 1, globalCount + 1, { globalDailyLimit: globalLimit, restaurantDailyLimit: restaurantLimit }),
      };
      await client.query(statements.booking.insertAndRecord, [
        reservation.id,
        restaurantId,
        table,
        date,
        null,
        null,
        null,
        2,
        null,
        'confirmed',
        null,
        null,
        null,
        null,
        date,
        timeZone,
        date,
        timeZone,
        1,
        GUEST_LANGUAGE,
        ...outboxValues(reservation),
        restaurantId,
        date,
        table,
        restaurantId,
        date,
        null,
        'created',
        JSON.stringify({ reservation, capacity }),
      ]);
      await client.query('commit');
      announce();
      return reply.code(201).send(reservation);
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  },
);

const address = await app.listen({ port: Number(process.env['PORT'] ?? 0), host: '127.0.0.1' });
console.log(`baseline listening at ${address}`);
const stop = () =>
  void app
    .close()
    .then(() => Promise.all([pool.end(), announcer.end()]))
    .then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
