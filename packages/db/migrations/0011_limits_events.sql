-- A change of the limits reaches open pages (issue 16): a `limits` event is stored with the change
-- itself, in id order with the reservations' events. The stored settings concern every restaurant (no
-- restaurant) and a limit or pacing every day (no date); every other event keeps both.
ALTER TABLE "reservation_events" ALTER COLUMN "restaurant_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "reservation_events" ALTER COLUMN "date" DROP NOT NULL;--> statement-breakpoint
CREATE INDEX "reservation_events_limits_idx" ON "reservation_events" USING btree ("id") WHERE "reservation_events"."type" = 'limits';--> statement-breakpoint
ALTER TABLE "reservation_events" ADD CONSTRAINT "reservation_events_place" CHECK ("reservation_events"."type" = 'limits' or ("reservation_events"."restaurant_id" is not null and "reservation_events"."date" is not null));