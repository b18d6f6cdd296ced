-- Event ids from a sequence instead of the single event_counter row (issue 19). Every writer used to
-- update that row last in its transaction and hold its lock until commit, so commits of unrelated days
-- and restaurants queued behind each other. nextval holds no lock until commit; ids are no longer in
-- commit order, and the reader delivers in id order only up to the first id still being written (api
-- events/hub.ts). The sequence goes on from the last id the counter handed out.
CREATE SEQUENCE "public"."reservation_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
SELECT setval('"public"."reservation_events_id_seq"', greatest(last, 1), last > 0)
  FROM (SELECT greatest((SELECT coalesce(max(last_event_id), 0) FROM "event_counter"),
                        (SELECT coalesce(max(id), 0) FROM "reservation_events")) AS last) AS handed_out;--> statement-breakpoint
ALTER SEQUENCE "public"."reservation_events_id_seq" OWNED BY "reservation_events"."id";--> statement-breakpoint
DROP TABLE "event_counter" CASCADE;--> statement-breakpoint
ALTER TABLE "reservation_events" ALTER COLUMN "id" SET DEFAULT nextval('reservation_events_id_seq');
