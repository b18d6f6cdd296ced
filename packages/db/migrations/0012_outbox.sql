CREATE TABLE "app_secrets" (
	"name" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox_attempts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "outbox_attempts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"message_id" uuid NOT NULL,
	"attempt" integer NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ok" boolean NOT NULL,
	"response_status" integer,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "outbox_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reservation_id" uuid NOT NULL,
	"restaurant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"channel" text NOT NULL,
	"endpoint_id" uuid,
	"version" integer NOT NULL,
	"reminder_minutes" integer DEFAULT 0 NOT NULL,
	"event_type" text,
	"recipient" text,
	"language" text DEFAULT 'es-CO' NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"due_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lease_until" timestamp with time zone,
	"last_error" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outbox_messages_once" UNIQUE NULLS NOT DISTINCT("reservation_id","kind","channel","endpoint_id","version","reminder_minutes"),
	CONSTRAINT "outbox_messages_kind_known" CHECK ("outbox_messages"."kind" in ('confirmation', 'change', 'cancellation', 'reminder')),
	CONSTRAINT "outbox_messages_channel_known" CHECK ("outbox_messages"."channel" in ('email', 'webhook')),
	CONSTRAINT "outbox_messages_status_known" CHECK ("outbox_messages"."status" in ('pending', 'sending', 'sent', 'dead', 'dropped')),
	CONSTRAINT "outbox_messages_language_known" CHECK ("outbox_messages"."language" in ('es-CO', 'en')),
	CONSTRAINT "outbox_messages_event_type_known" CHECK ("outbox_messages"."event_type" is null or "outbox_messages"."event_type" in ('reservation.created', 'reservation.updated', 'reservation.moved', 'reservation.cancelled')),
	CONSTRAINT "outbox_messages_channel_target" CHECK (("outbox_messages"."channel" = 'email') = ("outbox_messages"."recipient" is not null) and ("outbox_messages"."channel" = 'webhook') = ("outbox_messages"."endpoint_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "webhook_endpoints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"url" text NOT NULL,
	"events" jsonb NOT NULL,
	"secret" text NOT NULL,
	"previous_secret" text,
	"previous_secret_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "webhook_endpoints_url_scheme" CHECK ("webhook_endpoints"."url" ~ '^https?://')
);
--> statement-breakpoint
ALTER TABLE "reservations" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "reservations" ADD COLUMN "language" text;--> statement-breakpoint
ALTER TABLE "restaurants" ADD COLUMN "reminders" jsonb DEFAULT '[1440,120]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox_attempts" ADD CONSTRAINT "outbox_attempts_message_id_outbox_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."outbox_messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_endpoint_id_webhook_endpoints_id_fk" FOREIGN KEY ("endpoint_id") REFERENCES "public"."webhook_endpoints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outbox_attempts_message_idx" ON "outbox_attempts" USING btree ("message_id","attempt");--> statement-breakpoint
CREATE INDEX "outbox_messages_due_idx" ON "outbox_messages" USING btree ("channel","due_at") WHERE "outbox_messages"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "outbox_messages_lease_idx" ON "outbox_messages" USING btree ("lease_until") WHERE "outbox_messages"."status" = 'sending';--> statement-breakpoint
CREATE INDEX "outbox_messages_reservation_idx" ON "outbox_messages" USING btree ("reservation_id");--> statement-breakpoint
CREATE INDEX "outbox_messages_created_idx" ON "outbox_messages" USING btree ("created_at");--> statement-breakpoint
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_language_known" CHECK ("reservations"."language" is null or "reservations"."language" in ('es-CO', 'en'));--> statement-breakpoint
-- Every update of a reservation, by any writer, is a new version: an outbox row names the version it
-- reports (outbox_messages_once), so the same change is never queued twice.
CREATE FUNCTION "tablebook_reservation_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.version := OLD.version + 1;
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER "reservations_version" BEFORE UPDATE ON "reservations"
  FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION "tablebook_reservation_version"();--> statement-breakpoint
ALTER TABLE "restaurants" ADD CONSTRAINT "restaurants_reminders_list" CHECK (jsonb_typeof("reminders") = 'array' and jsonb_array_length("reminders") <= 5);
