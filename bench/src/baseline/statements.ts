// The SQL the product sends for each benchmarked request, copied statement for statement (Drizzle's
// text, same parameters). bench/test/baseline-sql.test.ts captures what the product sends and fails
// when these drift apart, so the baseline keeps measuring the same database work.

/** Each restaurant's time-of-day settings. */
const calendarColumns =
  '"restaurants"."time_zone", "restaurants"."hours", "restaurants"."special_dates", "restaurants"."slot_minutes", "restaurants"."turn_times", "restaurants"."min_advance_minutes", "restaurants"."max_advance_days"';

/** Each restaurant's own daily limit and pacing, and its reminders (issue 17): every restaurant answer carries them. */
const ownLimitColumns =
  '"restaurants"."daily_limit", "restaurants"."pacing_interval_minutes", "restaurants"."pacing_max_covers", "restaurants"."reminders"';

/** Each restaurant's tables, as JSON in the same row. */
const tablesJson = `(select coalesce(json_agg(json_build_object('label', "restaurant_tables"."label", 'seats', "restaurant_tables"."seats")), '[]'::json) from "restaurant_tables" where "restaurant_tables"."restaurant_id" = "restaurants"."id")`;

/**
 * The stored daily limits (services/daily-limits.ts): the settings row, and a restaurant's own
 * daily_limit or the stored default. Drizzle writes the settings columns without their table where the
 * subquery is itself a field of a query builder's select (countDay, dayCounts), with it elsewhere, so
 * both spellings are here.
 */
const storedGlobalLimit = '(select "settings"."global_daily_limit" from "settings" where "settings"."id" = 1)';
const storedGlobalLimitField = '(select "global_daily_limit" from "settings" where "id" = 1)';
const storedRestaurantDefault = '(select "settings"."restaurant_daily_limit" from "settings" where "settings"."id" = 1)';
/** A restaurant's limit from a column of its row (restaurantLimitFrom). */
const restaurantLimitFrom = (ownLimit: string) => `coalesce(${ownLimit}, ${storedRestaurantDefault})`;
/** Every column of restaurants, as Drizzle lists them for the list's prefix matches (services/restaurants.ts, prefixMatches). */
const restaurantRow =
  '"id", "name", "address", "description", "photo_url", "city_id", "created_at", "updated_at", "time_zone", "hours", "special_dates", "slot_minutes", "turn_times", "min_advance_minutes", "max_advance_days", "daily_limit", "pacing_interval_minutes", "pacing_max_covers", "reminders"';

/** The prefix's and the city's matches first (OFFSET $3 is 0: the planner does not merge them into the page), then the page. */
export const searchByPrefixAndCity = `select "restaurants"."id", "restaurants"."name", "restaurants"."address", "restaurants"."description", "restaurants"."photo_url", "cities"."id", "cities"."name", "departments"."name", ${calendarColumns}, ${ownLimitColumns}, ${tablesJson}, 0, ${restaurantLimitFrom('"restaurants"."daily_limit"')} from (select ${restaurantRow} from "restaurants" where (lower("restaurants"."name") like lower($1) and "restaurants"."city_id" = $2) offset $3) "restaurants" inner join "cities" on "cities"."id" = "restaurants"."city_id" inner join "departments" on "departments"."id" = "cities"."department_id" order by "restaurants"."name" asc, "restaurants"."id" asc limit $4 offset $5`;

/** The day's count and the system's stored limit (a search for availability ends here when it is reached). */
export const countDay = `select count(*), ${storedGlobalLimitField} from "reservations" where ("reservations"."date" = $1 and "reservations"."status" <> $2)`;

/** Each restaurant's live reservations that day are counted for the rows the page reads (a lateral count), not grouped for the whole day first. */
export const searchByAvailability = `select "restaurants"."id", "restaurants"."name", "restaurants"."address", "restaurants"."description", "restaurants"."photo_url", "cities"."id", "cities"."name", "departments"."name", ${calendarColumns}, ${ownLimitColumns}, ${tablesJson}, "n"::int, ${restaurantLimitFrom('"restaurants"."daily_limit"')} from "restaurants" inner join "cities" on "cities"."id" = "restaurants"."city_id" inner join "departments" on "departments"."id" = "cities"."department_id" cross join lateral (select count(*) as "n" from "reservations" where ("reservations"."restaurant_id" = "restaurants"."id" and "reservations"."date" = $1 and "reservations"."status" <> $2)) "day_counts" where ${restaurantLimitFrom('"restaurants"."daily_limit"')} - "n"::int >= $3 order by "restaurants"."name" asc, "restaurants"."id" asc limit $4 offset $5`;

