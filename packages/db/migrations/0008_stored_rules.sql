CREATE TABLE "settings" (
	"id" integer PRIMARY KEY NOT NULL,
	"global_daily_limit" integer NOT NULL,
	"restaurant_daily_limit" integer NOT NULL,
	"initialized" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "settings_single_row" CHECK ("settings"."id" = 1),
	CONSTRAINT "settings_global_daily_limit_range" CHECK ("settings"."global_daily_limit" between 1 and 1000000),
	CONSTRAINT "settings_restaurant_daily_limit_range" CHECK ("settings"."restaurant_daily_limit" between 1 and 1000000)
);
--> statement-breakpoint
ALTER TABLE "restaurants" ADD COLUMN "daily_limit" integer;--> statement-breakpoint
ALTER TABLE "restaurants" ADD COLUMN "pacing_interval_minutes" integer;--> statement-breakpoint
ALTER TABLE "restaurants" ADD COLUMN "pacing_max_covers" integer;--> statement-breakpoint
ALTER TABLE "restaurants" ADD CONSTRAINT "restaurants_daily_limit_range" CHECK ("restaurants"."daily_limit" is null or "restaurants"."daily_limit" between 1 and 1000000);--> statement-breakpoint
ALTER TABLE "restaurants" ADD CONSTRAINT "restaurants_pacing_valid" CHECK (("restaurants"."pacing_interval_minutes" is null and "restaurants"."pacing_max_covers" is null) or ("restaurants"."pacing_interval_minutes" in (15, 30, 60) and "restaurants"."pacing_max_covers" between 1 and 10000 and jsonb_array_length("restaurants"."hours") > 0));--> statement-breakpoint
-- The seed's limits until the first server process writes its environment's (RESTAURANT_DAILY_LIMIT,
-- GLOBAL_DAILY_LIMIT give the values of a new database) and marks the row initialized.
INSERT INTO "settings" ("id", "global_daily_limit", "restaurant_daily_limit") VALUES (1, 20, 15);--> statement-breakpoint
-- The local days a reservation's writers lock: its date (the day its opening range starts on) and every
-- local day its range touches in the restaurant's zone (at most three). The api computes the same set
-- (lockDaysFor); a test holds the two to each other.
CREATE FUNCTION "tablebook_reservation_days"(p_date date, p_starts timestamptz, p_ends timestamptz, p_zone text)
RETURNS date[] LANGUAGE sql STABLE AS $$
  SELECT array_agg(DISTINCT d ORDER BY d) FROM (
    SELECT p_date AS d
    UNION ALL
    SELECT (p_starts AT TIME ZONE p_zone)::date + g
      FROM generate_series(0, least(2, (greatest(p_starts, p_ends - interval '1 millisecond') AT TIME ZONE p_zone)::date
                                         - (p_starts AT TIME ZONE p_zone)::date)) AS g
  ) AS days
