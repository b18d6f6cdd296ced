// The fixed data set every run loads: 500 restaurants across 50 cities and reservations spread over
// the 90 days after the run's first day. Four restaurants in five book whole days on the default
// fifteen-table floor; every fifth books times of day (lunch and dinner, a 15-minute grid, twenty
// tables of 2 to 6 seats), and on the seven days after the 90 each of those has a busy day of bookings.
import pg from 'pg';

export const RESTAURANT_COUNT = 500;
export const CITY_COUNT = 50;
const DAYS = 90;
/** Reservations per restaurant over the 90 days (~56 per day system-wide). */
const RESERVATIONS_PER_RESTAURANT = 10;
export const TABLE_LABELS = ['A0', 'A1', 'A2', 'A3', 'B0', 'B1', 'B2', 'B3', 'C0', 'C1', 'C2', 'C3', 'D0', 'D1', 'D2'] as const;

/** Restaurant i books times of day when i % TIMED_EVERY === TIMED_EVERY - 1: 100 of the 500. */
const TIMED_EVERY = 5;
const labels = (row: string, count: number) => Array.from({ length: count }, (_, index) => `${row}${index}`);
/** The timed restaurants' floor: twenty tables, six for two, ten for four, four for six. */
export const TIMED_TABLES = [
  ...labels('A', 6).map((label) => ({ label, seats: 2 })),
  ...labels('B', 10).map((label) => ({ label, seats: 4 })),
  ...labels('C', 4).map((label) => ({ label, seats: 6 })),
];
const SERVICES = [
  { opens: '12:00', closes: '15:00' },
  { opens: '19:00', closes: '23:00' },
];
/** The timed restaurants' calendar, as a create body gives it (turn times: the default 2:90, 4:120, 20:150). */
export const TIMED_CALENDAR = {
  timeZone: 'America/Bogota',
  hours: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].flatMap((day) => SERVICES.map((service) => ({ day, ...service }))),
  slotMinutes: 15,
};
export const turnMinutes = (partySize: number) => (partySize <= 2 ? 90 : partySize <= 4 ? 120 : 150);
/** The busy days: the seven after the 90 (no other scenario books them), one of each weekday. */
export const BUSY_DAYS = 7;
/** Bookings a timed restaurant holds on a busy day (about half of what its tables can turn). */
export const BOOKINGS_PER_BUSY_DAY = 36;

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
export const SECOND_WORDS = ['Andina', 'del Puerto', 'Criolla', 'Verde', 'Central', 'del Río', 'Paisa', 'Caribe', 'Llanera', 'Pacífica'];