/** A restaurant's name and booking calendar (requireCalendar): the day's reservations and every booking read it first. */
export const restaurantCalendar =
  'select "name", "time_zone", "hours", "special_dates", "slot_minutes", "turn_times", "min_advance_minutes", "max_advance_days" from "restaurants" where "restaurants"."id" = $1';

export const dayReservations =
  'select "id", "restaurant_id", "table_label", "date", "guest_name", "guest_phone", "guest_email", "party_size", "notes", "status", "cancel_reason", "cancellation_code_hash", "created_at", "updated_at", "start_time", "duration_minutes", "starts_at", "ends_at", "version", "language" from "reservations" where ("reservations"."restaurant_id" = $1 and "reservations"."date" = $2 and "reservations"."status" <> $3) order by "reservations"."date" desc, "reservations"."starts_at" asc, "reservations"."table_label" asc, "reservations"."created_at" asc';

/**
 * A restaurant's pacing with the covers its live timed reservations start with, by local minute, in
 * [from, to) (services/pacing-load.ts); null without pacing. The bench's restaurants have none, so the
 * baseline's arithmetic has nothing to apply, but the database does the product's work.
 */
const pacingLoad = (r: { id: string; timeZone: string; intervalMinutes: string; maxCovers: string }, from: string, to: string) =>
  `case when ${r.intervalMinutes} is null then null else json_build_object(
      'intervalMinutes', ${r.intervalMinutes}, 'maxCovers', ${r.maxCovers},
      'starts', (select coalesce(json_agg(json_build_object('start', s.start, 'covers', s.covers)), '[]'::json)
                   from (select to_char(p.starts_at at time zone ${r.timeZone}, 'YYYY-MM-DD HH24:MI') as start,
                                sum(p.party_size)::int as covers
                           from "reservations" p
                          where p.restaurant_id = ${r.id} and p.status <> 'cancelled' and p.start_time is not null
                            and p.starts_at >= ${from} and p.starts_at < ${to}
                          group by 1) s)) end`;

/**
 * The slots of a day (services/slots.ts): the restaurant's calendar, tables, its live reservations
 * from the day's local midnight to three days on, the day's counts, the stored limits and its pacing, in one row.
 */
export const daySlots = `select r.name, r.time_zone, r.hours, r.special_dates, r.slot_minutes, r.turn_times, r.min_advance_minutes, r.max_advance_days,
               (select coalesce(json_agg(json_build_object('label', t.label, 'seats', t.seats)), '[]'::json)
                  from "restaurant_tables" t where t.restaurant_id = r.id) as tables,
               (select coalesce(json_agg(json_build_object('table', h.table_label,
                         'startsAt', extract(epoch from h.starts_at) * 1000, 'endsAt', extract(epoch from h.ends_at) * 1000)), '[]'::json)
                  from "reservations" h
                 where h.restaurant_id = r.id and h.status <> 'cancelled'
                   and tstzrange(h.starts_at, h.ends_at) && tstzrange(($1::date)::timestamp at time zone r.time_zone, ($2::date + 3)::timestamp at time zone r.time_zone)) as held,
               (select count(*) from "reservations" d where d.date = $3 and d.status <> 'cancelled')::int as global_count,
               (select count(*) from "reservations" d where d.date = $4 and d.status <> 'cancelled' and d.restaurant_id = r.id)::int as restaurant_count,
               ${storedGlobalLimit} as global_limit, ${restaurantLimitFrom('r.daily_limit')} as restaurant_limit,
               ${pacingLoad(
                 { id: 'r.id', timeZone: 'r.time_zone', intervalMinutes: 'r.pacing_interval_minutes', maxCovers: 'r.pacing_max_covers' },
                 '($5::date)::timestamp at time zone r.time_zone',
                 '($6::date + 3)::timestamp at time zone r.time_zone',
               )} as pacing
          from "restaurants" r
         where r.id = $7`;

