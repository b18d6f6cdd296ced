CREATE TABLE "event_counter" (
	"id" integer PRIMARY KEY NOT NULL,
	"last_event_id" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "event_counter_single_row" CHECK ("event_counter"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "reservation_events" (
	"id" bigint PRIMARY KEY NOT NULL,
	"restaurant_id" uuid NOT NULL,
	"date" date NOT NULL,
	"previous_date" date,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "reservation_events" ADD CONSTRAINT "reservation_events_restaurant_id_restaurants_id_fk" FOREIGN KEY ("restaurant_id") REFERENCES "public"."restaurants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reservation_events_restaurant_idx" ON "reservation_events" USING btree ("restaurant_id","id");--> statement-breakpoint
CREATE INDEX "reservation_events_created_idx" ON "reservation_events" USING btree ("created_at");--> statement-breakpoint
INSERT INTO "event_counter" ("id", "last_event_id") VALUES (1, 0) ON CONFLICT DO NOTHING;