export interface Dataset {
  /** Every restaurant, in the order of their names' index. */
  restaurantIds: string[];
  /** The ones that book whole days (the create and contended scenarios book them) and the ones that book times. */
  wholeDayRestaurantIds: string[];
  timedRestaurantIds: string[];
  /** The days on which every timed restaurant has BOOKINGS_PER_BUSY_DAY bookings. */
  busyDays: string[];
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

/** A small seeded generator (mulberry32): the same busy days on every run. */
function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface TimedBooking {
  table: string;
  /** Minutes after local midnight. */
  start: number;
  duration: number;
  partySize: number;
}

const minutesOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
const clockOf = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00`;

/**
 * One busy day of a timed restaurant: guests ask for a party size and a slot (dinner more often,
 * starts bunched around the middle of each service) and get the smallest free table that seats them,
 * as the product assigns them, until BOOKINGS_PER_BUSY_DAY are stored. Never two on a table at once.
 */
export function busyDay(seed: number): TimedBooking[] {
  const random = seeded(seed);
  const booked: TimedBooking[] = [];
  const bySize = [...TIMED_TABLES].sort((a, b) => a.seats - b.seats);
  for (let attempt = 0; attempt < 400 && booked.length < BOOKINGS_PER_BUSY_DAY; attempt += 1) {
    const draw = random();
    const partySize = draw < 0.4 ? 2 : draw < 0.85 ? 3 + Math.floor(random() * 2) : 5 + Math.floor(random() * 2);
    const duration = turnMinutes(partySize);
    const service = SERVICES[random() < 0.6 ? 1 : 0]!;
    const opens = minutesOf(service.opens);
    const steps = Math.floor((minutesOf(service.closes) - duration - opens) / TIMED_CALENDAR.slotMinutes);
    if (steps < 0) continue;
    const start = opens + Math.round(((random() + random()) / 2) * steps) * TIMED_CALENDAR.slotMinutes;
    const table = bySize.find(
      (candidate) =>
        candidate.seats >= partySize &&
        !booked.some((other) => other.table === candidate.label && other.start < start + duration && start < other.start + other.duration),
    );
    if (table) booked.push({ table: table.label, start, duration, partySize });
  }
  return booked;
}

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
    const isTimed = (index: number) => index % TIMED_EVERY === TIMED_EVERY - 1;
    const timedRestaurantIds = restaurantIds.filter((_, index) => isTimed(index));
    const wholeDayRestaurantIds = restaurantIds.filter((_, index) => !isTimed(index));
    await client.query(
      `insert into restaurant_tables (restaurant_id, label, seats)
       select r.id, t.label, 4 from unnest($1::uuid[]) as r(id) cross join unnest($2::text[]) as t(label)`,
      [wholeDayRestaurantIds, TABLE_LABELS],
    );
    await client.query(`update restaurants set time_zone = $2, hours = $3::jsonb, slot_minutes = $4 where id = any($1::uuid[])`, [
      timedRestaurantIds,
      TIMED_CALENDAR.timeZone,
      JSON.stringify(TIMED_CALENDAR.hours),
      TIMED_CALENDAR.slotMinutes,
    ]);
    await client.query(
      `insert into restaurant_tables (restaurant_id, label, seats)
       select r.id, t.label, t.seats from unnest($1::uuid[]) as r(id) cross join unnest($2::text[], $3::int[]) as t(label, seats)`,
      [timedRestaurantIds, TIMED_TABLES.map((table) => table.label), TIMED_TABLES.map((table) => table.seats)],
    );
    // Restaurant i books table (i + k) mod 15 (a whole day) or mod 20 (at 20:00, for two) on day
    // (i * 7 + k * 9) mod 90: spread, never a table twice a day.
    const wholeDay = { restaurants: [] as string[], tables: [] as string[], days: [] as string[] };
    const timed = {
      restaurants: [] as string[],
      tables: [] as string[],
      days: [] as string[],
      starts: [] as string[],
      durations: [] as number[],
      parties: [] as number[],
    };
    const addTimed = (id: string, day: string, booking: TimedBooking) => {
      timed.restaurants.push(id);
      timed.tables.push(booking.table);
      timed.days.push(day);
      timed.starts.push(clockOf(booking.start));
      timed.durations.push(booking.duration);
      timed.parties.push(booking.partySize);
    };
    restaurantIds.forEach((id, index) => {
      for (let k = 0; k < RESERVATIONS_PER_RESTAURANT; k += 1) {
        const day = addDays(firstDay, (index * 7 + k * 9) % DAYS);
        if (isTimed(index)) {
          addTimed(id, day, {
            table: TIMED_TABLES[(index + k) % TIMED_TABLES.length]!.label,
            start: 20 * 60,
            duration: turnMinutes(2),
            partySize: 2,
          });
        } else {
          wholeDay.restaurants.push(id);
          wholeDay.tables.push(TABLE_LABELS[(index + k) % TABLE_LABELS.length]!);
          wholeDay.days.push(day);
        }
      }
    });
    const busyDays = Array.from({ length: BUSY_DAYS }, (_, index) => addDays(firstDay, DAYS + index));
    timedRestaurantIds.forEach((id, restaurant) => {
      busyDays.forEach((day, dayIndex) => {
        for (const booking of busyDay(restaurant * BUSY_DAYS + dayIndex + 1)) addTimed(id, day, booking);
      });
    });
    await client.query(
      `insert into reservations (restaurant_id, table_label, date, guest_name, party_size, starts_at, ends_at)
       select input.restaurant_id, input.table_label, input.day, 'Guest ' || input.ord, 2,
              input.day::timestamp at time zone r.time_zone, (input.day + 1)::timestamp at time zone r.time_zone
       from unnest($1::uuid[], $2::text[], $3::date[]) with ordinality as input(restaurant_id, table_label, day, ord)
       join restaurants r on r.id = input.restaurant_id`,
      [wholeDay.restaurants, wholeDay.tables, wholeDay.days],
    );
    await client.query(
      `insert into reservations (restaurant_id, table_label, date, guest_name, party_size, start_time, duration_minutes, starts_at, ends_at)
       select input.restaurant_id, input.table_label, input.day, 'Guest ' || input.ord, input.party_size, input.start_time, input.duration,
              (input.day + input.start_time)::timestamp at time zone r.time_zone,
              (input.day + input.start_time)::timestamp at time zone r.time_zone + make_interval(mins => input.duration)
       from unnest($1::uuid[], $2::text[], $3::date[], $4::time[], $5::int[], $6::int[])
              with ordinality as input(restaurant_id, table_label, day, start_time, duration, party_size, ord)
       join restaurants r on r.id = input.restaurant_id`,
      [timed.restaurants, timed.tables, timed.days, timed.starts, timed.durations, timed.parties],
    );
    await client.query('commit');
    await client.query('analyze');
    const searchSamples = names.filter((_, index) => index % 5 === 0).map((name, index) => ({ name, cityId: cityOf[index * 5]! }));
    return { restaurantIds, wholeDayRestaurantIds, timedRestaurantIds, busyDays, cityIds, firstDay, searchSamples };
  } finally {
    await client.end();
  }
}
