ALTER TABLE "support_rules" ADD COLUMN "forbidden_words" text[] DEFAULT '{kokous,retki,leiri}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "trainings" ADD COLUMN "starts_on" date;--> statement-breakpoint
ALTER TABLE "trainings" ADD COLUMN "ends_on" date;--> statement-breakpoint
ALTER TABLE "trainings" ADD COLUMN "copied_from_id" uuid;--> statement-breakpoint
CREATE INDEX "trainings_year_start_idx" ON "trainings" USING btree ("year","starts_on");--> statement-breakpoint
CREATE INDEX "trainings_created_by_idx" ON "trainings" USING btree ("created_by");