-- A guest cancels with the code alone (issue 16): the lookup is by the code's SHA-256, so it needs an
-- index, and a code must name one booking (unique; reservations booked before 0003 have no code).
CREATE UNIQUE INDEX "reservations_cancellation_code_idx" ON "reservations" USING btree ("cancellation_code_hash") WHERE "reservations"."cancellation_code_hash" is not null;