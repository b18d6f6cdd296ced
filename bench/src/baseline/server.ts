// The baseline: a bare Fastify + pg server that runs, for the benchmarked requests, the same SQL
// statements as the product and nothing else: no tRPC, no validation, no envelope, no logging, no
// auth. Run as its own process: DATABASE_URL=postgres://… PORT=… node --import tsx server.ts
import Fastify from 'fastify';
import pg from 'pg';
import { baselineDaySlots, baselineNearest, type BaselineSlot, type CalendarRow } from './slots.ts';
import * as statements from './statements.ts';

const LIMITS = {
  restaurant: Number(process.env['RESTAURANT_DAILY_LIMIT'] ?? 15),
  global: Number(process.env['GLOBAL_DAILY_LIMIT'] ?? 20),
};
const PAGE_SIZE = 500;
const DAY_LOCK_NAMESPACE = 29_794;
const EVENTS_CHANNEL = 'reservation_events';

const pool = new pg.Pool({ connectionString: process.env['DATABASE_URL'], max: Number(process.env['DATABASE_POOL_SIZE'] ?? 10) });
pool.on('error', () => undefined);
const app = Fastify({ logger: false });

/** Same day number as the product's lock key: days since 1970-01-01. */
const dayNumber = (day: string) => Math.round(Date.parse(`${day}T00:00:00Z`) / 86_400_000);
const remaining = (restaurantCount: number, globalCount: number) => ({
  restaurantRemaining: Math.max(0, LIMITS.restaurant - restaurantCount),
  globalRemaining: Math.max(0, LIMITS.global - globalCount),
});
/** A slot as the product answers it (without the instant kept for ordering). */
const slotOutput = ({ instant: _instant, ...slot }: BaselineSlot) => slot;

app.get('/api/health', async () => ({ status: 'ok' }));

app.get<{ Querystring: Record<string, string | undefined> }>('/api/admin/restaurant', async (request, reply) => {
  const { startWith, cityId, date, aviability } = request.query;
  const limit = Number(request.query['limit'] ?? PAGE_SIZE);
  const offset = Number(request.query['offset'] ?? 0);
  if (date && aviability) {
    await pool.query({ text: statements.countDay, values: [date, 'cancelled'], rowMode: 'array' });
    const { rows } = await pool.query({
      text: statements.searchByAvailability,
      values: [date, 'cancelled', LIMITS.restaurant, Number(aviability), limit, offset],
      rowMode: 'array',
    });
    return rows;
  }
  if (startWith && cityId) {
    const { rows } = await pool.query({
      text: statements.searchByPrefixAndCity,
      values: [`${startWith}%`, Number(cityId), limit, offset],
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
};

app.get<{ Params: { id: string }; Querystring: { date: string; partySize?: string } }>(
  '/api/restaurants/:id/slots',
  async (request, reply) => {
    const { date } = request.query;
    const { rows } = await pool.query<SlotsRow>({ text: statements.daySlots, values: [date, date, date, date, request.params.id] });
    const row = rows[0];
    if (!row) return reply.code(404).send({ error: 'not found' });
    const occupancy = { tables: row.tables, held: row.held, ...remaining(row.restaurant_count, row.global_count) };
    const slots = baselineDaySlots(date, Number(request.query.partySize ?? 2), row, occupancy, Date.now());
    return { date, timeZone: row.time_zone, slots: slots.map(slotOutput) };
  },
);

/** The time search's row, by position: the restaurant columns, its calendar (8..14), tables, held, booked and the day's count. */
app.get<{ Querystring: Record<string, string | undefined> }>('/api/restaurants', async (request, reply) => {
  const { date, time } = request.query;
  if (!date || !time) return reply.code(400).send({ error: 'the baseline serves the time search (date+time)' });
  const partySize = Number(request.query['partySize'] ?? 2);
  const window = Number(request.query['window'] ?? 60);
  const limit = Number(request.query['limit'] ?? PAGE_SIZE);
  const offset = Number(request.query['offset'] ?? 0);
  const { rows } = await pool.query({ text: statements.timeSearch, values: [date, date, date, date], rowMode: 'array' });
  const now = Date.now();
  const found: unknown[][] = [];
  for (const row of rows as unknown[][]) {
    const capacity = remaining(row[17] as number, row[18] as number);
    const calendar = {
      time_zone: row[8],
      hours: row[9],
      special_dates: row[10],
      slot_minutes: row[11],
      turn_times: row[12],
      min_advance_minutes: row[13],
      max_advance_days: row[14],
    } as CalendarRow;
    const occupancy = { tables: row[15] as SlotsRow['tables'], held: row[16] as SlotsRow['held'], ...capacity };
    const slots = baselineDaySlots(date, partySize, calendar, occupancy, now);
    const nearest = baselineNearest(slots, date, time, window, calendar.time_zone);
    if (nearest.length === 0) continue;
    found.push([...row.slice(0, 16), capacity.restaurantRemaining, capacity.globalRemaining, nearest.map(slotOutput)]);
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
      await client.query('begin');
      const { rows: restaurant } = await client.query({
        text: statements.booking.lockRestaurant,
        values: [restaurantId],
        rowMode: 'array',
      });
      if (restaurant.length === 0) {
        await client.query('rollback');
        return reply.code(404).send({ error: 'not found' });
      }
      const timeZone = restaurant[0]![1] as string;
      await client.query({ text: statements.booking.lockTable, values: [restaurantId, table], rowMode: 'array' });
      await client.query(statements.booking.lockDay, [DAY_LOCK_NAMESPACE, dayNumber(date)]);
      const { rows: load } = await client.query({
        text: statements.booking.dayLoad,
        values: [restaurantId, restaurantId, date, timeZone, date, timeZone, date],
        rowMode: 'array',
      });
      const [globalCount, restaurantCount, overlapping] = load[0] as [number, number, { table: string }[]];
      const tableTaken = overlapping.some((held) => held.table === table);
      if (tableTaken || restaurantCount >= LIMITS.restaurant || globalCount >= LIMITS.global) {
        await client.query('rollback');
        return reply.code(409).send({ error: 'refused' });
      }
      const { rows: inserted } = await client.query({
        text: statements.booking.insert,
        values: [restaurantId, table, date, null, null, null, 2, null, null, date, timeZone, date, timeZone],
      });
      const reservation = inserted[0];
      const { rows: counts } = await client.query({
        text: statements.booking.dayCounts,
        values: [restaurantId, date, 'cancelled'],
        rowMode: 'array',
      });
      const { rows: taken } = await client.query({
        text: statements.booking.takenTables,
        values: [date, 'cancelled', restaurantId],
        rowMode: 'array',
      });
      const { rows: counter } = await client.query({ text: statements.booking.nextEventId, values: [1], rowMode: 'array' });
      const eventId = counter[0]![0] as string;
      const [dayTotal, restaurantTotal] = counts[0] as [number, number];
      const payload = {
        reservation,
        capacity: { date, restaurantRemaining: LIMITS.restaurant - restaurantTotal, globalRemaining: LIMITS.global - dayTotal },
        takenTables: taken.map((row) => row[0]),
      };
      await client.query(statements.booking.insertEvent, [eventId, restaurantId, date, null, 'created', JSON.stringify(payload)]);
      await client.query(statements.booking.notify, [EVENTS_CHANNEL, String(eventId)]);
      await client.query('commit');
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
    .then(() => pool.end())
    .then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
