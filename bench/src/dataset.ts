// The fixed data set every run loads: 500 restaurants across 50 cities, each with the default
// fifteen-table floor, and reservations spread over the 90 days after the run's first day.
import pg from 'pg';

export const RESTAURANT_COUNT = 500;
const CITY_COUNT = 50;
const DAYS = 90;
/** Reservations per restaurant over the 90 days (~56 per day system-wide). */
const RESERVATIONS_PER_RESTAURANT = 10;
export const TABLE_LABELS = ['A0', 'A1', 'A2', 'A3', 'B0', 'B1', 'B2', 'B3', 'C0', 'C1', 'C2', 'C3', 'D0', 'D1', 'D2'] as const;

const FIRST_WORDS = [
  'Casa',
  'Café',
  'La Mesa',
  'El Fogón',
  'Bistró',
  'Parrilla',
  'Sazón',
  'Mar y Tierra',
  'Don',
  'Doña',
  'Taller',
  'Cocina',
  'Brasa',
  'Hacienda',
  'Rincón',
  'Mercado',
  'Tienda',
  'Punto',
  'Raíces',
  'Origen',
];
const SECOND_WORDS = ['Andina', 'del Puerto', 'Criolla', 'Verde', 'Central', 'del Río', 'Paisa', 'Caribe', 'Llanera', 'Pacífica'];

export interface Dataset {
  restaurantIds: string[];
  cityIds: number[];
  /** The first of the 90 days that hold reservations (YYYY-MM-DD). */
  firstDay: string;
  /** Some restaurants' names and cities, for searches that find something. */
  searchSamples: { name: string; cityId: number }[];
}

export const addDays = (day: string, days: number) => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

/** Loads the data set into a migrated, empty database. Deterministic except for the generated ids. */
export async function loadDataset(databaseUrl: string, firstDay: string): Promise<Dataset> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('begin');
    const { rows: cityRows } = await client.query<{ id: number }>(
      // 50 cities spread over the country's list (every 22nd id).
      'select id from cities where id % 22 = 1 order by id limit $1',
      [CITY_COUNT],
    );
    const cityIds = cityRows.map((row) => row.id);
    const names: string[] = [];
    const cityOf: number[] = [];
    for (let index = 0; index < RESTAURANT_COUNT; index += 1) {
      names.push(
        `${FIRST_WORDS[index % FIRST_WORDS.length]} ${SECOND_WORDS[Math.floor(index / FIRST_WORDS.length) % SECOND_WORDS.length]} ${index + 1}`,
      );
      cityOf.push(cityIds[index % cityIds.length]!);
    }
    const { rows: restaurantRows } = await client.query<{ id: string }>(
      `insert into restaurants (name, address, description, photo_url, city_id)
       select name, 'Calle ' || ord || ' # 10-20', 'Cocina de la casa, número ' || ord, 'https://example.com/photos/' || ord || '.jpg', city_id
       from unnest($1::text[], $2::int[]) with ordinality as input(name, city_id, ord)
       order by ord
       returning id`,
      [names, cityOf],
    );
    const restaurantIds = restaurantRows.map((row) => row.id);
    await client.query(
      `insert into restaurant_tables (restaurant_id, label, seats)
       select r.id, t.label, 4 from unnest($1::uuid[]) as r(id) cross join unnest($2::text[]) as t(label)`,
      [restaurantIds, TABLE_LABELS],
    );
    // Restaurant i books table (i + k) mod 15 on day (i * 7 + k * 9) mod 90: spread, never a table twice a day.
    const reservationRestaurants: string[] = [];
    const reservationTables: string[] = [];
    const reservationDays: string[] = [];
    restaurantIds.forEach((id, index) => {
      for (let k = 0; k < RESERVATIONS_PER_RESTAURANT; k += 1) {
        reservationRestaurants.push(id);
        reservationTables.push(TABLE_LABELS[(index + k) % TABLE_LABELS.length]!);
        reservationDays.push(addDays(firstDay, (index * 7 + k * 9) % DAYS));
      }
    });
    await client.query(
      `insert into reservations (restaurant_id, table_label, date, guest_name, party_size, starts_at, ends_at)
       select input.restaurant_id, input.table_label, input.day, 'Guest ' || input.ord, 2,
              input.day::timestamp at time zone r.time_zone, (input.day + 1)::timestamp at time zone r.time_zone
       from unnest($1::uuid[], $2::text[], $3::date[]) with ordinality as input(restaurant_id, table_label, day, ord)
       join restaurants r on r.id = input.restaurant_id`,
      [reservationRestaurants, reservationTables, reservationDays],
    );
    await client.query('commit');
    await client.query('analyze');
    const searchSamples = names.filter((_, index) => index % 5 === 0).map((name, index) => ({ name, cityId: cityOf[index * 5]! }));
    return { restaurantIds, cityIds, firstDay, searchSamples };
  } finally {
    await client.end();
  }
}