/** Each restaurant's live reservations from the day's local midnight to three days on (the time search). */
const heldAround = `(select coalesce(json_agg(json_build_object('table', h.table_label,
      'startsAt', extract(epoch from h.starts_at) * 1000, 'endsAt', extract(epoch from h.ends_at) * 1000)), '[]'::json)
    from "reservations" h
    where h.restaurant_id = "restaurants"."id" and h.status <> 'cancelled' and tstzrange(h.starts_at, h.ends_at) && tstzrange(($1::date)::timestamp at time zone "restaurants"."time_zone", ($2::date + 3)::timestamp at time zone "restaurants"."time_zone"))`;

/** Each restaurant's pacing and the covers starting from the day's local midnight to three days on (the time search). */
const pacingAround = pacingLoad(
  {
    id: '"restaurants"."id"',
    timeZone: '"restaurants"."time_zone"',
    intervalMinutes: '"restaurants"."pacing_interval_minutes"',
    maxCovers: '"restaurants"."pacing_max_covers"',
  },
  '($3::date)::timestamp at time zone "restaurants"."time_zone"',
  '($4::date + 3)::timestamp at time zone "restaurants"."time_zone"',
);

/** The time search (services/time-search.ts): every restaurant with hours, with its tables, reservations, pacing, the day's counts and the stored limits. */
export const timeSearch = `select "restaurants"."id", "restaurants"."name", "restaurants"."address", "restaurants"."description", "restaurants"."photo_url", "cities"."id", "cities"."name", "departments"."name", ${calendarColumns}, ${ownLimitColumns}, ${tablesJson}, ${heldAround}, ${pacingAround}, (select count(*) from "reservations" d where d.restaurant_id = "restaurants"."id" and d.date = $5 and d.status <> 'cancelled')::int, (select count(*) from "reservations" g where g.date = $6 and g.status <> 'cancelled')::int, json_build_object('globalDailyLimit', ${storedGlobalLimit}, 'restaurantDailyLimit', ${restaurantLimitFrom('"restaurants"."daily_limit"')}) from "restaurants" inner join "cities" on "cities"."id" = "restaurants"."city_id" inner join "departments" on "departments"."id" = "cities"."department_id" where jsonb_array_length("restaurants"."hours") > 0 order by "restaurants"."name" asc, "restaurants"."id" asc`;

