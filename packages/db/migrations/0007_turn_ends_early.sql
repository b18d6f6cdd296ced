-- A timed reservation closed (completed, no-show) before its turn ends is shortened to now, or to its start: an
-- empty range (ends = starts) holds the table at no instant, so the exclusion constraint never sees it.
ALTER TABLE "reservations" DROP CONSTRAINT "reservations_range_ordered";--> statement-breakpoint
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_range_ordered" CHECK ("reservations"."ends_at" >= "reservations"."starts_at");