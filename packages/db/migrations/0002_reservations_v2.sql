CREATE TABLE "idempotency_keys" (
	"scope" varchar(300) NOT NULL,
	"key" varchar(255) NOT NULL,
	"request_hash" varchar(64) NOT NULL,
	"response_status" integer NOT NULL,
	"response_body" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_pk" PRIMARY KEY("scope","key")
);
--> statement-breakpoint
CREATE TABLE "restaurant_tables" (
	"restaurant_id" uuid NOT NULL,
	"label" varchar(2) NOT NULL,
	"seats" integer NOT NULL,
	CONSTRAINT "restaurant_tables_pk" PRIMARY KEY("restaurant_id","label"),
	CONSTRAINT "restaurant_tables_seats_range" CHECK ("restaurant_tables"."seats" between 1 and 20),
	CONSTRAINT "restaurant_tables_label_normalised" CHECK (char_length("restaurant_tables"."label") between 1 and 2 and "restaurant_tables"."label" = upper(btrim("restaurant_tables"."label")))
);
--> statement-breakpoint
DROP INDEX "reservations_table_per_day";--> statement-breakpoint
ALTER TABLE "reservations" ADD COLUMN "guest_name" varchar(120);--> statement-breakpoint
ALTER TABLE "reservations" ADD COLUMN "guest_phone" varchar(32);--> statement-breakpoint
ALTER TABLE "reservations" ADD COLUMN "guest_email" varchar(254);--> statement-breakpoint
ALTER TABLE "reservations" ADD COLUMN "party_size" integer DEFAULT 2 NOT NULL;--> statement-breakpoint
ALTER TABLE "reservations" ADD COLUMN "notes" varchar(500);--> statement-breakpoint
ALTER TABLE "reservations" ADD COLUMN "status" text DEFAULT 'confirmed' NOT NULL;--> statement-breakpoint
ALTER TABLE "reservations" ADD COLUMN "cancel_reason" varchar(500);--> statement-breakpoint
ALTER TABLE "reservations" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "restaurant_tables" ADD CONSTRAINT "restaurant_tables_restaurant_id_restaurants_id_fk" FOREIGN KEY ("restaurant_id") REFERENCES "public"."restaurants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idempotency_keys_created_idx" ON "idempotency_keys" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "reservations_restaurant_date_idx" ON "reservations" USING btree ("restaurant_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "reservations_table_per_day" ON "reservations" USING btree ("restaurant_id","date","table_label") WHERE "reservations"."status" <> 'cancelled';--> statement-breakpoint
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_party_size_range" CHECK ("reservations"."party_size" between 1 and 20);--> statement-breakpoint
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_status_known" CHECK ("reservations"."status" in ('confirmed', 'seated', 'completed', 'cancelled', 'no_show'));--> statement-breakpoint
-- Restaurants created before layouts existed get the default floor: A0–A3, B0–B3, C0–C3, D0–D2, 4 seats each.
INSERT INTO "restaurant_tables" ("restaurant_id", "label", "seats")
SELECT "restaurants"."id", "layout"."label", 4
FROM "restaurants"
CROSS JOIN (VALUES ('A0'), ('A1'), ('A2'), ('A3'), ('B0'), ('B1'), ('B2'), ('B3'), ('C0'), ('C1'), ('C2'), ('C3'), ('D0'), ('D1'), ('D2')) AS "layout"("label")
ON CONFLICT DO NOTHING;