$$;--> statement-breakpoint
-- The day locks, always taken in calendar order: every writer of a day's reservations holds that day's
-- lock while it checks and writes, so the daily limits and pacing are decided serially per day, and
-- conflicting inserts queue on the lock instead of meeting in the exclusion constraint's own wait.
-- Key: (0x7462 "tb", days since 1970-01-01). Re-entrant: a second call in one transaction returns at once.
CREATE FUNCTION "tablebook_lock_days"(p_days date[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  d date;
BEGIN
  FOR d IN SELECT DISTINCT x FROM unnest(p_days) AS x WHERE x IS NOT NULL ORDER BY x LOOP
    PERFORM pg_advisory_xact_lock(29794, d - date '1970-01-01');
  END LOOP;
END
$$;--> statement-breakpoint
-- What a change of a reservation row asks of the rules. Only what can break a rule counts: a new or
-- revived live row, a new day or restaurant (the daily limits and pacing), a new start or a larger party
-- (pacing), a new table or a longer turn (the table rule). A zone change moves a reservation's instants
-- and keeps its date and local time ('rehome': only checked for consistency). A status change, a note, a
-- turn ended early or a cancel asks nothing.
CREATE FUNCTION "tablebook_reservation_change"(o reservations, n reservations) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN n.status = 'cancelled' THEN 'none'
    WHEN o IS NULL OR o.status = 'cancelled' OR n.date <> o.date OR n.restaurant_id <> o.restaurant_id THEN 'day'
    WHEN n.start_time IS DISTINCT FROM o.start_time OR n.party_size > o.party_size THEN 'start'
    WHEN n.table_label <> o.table_label OR n.duration_minutes IS DISTINCT FROM o.duration_minutes
      OR (n.starts_at = o.starts_at AND n.ends_at > o.ends_at) THEN 'table'
    WHEN n.starts_at <> o.starts_at OR n.ends_at <> o.ends_at THEN
      CASE WHEN n.ends_at - n.starts_at > o.ends_at - o.starts_at AND n.start_time IS NOT NULL THEN 'table' ELSE 'rehome' END
    ELSE 'none'
  END
$$;--> statement-breakpoint
-- The days a row's writers lock: a whole day locks its date (as the api does, whatever the length of a
-- daylight-saving day), a turn its date and the local days its range touches.
CREATE FUNCTION "tablebook_row_days"(n reservations, p_zone text) RETURNS date[] LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN n.start_time IS NULL THEN ARRAY[n.date]
              ELSE tablebook_reservation_days(n.date, n.starts_at, n.ends_at, p_zone) END
$$;--> statement-breakpoint
-- Before the row is written: the day locks of its days, so that every writer (one typed into psql too)
-- decides under the same locks as the api, and conflicting inserts queue on them instead of meeting in
-- the exclusion constraint's own wait. For the api a no-op: it holds them already. The rules count rows
-- committed by others under the lock, which only READ COMMITTED sees: an older snapshot could count
-- too few, so a judged change in another isolation level is refused.
CREATE FUNCTION "tablebook_reservation_locks"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  change text := tablebook_reservation_change(CASE WHEN TG_OP = 'UPDATE' THEN OLD END, NEW);
  zone text;
BEGIN
  IF change IN ('none', 'rehome') THEN
    RETURN NEW;
  END IF;
  IF current_setting('transaction_isolation') <> 'read committed' THEN
    RAISE EXCEPTION 'READ_COMMITTED_REQUIRED: reservations are judged under the day locks by counting what is committed, which only READ COMMITTED sees; this transaction is %', current_setting('transaction_isolation')
      USING ERRCODE = 'check_violation', CONSTRAINT = 'reservations_read_committed', TABLE = 'reservations';
  END IF;
  SELECT time_zone INTO zone FROM restaurants WHERE id = NEW.restaurant_id;
  IF FOUND THEN
    PERFORM tablebook_lock_days(tablebook_row_days(NEW, zone));
  END IF;
  RETURN NEW;
END
$$;--> statement-breakpoint
-- After the row is written (deferrable, like the exclusion constraint, so a zone change that moves every
-- upcoming turn is judged on the end state): the row's times agree with its date and local time, then
-- the daily limits with the stored values, and pacing. The error's message starts with the rule's reason
-- code; its constraint name says which rule.
CREATE FUNCTION "tablebook_reservation_rules"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  change text := tablebook_reservation_change(CASE WHEN TG_OP = 'UPDATE' THEN OLD END, NEW);
  r record;
  s record;
  counted int;
  day_limit int;
  local_start timestamp;
  interval_start timestamp;
  interval_end timestamp;
  covers int;
BEGIN
  IF change = 'none' THEN
    RETURN NULL;
  END IF;
  SELECT time_zone, daily_limit, pacing_interval_minutes, pacing_max_covers INTO r
    FROM restaurants WHERE id = NEW.restaurant_id;
  IF NOT FOUND THEN
    RETURN NULL; -- deleted with its reservations
  END IF;
  -- A later statement of the transaction may have changed the row again: judge the row as it is now.
  SELECT * INTO NEW FROM reservations WHERE id = NEW.id;
  IF NOT FOUND OR NEW.status = 'cancelled' THEN
    RETURN NULL;
  END IF;

  -- The held range is the one its date and local time say: a whole day from its local midnight to the
  -- next (computed as the api computes it, so a midnight that a clock change skips or repeats agrees); a turn from its local start (on its date, or the next day past midnight) for at most its
  -- duration (shorter once completed). The limits count by date and pacing by local start, so a range
  -- that says otherwise would escape them.
  IF NEW.start_time IS NULL THEN
    IF NEW.duration_minutes IS NOT NULL
       OR NEW.starts_at <> (NEW.date::timestamp AT TIME ZONE r.time_zone)
       OR NEW.ends_at <> ((NEW.date + 1)::timestamp AT TIME ZONE r.time_zone) THEN
      RAISE EXCEPTION 'INVALID_TIMES: a whole-day reservation holds its local day: starts_at and ends_at must be the local midnights of % and % in %, and start_time and duration_minutes null',
        NEW.date, NEW.date + 1, r.time_zone
        USING ERRCODE = 'check_violation', CONSTRAINT = 'reservations_times_consistent', TABLE = 'reservations';
    END IF;
  ELSIF NEW.duration_minutes IS NULL
     OR (NEW.starts_at AT TIME ZONE r.time_zone)::time <> NEW.start_time
     OR (NEW.starts_at AT TIME ZONE r.time_zone)::date - NEW.date NOT IN (0, 1)
     OR NEW.ends_at > NEW.starts_at + make_interval(mins => NEW.duration_minutes) THEN
    RAISE EXCEPTION 'INVALID_TIMES: a turn starting at % on % must start then in % (or that time the next day, past midnight) and end within its duration_minutes',
      NEW.start_time, NEW.date, r.time_zone
      USING ERRCODE = 'check_violation', CONSTRAINT = 'reservations_times_consistent', TABLE = 'reservations';
  END IF;
  -- A zone change keeps the local start; a row moved by a whole day keeping its clock is a new start.
  IF change = 'rehome' AND TG_OP = 'UPDATE' AND NEW.start_time IS NOT NULL
     AND (NEW.starts_at AT TIME ZONE r.time_zone)::date - NEW.date <> (OLD.starts_at AT TIME ZONE r.time_zone)::date - OLD.date THEN
    change := 'start';
  END IF;
  -- The table rule's last word is the exclusion constraint; this says it first, with the reason code.
  IF change IN ('day', 'start', 'table') THEN
    SELECT id, starts_at, ends_at INTO s FROM reservations
     WHERE restaurant_id = NEW.restaurant_id AND table_label = NEW.table_label AND status <> 'cancelled' AND id <> NEW.id
       AND tstzrange(starts_at, ends_at) && tstzrange(NEW.starts_at, NEW.ends_at)
     LIMIT 1;
    IF FOUND THEN
      RAISE EXCEPTION 'TABLE_ALREADY_BOOKED: table % is already held from % to % (reservation %)',
        NEW.table_label, s.starts_at AT TIME ZONE r.time_zone, s.ends_at AT TIME ZONE r.time_zone, s.id
        USING ERRCODE = 'exclusion_violation', CONSTRAINT = 'reservations_table_no_overlap', TABLE = 'reservations';
    END IF;
  END IF;
  IF change NOT IN ('day', 'start') THEN
    RETURN NULL;
  END IF;

  IF change = 'day' THEN
    SELECT global_daily_limit, restaurant_daily_limit INTO s FROM settings WHERE id = 1;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'SETTINGS_MISSING: the settings row (id 1) holds the daily limits; restore it before writing reservations'
        USING ERRCODE = 'check_violation', CONSTRAINT = 'reservations_global_daily_limit', TABLE = 'reservations';
    END IF;
    SELECT count(*) INTO counted FROM reservations
     WHERE date = NEW.date AND status <> 'cancelled' AND id <> NEW.id;
    IF counted >= s.global_daily_limit THEN
      RAISE EXCEPTION 'GLOBAL_DAILY_LIMIT: the system already has % reservation(s) on % (its daily limit is %)',
        counted, NEW.date, s.global_daily_limit
        USING ERRCODE = 'check_violation', CONSTRAINT = 'reservations_global_daily_limit', TABLE = 'reservations';
    END IF;
    day_limit := coalesce(r.daily_limit, s.restaurant_daily_limit);
    SELECT count(*) INTO counted FROM reservations
     WHERE date = NEW.date AND restaurant_id = NEW.restaurant_id AND status <> 'cancelled' AND id <> NEW.id;
    IF counted >= day_limit THEN
      RAISE EXCEPTION 'RESTAURANT_DAILY_LIMIT: restaurant % already has % reservation(s) on % (its daily limit is %)',
        NEW.restaurant_id, counted, NEW.date, day_limit
        USING ERRCODE = 'check_violation', CONSTRAINT = 'reservations_restaurant_daily_limit', TABLE = 'reservations';
    END IF;
  END IF;

  IF r.pacing_interval_minutes IS NOT NULL AND NEW.start_time IS NOT NULL THEN
    -- Intervals start at local midnight and are compared on the local clock, as the api's slots are.
    local_start := NEW.starts_at AT TIME ZONE r.time_zone;
    interval_start := date_trunc('day', local_start) + make_interval(mins =>
      ((extract(hour FROM local_start)::int * 60 + extract(minute FROM local_start)::int) / r.pacing_interval_minutes)
        * r.pacing_interval_minutes);
    interval_end := interval_start + make_interval(mins => r.pacing_interval_minutes);
    SELECT coalesce(sum(party_size), 0) INTO covers FROM reservations
     WHERE restaurant_id = NEW.restaurant_id AND status <> 'cancelled' AND id <> NEW.id AND start_time IS NOT NULL
       AND starts_at > NEW.starts_at - interval '3 hours' AND starts_at < NEW.starts_at + interval '3 hours'
       AND (starts_at AT TIME ZONE r.time_zone) >= interval_start AND (starts_at AT TIME ZONE r.time_zone) < interval_end;
    IF covers + NEW.party_size > r.pacing_max_covers THEN
      RAISE EXCEPTION 'PACING_LIMIT: the %-% interval on % has % of % covers left; a party of % does not fit',
        to_char(interval_start, 'HH24:MI'), to_char(interval_end, 'HH24:MI'), interval_start::date,
        greatest(0, r.pacing_max_covers - covers), r.pacing_max_covers, NEW.party_size
        USING ERRCODE = 'check_violation', CONSTRAINT = 'reservations_pacing_limit', TABLE = 'reservations';
    END IF;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "reservations_day_locks" BEFORE INSERT OR UPDATE ON "reservations"
  FOR EACH ROW EXECUTE FUNCTION "tablebook_reservation_locks"();--> statement-breakpoint
-- Named with a capital so that it fires before the exclusion constraint's own recheck trigger
-- ("Unique_ConstraintTrigger_…"): triggers of one event fire in name order, and the table rule's
-- refusal should carry its reason code.
CREATE CONSTRAINT TRIGGER "Reservation_rules" AFTER INSERT OR UPDATE ON "reservations"
  DEFERRABLE INITIALLY IMMEDIATE
  FOR EACH ROW EXECUTE FUNCTION "tablebook_reservation_rules"();
