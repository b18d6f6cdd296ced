-- The rate limits' counters, shared by every server process on this database (issue 15). Created here,
-- under the migrations' advisory lock, rather than by rate-limiter-flexible's own CREATE TABLE IF NOT
-- EXISTS, which races when several processes start at once.
CREATE TABLE "rate_limits" (
	"key" varchar(255) PRIMARY KEY NOT NULL,
	"points" integer DEFAULT 0 NOT NULL,
	"expire" bigint
);
--> statement-breakpoint
CREATE INDEX "rate_limits_expire_idx" ON "rate_limits" USING btree ("expire");