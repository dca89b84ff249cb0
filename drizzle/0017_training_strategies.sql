CREATE TABLE "training_strategies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"first_year" integer NOT NULL,
	"last_year" integer NOT NULL,
	"draft" jsonb NOT NULL,
	"draft_saved_at" timestamp with time zone NOT NULL,
	"draft_saved_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	CONSTRAINT "training_strategies_years" CHECK ("training_strategies"."first_year" BETWEEN 2000 AND 2100 AND "training_strategies"."last_year" BETWEEN "training_strategies"."first_year" AND "training_strategies"."first_year" + 9)
);
--> statement-breakpoint
CREATE TABLE "training_strategy_comments" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"version_id" uuid NOT NULL,
	"author_user_id" uuid,
	"body" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_strategy_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"strategy_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"published_by" uuid
);
--> statement-breakpoint
ALTER TABLE "training_strategies" ADD CONSTRAINT "training_strategies_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_strategies" ADD CONSTRAINT "training_strategies_draft_saved_by_users_id_fk" FOREIGN KEY ("draft_saved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_strategies" ADD CONSTRAINT "training_strategies_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_strategy_comments" ADD CONSTRAINT "training_strategy_comments_version_id_training_strategy_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."training_strategy_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_strategy_comments" ADD CONSTRAINT "training_strategy_comments_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_strategy_versions" ADD CONSTRAINT "training_strategy_versions_strategy_id_training_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "public"."training_strategies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_strategy_versions" ADD CONSTRAINT "training_strategy_versions_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "training_strategies_period" ON "training_strategies" USING btree ("organisation_id","first_year","last_year");--> statement-breakpoint
CREATE INDEX "training_strategy_comments_version_idx" ON "training_strategy_comments" USING btree ("version_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_strategy_versions_number" ON "training_strategy_versions" USING btree ("strategy_id","version");