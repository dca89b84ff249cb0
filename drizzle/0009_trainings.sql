CREATE TYPE "public"."training_mode" AS ENUM('onSite', 'online', 'hybrid');--> statement-breakpoint
CREATE TYPE "public"."training_status" AS ENUM('draft', 'submitted', 'ongoing', 'ended', 'reported', 'approved', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."training_type" AS ENUM('course', 'lecture', 'peerGroup', 'onlineCourse', 'other');--> statement-breakpoint
CREATE TABLE "training_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"training_id" uuid NOT NULL,
	"date" date NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	"break_minutes" integer DEFAULT 0 NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"online_link" text DEFAULT '' NOT NULL,
	CONSTRAINT "training_sessions_break" CHECK ("training_sessions"."break_minutes" >= 0)
);
--> statement-breakpoint
CREATE TABLE "trainings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"type" "training_type" NOT NULL,
	"mode" "training_mode" NOT NULL,
	"topic_class" text DEFAULT '' NOT NULL,
	"target_group" text DEFAULT '' NOT NULL,
	"learning_goals" text DEFAULT '' NOT NULL,
	"planned_participants" integer DEFAULT 0 NOT NULL,
	"responsible_name" text DEFAULT '' NOT NULL,
	"price_cents" integer DEFAULT 0 NOT NULL,
	"no_other_state_funding" boolean DEFAULT false NOT NULL,
	"not_sold_to_companies" boolean DEFAULT false NOT NULL,
	"no_vocational_qualification" boolean DEFAULT false NOT NULL,
	"status" "training_status" DEFAULT 'draft' NOT NULL,
	"teaching_minutes" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone,
	CONSTRAINT "trainings_non_negative" CHECK ("trainings"."planned_participants" >= 0 AND "trainings"."price_cents" >= 0 AND "trainings"."teaching_minutes" >= 0)
);
--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_training_id_trainings_id_fk" FOREIGN KEY ("training_id") REFERENCES "public"."trainings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainings" ADD CONSTRAINT "trainings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainings" ADD CONSTRAINT "trainings_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainings" ADD CONSTRAINT "trainings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "training_sessions_training_idx" ON "training_sessions" USING btree ("training_id","date");--> statement-breakpoint
CREATE INDEX "trainings_organisation_idx" ON "trainings" USING btree ("organisation_id","year","status");--> statement-breakpoint
CREATE INDEX "trainings_unit_idx" ON "trainings" USING btree ("unit_id","year");