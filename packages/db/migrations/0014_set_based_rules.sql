-- Issue 19: a multi-row INSERT (INSERT ... SELECT, COPY) is judged once per statement, set-based, not
-- row by row: a load of 4,000 reservations a day counted the day again for every row. The same rules, in
-- the same order, with the same SQLSTATEs, constraint names and messages. A single-row INSERT and every
-- UPDATE (moves, cancels, a zone change's one statement over every upcoming turn) keep 0008's row path.
--
-- The day's count, for either path: the live rows of a date, index-only.
CREATE INDEX "reservations_live_date_idx" ON "reservations" USING btree ("date") WHERE "reservations"."status" <> 'cancelled';--> statement-breakpoint
-- The day locks, unchanged (the same days, taken in calendar order by the same BEFORE ROW trigger, before
-- the row is written), at a third less CPU per row of a bulk load (100,000 rows: 7.3-7.9 s of the
-- backend's CPU before, 5.3-5.5 s after): the days without a query (0008 ran generate_series and an
-- aggregate), and tablebook_lock_days locks a list already in order and without repeats (a row's days
-- always are) as it comes, sorting only any other (the api's lists).
CREATE OR REPLACE FUNCTION "tablebook_reservation_days"(p_date date, p_starts timestamptz, p_ends timestamptz, p_zone text)
RETURNS date[] LANGUAGE plpgsql STABLE AS $$
DECLARE
  first_day date := (p_starts AT TIME ZONE p_zone)::date;
  span int := least(2, (greatest(p_starts, p_ends - interval '1 millisecond') AT TIME ZONE p_zone)::date - first_day);
  touched date[];
BEGIN
  -- A range whose last local day comes before its first (a clock set back across midnight): its date
  -- only. (No zone or start: its date only too, the one day 0008's version locked then.)
  IF first_day IS NULL OR span < 0 THEN
    RETURN ARRAY[p_date];
  END IF;
  touched := CASE span WHEN 0 THEN ARRAY[first_day] WHEN 1 THEN ARRAY[first_day, first_day + 1]
                       ELSE ARRAY[first_day, first_day + 1, first_day + 2] END;
  RETURN CASE WHEN p_date IS NULL OR p_date > first_day + span THEN touched || p_date
              WHEN p_date < first_day THEN p_date || touched
              ELSE touched END;
END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION "tablebook_lock_days"(p_days date[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  d date;
  previous date;
BEGIN
  FOREACH d IN ARRAY coalesce(p_days, '{}') LOOP
    IF d IS NULL OR d <= previous THEN
      FOR d IN SELECT DISTINCT x FROM unnest(p_days) AS x WHERE x IS NOT NULL ORDER BY x LOOP
        PERFORM pg_advisory_xact_lock(29794, d - date '1970-01-01');
      END LOOP;
      RETURN;
    END IF;
    previous := d;
  END LOOP;
  FOREACH d IN ARRAY coalesce(p_days, '{}') LOOP
    PERFORM pg_advisory_xact_lock(29794, d - date '1970-01-01');
  END LOOP;
END
$$;--> statement-breakpoint
-- How a statement reaches the set-based check. "Reservation_rules_bulk" (AFTER INSERT FOR EACH ROW, with
-- the statement's transition table) fires for each row right after "Reservation_rules" and before the
-- exclusion constraint's recheck (one row's triggers fire in name order). The rules trigger judges the
-- statement's first row as always; then the bulk trigger, at that first row, judges every row of the
-- transition table at once and records the statement as judged, and the rules trigger passes over its
-- other rows. The bulk trigger judges only when the rules trigger has just fired for that first row:
-- when the rules are deferred (SET CONSTRAINTS ... DEFERRED) it does nothing, and the rules trigger
-- judges every row at COMMIT (or SET CONSTRAINTS ... IMMEDIATE) on the end state, row by row, as before.
--
-- The BEFORE ROW trigger still takes each row's day locks before the row is written, so every count below
-- runs under all of the statement's locks and sees what others committed before they were granted.
--
-- A statement is judged only if this table says so, and only the bulk trigger's function (SECURITY
-- DEFINER) writes it: a writer without the owner's rights (who could disable the triggers) cannot, and no
-- setting a writer sets lets a row through (the two settings below only spare the single-row path a
-- query). A row names its statement by the xmin and cmin of the rows it wrote, which no writer chooses.
CREATE TABLE "reservation_statements_judged" (
	"transaction_id" xid8 NOT NULL,
	"written_by" text NOT NULL,
	CONSTRAINT "reservation_statements_judged_pk" PRIMARY KEY ("transaction_id", "written_by")
);--> statement-breakpoint
REVOKE ALL ON "reservation_statements_judged" FROM PUBLIC;--> statement-breakpoint
GRANT SELECT ON "reservation_statements_judged" TO PUBLIC;--> statement-breakpoint
-- The rules trigger of 0008, with one prologue for INSERTs: it says that it fired (so the bulk trigger
-- knows the rules are not deferred), and passes over a row whose statement was judged set-based.
CREATE OR REPLACE FUNCTION "tablebook_reservation_rules"() RETURNS trigger LANGUAGE plpgsql AS $$
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
  IF TG_OP = 'INSERT' THEN
    PERFORM set_config('tablebook.rules_fired', NEW.id::text, true);
    -- Set only in a transaction that had a statement judged set-based: a single-row write looks no further.
    IF current_setting('tablebook.bulk_judged', true) = 'on' AND EXISTS (
         SELECT FROM reservations w
           JOIN reservation_statements_judged j
             ON j.transaction_id = pg_current_xact_id() AND j.written_by = w.xmin::text || ':' || w.cmin::text
          WHERE w.id = NEW.id) THEN
      RETURN NULL;
    END IF;
  END IF;
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
    -- The day's live rows, this one among them: an index-only count (reservations_live_date_idx).
    SELECT count(*) - 1 INTO counted FROM reservations
     WHERE date = NEW.date AND status <> 'cancelled';
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
-- A multi-row INSERT's rules, judged once at its first row for every row of its transition table, in
-- the rules' order: the times, the table rule, the global and then the restaurant's daily limit, pacing
-- (a statement breaking several is refused by the first of these, whichever its rows). Each check is one
-- statement over the new rows, so a day is counted once, not once per row. The day locks are held: the
-- BEFORE ROW trigger took each row's before it was written, and each statement here counts what was
-- committed before they were granted (READ COMMITTED; the lock trigger refuses any other level).
CREATE FUNCTION "tablebook_reservation_rules_bulk"() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public AS $$
DECLARE
  head record;
  s record;
  bad record;
BEGIN
  -- One query per row: the statement's first row, and whether it wrote a second.
  SELECT (array_agg(id))[1] AS first_id, count(*) AS rows INTO head FROM (SELECT id FROM inserted LIMIT 2) AS firsts;
  -- Judged with the statement's first row, and only when the rules trigger fired for it just before
  -- (else they are deferred: every row is judged at COMMIT, by the rules trigger).
  IF head.first_id IS DISTINCT FROM NEW.id OR current_setting('tablebook.rules_fired', true) IS DISTINCT FROM NEW.id::text THEN
    RETURN NULL;
  END IF;
  -- One row: the rules trigger judged it. Unless a statement of the same transaction was judged: then
  -- the rules trigger may have passed over this row too, if it shares that statement's xmin and cmin
  -- (the INSERTs of one WITH query do; PostgreSQL 15 gives them one transition table, which the first
  -- row judges whole, but should they ever get one each, the second's is judged here).
  IF head.rows < 2 AND current_setting('tablebook.bulk_judged', true) IS DISTINCT FROM 'on' THEN
    RETURN NULL;
  END IF;

  SELECT n.date, n.start_time, r.time_zone INTO bad
    FROM inserted n JOIN restaurants r ON r.id = n.restaurant_id
   WHERE n.status <> 'cancelled'
     AND CASE WHEN n.start_time IS NULL THEN
           n.duration_minutes IS NOT NULL
           OR n.starts_at <> (n.date::timestamp AT TIME ZONE r.time_zone)
           OR n.ends_at <> ((n.date + 1)::timestamp AT TIME ZONE r.time_zone)
         ELSE
           n.duration_minutes IS NULL
           OR (n.starts_at AT TIME ZONE r.time_zone)::time <> n.start_time
           OR (n.starts_at AT TIME ZONE r.time_zone)::date - n.date NOT IN (0, 1)
           OR n.ends_at > n.starts_at + make_interval(mins => n.duration_minutes)
         END
   LIMIT 1;
  IF FOUND AND bad.start_time IS NULL THEN
    RAISE EXCEPTION 'INVALID_TIMES: a whole-day reservation holds its local day: starts_at and ends_at must be the local midnights of % and % in %, and start_time and duration_minutes null',
      bad.date, bad.date + 1, bad.time_zone
      USING ERRCODE = 'check_violation', CONSTRAINT = 'reservations_times_consistent', TABLE = 'reservations';
  ELSIF FOUND THEN
    RAISE EXCEPTION 'INVALID_TIMES: a turn starting at % on % must start then in % (or that time the next day, past midnight) and end within its duration_minutes',
      bad.start_time, bad.date, bad.time_zone
      USING ERRCODE = 'check_violation', CONSTRAINT = 'reservations_times_consistent', TABLE = 'reservations';
  END IF;

  -- The table rule, as the exclusion constraint tests it (two non-empty [starts_at, ends_at) ranges
  -- overlap), read through the (restaurant_id, date) btree: rows whose times agree with their dates
  -- overlap only within two days of each other (three are read, for rows kept from an earlier zone). For
  -- 100,000 rows 0.6 s, against 6.6 s through the gist index, which the planner picks for && or for an
  -- equal label (hence the label compared as an expression). The exclusion constraint stays the last
  -- word: an overlap with a stored row this misses is still refused, in PostgreSQL's own words.
  SELECT n.table_label, held.id, held.starts_at AT TIME ZONE r.time_zone AS local_starts,
         held.ends_at AT TIME ZONE r.time_zone AS local_ends INTO bad
    FROM inserted n JOIN restaurants r ON r.id = n.restaurant_id
   CROSS JOIN LATERAL (
         SELECT o.id, o.starts_at, o.ends_at FROM reservations o
          WHERE o.restaurant_id = n.restaurant_id AND o.date BETWEEN n.date - 3 AND n.date + 3
            AND o.table_label || '' = n.table_label AND o.status <> 'cancelled' AND o.id <> n.id
            AND o.starts_at < n.ends_at AND n.starts_at < o.ends_at AND o.starts_at < o.ends_at
          LIMIT 1) AS held
   WHERE n.status <> 'cancelled' AND n.starts_at < n.ends_at
   LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'TABLE_ALREADY_BOOKED: table % is already held from % to % (reservation %)',
      bad.table_label, bad.local_starts, bad.local_ends, bad.id
      USING ERRCODE = 'exclusion_violation', CONSTRAINT = 'reservations_table_no_overlap', TABLE = 'reservations';
  END IF;

  IF NOT EXISTS (SELECT FROM inserted n JOIN restaurants r ON r.id = n.restaurant_id WHERE n.status <> 'cancelled') THEN
    RETURN NULL;
  END IF;
  SELECT global_daily_limit, restaurant_daily_limit INTO s FROM settings WHERE id = 1;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'SETTINGS_MISSING: the settings row (id 1) holds the daily limits; restore it before writing reservations'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'reservations_global_daily_limit', TABLE = 'reservations';
  END IF;
  -- "Already has" counts the day's others, as the row check says it for a row of that day.
  SELECT day.date, day.live INTO bad FROM (
      SELECT k.date, (SELECT count(*) FROM reservations o WHERE o.date = k.date AND o.status <> 'cancelled') AS live
        FROM (SELECT DISTINCT n.date FROM inserted n JOIN restaurants r ON r.id = n.restaurant_id
               WHERE n.status <> 'cancelled') AS k) AS day
   WHERE day.live > s.global_daily_limit
   ORDER BY day.date LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'GLOBAL_DAILY_LIMIT: the system already has % reservation(s) on % (its daily limit is %)',
      bad.live - 1, bad.date, s.global_daily_limit
      USING ERRCODE = 'check_violation', CONSTRAINT = 'reservations_global_daily_limit', TABLE = 'reservations';
  END IF;
  SELECT day.restaurant_id, day.date, day.day_limit, day.live INTO bad FROM (
      SELECT k.restaurant_id, k.date, k.day_limit,
             (SELECT count(*) FROM reservations o
               WHERE o.date = k.date AND o.restaurant_id = k.restaurant_id AND o.status <> 'cancelled') AS live
        FROM (SELECT DISTINCT n.restaurant_id, n.date, coalesce(r.daily_limit, s.restaurant_daily_limit) AS day_limit
                FROM inserted n JOIN restaurants r ON r.id = n.restaurant_id
               WHERE n.status <> 'cancelled') AS k) AS day
   WHERE day.live > day.day_limit
   ORDER BY day.date, day.restaurant_id LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'RESTAURANT_DAILY_LIMIT: restaurant % already has % reservation(s) on % (its daily limit is %)',
      bad.restaurant_id, bad.live - 1, bad.date, bad.day_limit
      USING ERRCODE = 'check_violation', CONSTRAINT = 'reservations_restaurant_daily_limit', TABLE = 'reservations';
  END IF;

  -- Pacing: the covers of every interval a new turn starts in (on the local clock, from local midnight),
  -- read once per interval; the message names the interval's latest new start, as the row check would.
  WITH starts AS (
    SELECT n.id, n.restaurant_id, n.starts_at, n.party_size, r.time_zone, r.pacing_interval_minutes AS minutes,
           r.pacing_max_covers AS max_covers, n.starts_at AT TIME ZONE r.time_zone AS local_start
      FROM inserted n JOIN restaurants r ON r.id = n.restaurant_id
     WHERE n.status <> 'cancelled' AND n.start_time IS NOT NULL AND r.pacing_interval_minutes IS NOT NULL
  ), intervals AS (
    SELECT restaurant_id, time_zone, minutes, max_covers,
           date_trunc('day', local_start) + make_interval(mins =>
             ((extract(hour FROM local_start)::int * 60 + extract(minute FROM local_start)::int) / minutes) * minutes) AS interval_start,
           min(starts_at) AS first_start, max(starts_at) AS last_start,
           (array_agg(party_size ORDER BY starts_at DESC, id DESC))[1] AS party
      FROM starts
     GROUP BY 1, 2, 3, 4, 5
  )
  SELECT i.interval_start, i.interval_start + make_interval(mins => i.minutes) AS interval_end, i.max_covers, i.party,
         held.covers INTO bad
    FROM intervals i
   CROSS JOIN LATERAL (
         SELECT coalesce(sum(o.party_size), 0) AS covers FROM reservations o
          WHERE o.restaurant_id = i.restaurant_id AND o.status <> 'cancelled' AND o.start_time IS NOT NULL
            AND o.starts_at > i.first_start - interval '3 hours' AND o.starts_at < i.last_start + interval '3 hours'
            AND (o.starts_at AT TIME ZONE i.time_zone) >= i.interval_start
            AND (o.starts_at AT TIME ZONE i.time_zone) < i.interval_start + make_interval(mins => i.minutes)) AS held
   WHERE held.covers > i.max_covers
   ORDER BY i.interval_start, i.restaurant_id LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'PACING_LIMIT: the %-% interval on % has % of % covers left; a party of % does not fit',
      to_char(bad.interval_start, 'HH24:MI'), to_char(bad.interval_end, 'HH24:MI'), bad.interval_start::date,
      greatest(0, bad.max_covers - (bad.covers - bad.party)), bad.max_covers, bad.party
      USING ERRCODE = 'check_violation', CONSTRAINT = 'reservations_pacing_limit', TABLE = 'reservations';
  END IF;

  -- Judged: the rules trigger passes over the statement's other rows (same xmin and cmin).
  INSERT INTO reservation_statements_judged (transaction_id, written_by)
  SELECT pg_current_xact_id(), w.xmin::text || ':' || w.cmin::text FROM reservations w WHERE w.id = NEW.id
  ON CONFLICT DO NOTHING;
  PERFORM set_config('tablebook.bulk_judged', 'on', true);
  -- What earlier transactions recorded is of no use after they ended; rows another session is deleting are left to it.
  DELETE FROM reservation_statements_judged
   WHERE ctid = ANY (ARRAY(SELECT ctid FROM reservation_statements_judged
                            WHERE transaction_id <> pg_current_xact_id() FOR UPDATE SKIP LOCKED));
  RETURN NULL;
END
$$;--> statement-breakpoint
-- Named to fire after "Reservation_rules" and before the exclusion constraint's recheck
-- ("Unique_ConstraintTrigger_…"): triggers of one row fire in name order.
CREATE TRIGGER "Reservation_rules_bulk" AFTER INSERT ON "reservations"
  REFERENCING NEW TABLE AS inserted
  FOR EACH ROW EXECUTE FUNCTION "tablebook_reservation_rules_bulk"();
