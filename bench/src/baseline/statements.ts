// The SQL the product sends for each benchmarked request, copied statement for statement (Drizzle's
// text, same parameters). bench/test/baseline-sql.test.ts captures what the product sends and fails
// when these drift apart, so the baseline keeps measuring the same database work.

/** Each restaurant's time-of-day settings. */
const calendarColumns =
  '"restaurants"."time_zone", "restaurants"."hours", "restaurants"."special_dates", "restaurants"."slot_minutes", "restaurants"."turn_times", "restaurants"."min_advance_minutes", "restaurants"."max_advance_days"';

/** Each restaurant's tables, as JSON in the same row. */
const tablesJson = `(select coalesce(json_agg(json_build_object('label', "restaurant_tables"."label", 'seats', "restaurant_tables"."seats")), '[]'::json) from "restaurant_tables" where "restaurant_tables"."restaurant_id" = "restaurants"."id")`;

export const searchByPrefixAndCity = `select "restaurants"."id", "restaurants"."name", "restaurants"."address", "restaurants"."description", "restaurants"."photo_url", "cities"."id", "cities"."name", "departments"."name", ${calendarColumns}, ${tablesJson}, 0 from "restaurants" inner join "cities" on "cities"."id" = "restaurants"."city_id" inner join "departments" on "departments"."id" = "cities"."department_id" where (lower("restaurants"."name") like lower($1) and "restaurants"."city_id" = $2) order by "restaurants"."name" asc, "restaurants"."id" asc limit $3 offset $4`;

export const countDay = 'select count(*) from "reservations" where ("reservations"."date" = $1 and "reservations"."status" <> $2)';

export const searchByAvailability = `select "restaurants"."id", "restaurants"."name", "restaurants"."address", "restaurants"."description", "restaurants"."photo_url", "cities"."id", "cities"."name", "departments"."name", ${calendarColumns}, ${tablesJson}, coalesce("n", 0)::int from "restaurants" inner join "cities" on "cities"."id" = "restaurants"."city_id" inner join "departments" on "departments"."id" = "cities"."department_id" left join (select "restaurant_id", count(*) as "n" from "reservations" where ("reservations"."date" = $1 and "reservations"."status" <> $2) group by "reservations"."restaurant_id") "day_counts" on "day_counts"."restaurant_id" = "restaurants"."id" where $3 - coalesce("n", 0)::int >= $4 order by "restaurants"."name" asc, "restaurants"."id" asc limit $5 offset $6`;

export const restaurantName = 'select "name" from "restaurants" where "restaurants"."id" = $1';

export const dayReservations =
  'select "id", "restaurant_id", "table_label", "date", "guest_name", "guest_phone", "guest_email", "party_size", "notes", "status", "cancel_reason", "cancellation_code_hash", "created_at", "updated_at", "start_time", "duration_minutes", "starts_at", "ends_at" from "reservations" where ("reservations"."restaurant_id" = $1 and "reservations"."date" = $2 and "reservations"."status" <> $3) order by "reservations"."date" desc, "reservations"."table_label" asc, "reservations"."created_at" asc';

/** A booking's transaction, in order (between begin and commit). */
export const booking = {
  lockRestaurant: 'select "name" from "restaurants" where "restaurants"."id" = $1 for key share',
  lockTable:
    'select "seats" from "restaurant_tables" where ("restaurant_tables"."restaurant_id" = $1 and "restaurant_tables"."label" = $2) for share',
  lockDay: 'select pg_advisory_xact_lock($1, $2)',
  dayLoad:
    'select (count(*) filter (where "reservations"."status" <> \'cancelled\'))::int, (count(*) filter (where "reservations"."status" <> \'cancelled\' and "restaurant_id" = $1))::int, coalesce(bool_or("reservations"."status" <> \'cancelled\' and "restaurant_id" = $2 and "table_label" = $3), false) from "reservations" where "reservations"."date" = $4',
  insert:
    'insert into "reservations" ("id", "restaurant_id", "table_label", "date", "guest_name", "guest_phone", "guest_email", "party_size", "notes", "status", "cancel_reason", "cancellation_code_hash", "created_at", "updated_at", "start_time", "duration_minutes", "starts_at", "ends_at") values (default, $1, $2, $3, $4, $5, $6, $7, $8, default, default, $9, default, default, default, default, ($10::date::timestamp at time zone (select "restaurants"."time_zone" from "restaurants" where "restaurants"."id" = $11)), (($12::date + 1)::timestamp at time zone (select "restaurants"."time_zone" from "restaurants" where "restaurants"."id" = $13))) returning "id", "restaurant_id", "table_label", "date", "guest_name", "guest_phone", "guest_email", "party_size", "notes", "status", "cancel_reason", "cancellation_code_hash", "created_at", "updated_at", "start_time", "duration_minutes", "starts_at", "ends_at"',
  dayCounts:
    'select count(*)::int, (count(*) filter (where "restaurant_id" = $1))::int from "reservations" where ("reservations"."date" = $2 and "reservations"."status" <> $3)',
  takenTables:
    'select "table_label" from "reservations" where (("reservations"."date" = $1 and "reservations"."status" <> $2) and "reservations"."restaurant_id" = $3) order by "reservations"."table_label" asc',
  nextEventId:
    'update "event_counter" set "last_event_id" = "event_counter"."last_event_id" + 1 where "event_counter"."id" = $1 returning "last_event_id"',
  insertEvent:
    'insert into "reservation_events" ("id", "restaurant_id", "date", "previous_date", "type", "payload", "created_at") values ($1, $2, $3, $4, $5, $6, default)',
  notify: 'select pg_notify($1, $2)',
} as const;

/** Every statement one request of each scenario sends, in order (what the test compares). */
export const statementsPerScenario = {
  'search-prefix-city': [searchByPrefixAndCity],
  'search-availability': [countDay, searchByAvailability],
  'day-reservations': [restaurantName, dayReservations],
  'create-reservation': [
    'begin',
    booking.lockRestaurant,
    booking.lockTable,
    booking.lockDay,
    booking.dayLoad,
    booking.insert,
    booking.dayCounts,
    booking.takenTables,
    booking.nextEventId,
    booking.insertEvent,
    booking.notify,
    'commit',
  ],
} as const;
