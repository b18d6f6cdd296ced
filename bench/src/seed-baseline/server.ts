// The seed-SQL baseline: a bare Fastify 5 + pg server that runs the seed's own statements (../shared/seed,
// the Flask + SQLAlchemy API this product replaced) for two requests, on the product's paths, so the
// bench's request generators drive it as they drive the product and the own-SQL baseline:
//   GET  /api/admin/restaurant?startWith=&cityId=       one ILIKE query, then 1 + N lookups (city, department)
//   POST /api/admin/restaurant/:id/reservations {table, date}   count the day, insert, commit; re-read the row
// Nothing else: no validation, no auth, no logging. The database is ours: its reservation triggers (day
// locks, the limits, the table rule) fire for this writer as for every other, so it pays them too.
// Run as its own process: DATABASE_URL=postgres://… PORT=… node --import tsx server.ts
//
// Where the seed's statements could not run on our schema, or would answer otherwise than the product:
// 1. READ COMMITTED is asked for in the booking's transaction (the trigger refuses other levels).
// 2. The limits are not the seed's constants (20, 15): the count reads the settings row and the
//    restaurant's daily_limit, as the product stores them, so the bench's phases apply to this server too.
// 3. Cancelled reservations are not counted (the seed has none).
// 4. The insert sets starts_at/ends_at, the whole local day in the restaurant's zone, computed in SQL.
// 5. The list is ordered by name and id (the seed's has no order); an empty one is 200 with [] (the seed: 404).
// 6. A refusal is 409, as the product answers, in the seed's envelope and words (the seed: 400); so is a
//    refusal by the trigger (two bookings counted at once, the second one judged under the day lock).
// 7. An unknown restaurant is 404 (the seed: a foreign-key error, 400).
import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import pg from 'pg';
import { booking, list } from './statements.ts';

/** Dates as the seed's isoformat() gives them, not as JavaScript Dates at local midnight. */
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);

const pool = new pg.Pool({ connectionString: process.env['DATABASE_URL'], max: Number(process.env['DATABASE_POOL_SIZE'] ?? 10) });
pool.on('error', () => undefined);
const app = Fastify({ logger: false });

/** The seed's ResponseModel: {status, message, data}. */
const success = (data: unknown) => ({ status: 'success', message: 'Operation completed successfully.', data });
const failure = (message: string, data: unknown = {}) => ({ status: 'error', message, data });
/** The seed re-raises a refusal as 'Error al crear la reserva' with the reason's words as its data. */
const refusal = (reason: string) => failure('Error al crear la reserva', reason);
/** The trigger's refusals: a daily limit (check_violation) and the table rule (exclusion_violation). */
const REFUSED_BY_THE_DATABASE = new Set(['23514', '23P01']);

interface City {
  id: number;
  name: string;
  department_id: number;
}

app.get('/api/health', async () => ({ status: 'ok' }));

app.get<{ Querystring: Record<string, string | undefined> }>('/api/admin/restaurant', async (request, reply) => {
  const { startWith, cityId } = request.query;
  if (startWith === undefined || !cityId) return reply.code(400).send(failure('the seed baseline serves startWith with cityId'));
  const client = await pool.connect();
  try {
    await client.query(list.begin);
    const { rows } = await client.query(list.restaurants, [`${startWith}%`, Number(cityId)]);
    // The session's identity map: each city and department is read once per request.
    const cities = new Map<number, City>();
    const departments = new Map<number, string>();
    const restaurants = [];
    for (const row of rows) {
      let city = cities.get(row.city_id);
      if (!city) {
        city = (await client.query<City>(list.city, [row.city_id])).rows[0]!;
        cities.set(row.city_id, city);
      }
      let department = departments.get(city.department_id);
      if (department === undefined) {
        department = (await client.query<{ name: string }>(list.department, [city.department_id])).rows[0]!.name;
        departments.set(city.department_id, department);
      }
      restaurants.push({
        id: row.id,
        name: row.name,
        address: row.address,
        city: { id: city.id, name: city.name, deptName: department },
        photoUrl: row.photo_url,
        description: row.description,
      });
    }
    await client.query(list.commit);
    return success(restaurants);
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
});

app.post<{ Params: { id: string }; Body: { table: string; date: string } }>(
  '/api/admin/restaurant/:id/reservations',
  async (request, reply) => {
    const restaurantId = request.params.id;
    const { table, date } = request.body;
    const client = await pool.connect();
    try {
      await client.query(booking.begin);
      const { rows } = await client.query(booking.dayCount, [restaurantId, table, restaurantId, restaurantId, date]);
      const counts = rows[0]!;
      // In the seed's order: the table, the system's limit, the restaurant's.
      const reason =
        Number(counts.table_count ?? 0) > 0
          ? `La mesa ${table} ya tiene una reserva para el dia ${date}`
          : Number(counts.total_global) >= counts.global_limit
            ? `Limite de reservas globales alcanzadas el dia ${date}`
            : Number(counts.total_restaurant ?? 0) >= counts.restaurant_limit
              ? `Limite de reservas alcanzadas para el restaurante ${restaurantId} el dia ${date}`
              : undefined;
      if (reason) {
        await client.query('rollback');
        return reply.code(409).send(refusal(reason));
      }
      const id = randomUUID();
      const inserted = await client.query(booking.insert, [id, table, date, restaurantId]);
      if (inserted.rowCount === 0) {
        await client.query('rollback');
        return reply.code(404).send(failure('Restaurant not found'));
      }
      await client.query(booking.commit);
      await client.query(booking.rereadBegin);
      const { rows: reread } = await client.query(booking.reread, [id]);
      await client.query(booking.rereadCommit);
      const row = reread[0]!;
      return reply.code(201).send(success({ id: row.id, table: row.table_label, date: row.date, restaurant_id: row.restaurant_id }));
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      const code = (error as { code?: string }).code;
      if (code && REFUSED_BY_THE_DATABASE.has(code)) return reply.code(409).send(refusal((error as Error).message));
      throw error;
    } finally {
      client.release();
    }
  },
);

const address = await app.listen({ port: Number(process.env['PORT'] ?? 0), host: '127.0.0.1' });
console.log(`seed baseline listening at ${address}`);
const stop = () =>
  void app
    .close()
    .then(() => pool.end())
    .then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