/** A booking's transaction, in order (then commit): READ COMMITTED asked for explicitly, as the product does. */
export const booking = {
  begin: 'begin isolation level read committed',
  /** The calendar FOR KEY SHARE, the named table FOR SHARE, a whole day's lock, the transaction's start (services/booking.ts, lockCalendarAndTables). */
  lockCalendarAndTable: `with r as materialized (
          select name, time_zone, hours, special_dates, slot_minutes, turn_times, min_advance_minutes, max_advance_days
            from "restaurants" where id = $1 for key share)
        select r.*, (select coalesce(json_agg(json_build_object('label', c.label, 'seats', c.seats) order by c.label), '[]'::json)
                       from (select t.label, t.seats from "restaurant_tables" t
                              where t.restaurant_id = $2 and t.label = $3
                              order by t.label for share) c) as tables,
               case when jsonb_array_length(r.hours) = 0
                    then (select true from tablebook_lock_days(array[$4]::date[])) end as day_locked,
               now() as transaction_start
          from r`,
  /** The day locks in calendar order, through the database's function (the reservation trigger's too): a timed booking's. */
  lockDay: 'select tablebook_lock_days($1::date[])',
  /** Counts, the stored limits, the restaurant's reservations overlapping the held range (a whole local day here; not paced), the range's instants. */
  dayLoad: `select (count(*) filter (where "reservations"."status" <> 'cancelled'))::int as global_count,
               (count(*) filter (where "reservations"."status" <> 'cancelled' and "reservations"."restaurant_id" = $1))::int as restaurant_count,
               (select "settings"."global_daily_limit" from "settings" where "settings"."id" = 1) as global_limit,
               coalesce((select r.daily_limit from "restaurants" r where r.id = $2), (select "settings"."restaurant_daily_limit" from "settings" where "settings"."id" = 1)) as restaurant_limit,
               (select coalesce(json_agg(json_build_object(
                         'table', h.table_label,
                         'startsAt', extract(epoch from h.starts_at) * 1000,
                         'endsAt', extract(epoch from h.ends_at) * 1000) order by h.starts_at), '[]'::json)
                  from "reservations" h
                 where h.restaurant_id = $3 and h.status <> 'cancelled'
                   and tstzrange(h.starts_at, h.ends_at) && tstzrange(($4::date::timestamp at time zone $5), (($6::date + 1)::timestamp at time zone $7))) as overlapping,
               null::json as pacing,
               (extract(epoch from ($8::date::timestamp at time zone $9)) * 1000)::float8 as range_starts,
               (extract(epoch from (($10::date + 1)::timestamp at time zone $11)) * 1000)::float8 as range_ends
          from "reservations"
         where "reservations"."date" = $12`,
  /**
   * The insert, the outbox queue (services/outbox-queue.ts, issue 17: the guest's e-mail, a timed booking's
   * reminders, one delivery per subscribed webhook) and the event (services/reservation-events.ts: its id from
   * the sequence, its capacity from the load's counts, its taken tables read here with the new one), in one statement.
   */
  insertAndRecord: `with inserted as (insert into "reservations" ("id", "restaurant_id", "table_label", "date", "guest_name", "guest_phone", "guest_email", "party_size", "notes", "status", "cancel_reason", "cancellation_code_hash", "created_at", "updated_at", "start_time", "duration_minutes", "starts_at", "ends_at", "version", "language") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, default, default, $13, $14, ($15::date::timestamp at time zone $16), (($17::date + 1)::timestamp at time zone $18), $19, $20) returning id), 
    restaurant as (
      select id, name, address, time_zone, reminders from restaurants where id = $21
    ), dropped as (
      update outbox_messages
         set status = 'dropped', updated_at = now(), last_error = 'the reservation changed before its reminder'
       where reservation_id = $22 and kind = 'reminder' and status = 'pending'
         and version < $23 and $24
    ), planned (kind, channel, endpoint_id, reminder_minutes, event_type, recipient, due_at) as (
      select $25::text, 'email', null::uuid, 0, null::text, $26::text, now()
       where $27::text is not null and $28::text is not null
      union all
      select 'reminder', 'email', null::uuid, minutes, null::text, $29::text,
             $30::timestamptz - make_interval(mins => minutes)
        from restaurant, jsonb_array_elements_text(restaurant.reminders) as m(value), lateral (select m.value::int as minutes) r
       where $31 and $32::text is not null
         and $33::timestamptz - make_interval(mins => minutes) > now()
      union all
      select $34, 'webhook', e.id, 0, $35, null::text, now()
        from webhook_endpoints e
       where e.events @> '["*"]'::jsonb or e.events @> $36::jsonb
    ), queued as (
    insert into outbox_messages
      (reservation_id, restaurant_id, kind, channel, endpoint_id, version, reminder_minutes, event_type, recipient, language, payload, due_at)
    select $37, $38, p.kind, p.channel, p.endpoint_id, $39, p.reminder_minutes,
           p.event_type, p.recipient, $40,
           jsonb_build_object(
             'reservation', $41::jsonb,
             'restaurant', jsonb_build_object('id', restaurant.id, 'name', restaurant.name, 'address', restaurant.address, 'timeZone', restaurant.time_zone),
             'occurredAt', to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
           ),
           p.due_at
      from planned p, restaurant
    on conflict on constraint outbox_messages_once do nothing
    ),
    day as (select (select coalesce(jsonb_agg(distinct t.label order by t.label), '[]'::jsonb)
         from (select table_label as label from "reservations"
                where restaurant_id = $42 and date = $43 and status <> 'cancelled' union all select $44::varchar) t) as taken),
    recorded as (
      insert into "reservation_events" (restaurant_id, date, previous_date, type, payload)
      select $45::uuid, $46::date, $47::date, $48,
             $49::jsonb || jsonb_build_object('takenTables', day.taken)
        from day) select id from inserted`,
  /** Sent after the commit, on the listening connection, coalesced (packages/db/src/listen.ts); not one of the request's statements. */
  announce: 'NOTIFY "reservation_events"',
} as const;

/** Every statement one request of each scenario sends, in order (what the test compares). */
export const statementsPerScenario = {
  'search-prefix-city': [searchByPrefixAndCity],
  'search-availability': [countDay, searchByAvailability],
  'day-reservations': [restaurantCalendar, dayReservations],
  'day-slots': [daySlots],
  'time-search': [timeSearch],
  'create-reservation': [booking.begin, booking.lockCalendarAndTable, booking.dayLoad, booking.insertAndRecord, 'commit'],
} as const;
