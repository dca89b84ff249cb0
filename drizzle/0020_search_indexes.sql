DROP INDEX "training_participants_email_lookup_idx";--> statement-breakpoint
CREATE INDEX "trainings_name_idx" ON "trainings" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "trainings_name_trgm_idx" ON "trainings" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "training_participants_email_lookup_idx" ON "training_participants" USING btree (lower("email"));