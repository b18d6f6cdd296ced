CREATE EXTENSION IF NOT EXISTS btree_gist;--> statement-breakpoint
ALTER TABLE "restaurants" ADD COLUMN "time_zone" text DEFAULT 'America/Bogota' NOT NULL;--> statement-breakpoint
ALTER TABLE "restaurants" ADD COLUMN "hours" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "restaurants" ADD COLUMN "special_dates" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "restaurants" ADD COLUMN "slot_minutes" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "restaurants" ADD COLUMN "turn_times" jsonb DEFAULT '[{"maxPartySize":2,"minutes":90},{"maxPartySize":4,"minutes":120},{"maxPartySize":20,"minutes":150}]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "restaurants" ADD COLUMN "min_advance_minutes" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "restaurants" ADD COLUMN "max_advance_days" integer;--> statement-breakpoint
ALTER TABLE "reservations" ADD COLUMN "start_time" time;--> statement-breakpoint
ALTER TABLE "reservations" ADD COLUMN "duration_minutes" integer;--> statement-breakpoint
ALTER TABLE "reservations" ADD COLUMN "starts_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "reservations" ADD COLUMN "ends_at" timestamp with time zone;--> statement-breakpoint
-- Every reservation so far holds its table for its whole local day (restaurants so far are in Bogota).
UPDATE "reservations" AS r
SET "starts_at" = (r."date"::timestamp AT TIME ZONE rest."time_zone"),
    "ends_at" = ((r."date" + 1)::timestamp AT TIME ZONE rest."time_zone")
FROM "restaurants" AS rest
WHERE rest."id" = r."restaurant_id";--> statement-breakpoint
ALTER TABLE "reservations" ALTER COLUMN "starts_at" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "reservations" ALTER COLUMN "ends_at" SET NOT NULL;--> statement-breakpoint
DROP INDEX "reservations_table_per_day";--> statement-breakpoint
-- The table rule for every writer: no two live reservations of one table overlap in time. A whole day
-- is the range from its local midnight to the next, so the seed's "once per day" is this same rule.
-- Checked at once, row by row; deferrable so that moving every whole-day range of a restaurant to a new
-- time zone (each through its neighbour's old range) is checked as a whole, at commit.
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_table_no_overlap" EXCLUDE USING gist (
  "restaurant_id" WITH =,
  "table_label" WITH =,
  tstzrange("starts_at", "ends_at") WITH &&
) WHERE ("status" <> 'cancelled') DEFERRABLE INITIALLY IMMEDIATE;--> statement-breakpoint
CREATE INDEX "reservations_restaurant_starts_idx" ON "reservations" USING btree ("restaurant_id","starts_at");--> statement-breakpoint
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_range_ordered" CHECK ("reservations"."ends_at" > "reservations"."starts_at");--> statement-breakpoint
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_duration_range" CHECK ("reservations"."duration_minutes" is null or "reservations"."duration_minutes" between 15 and 720);--> statement-breakpoint
ALTER TABLE "restaurants" ADD CONSTRAINT "restaurants_slot_minutes_known" CHECK ("restaurants"."slot_minutes" in (15, 30, 60));--> statement-breakpoint
ALTER TABLE "restaurants" ADD CONSTRAINT "restaurants_min_advance_range" CHECK ("restaurants"."min_advance_minutes" between 0 and 525600);--> statement-breakpoint
ALTER TABLE "restaurants" ADD CONSTRAINT "restaurants_max_advance_range" CHECK ("restaurants"."max_advance_days" is null or "restaurants"."max_advance_days" between 1 and 3650);
