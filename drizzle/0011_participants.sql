CREATE TYPE "public"."gender" AS ENUM('female', 'male', 'other');--> statement-breakpoint
CREATE TYPE "public"."participant_source" AS ENUM('registration', 'trainer');--> statement-breakpoint
CREATE TYPE "public"."participant_status" AS ENUM('registered', 'waiting', 'cancelled');--> statement-breakpoint
CREATE TABLE "rate_limit_hits" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"arrival" integer GENERATED ALWAYS AS IDENTITY (sequence name "training_participants_arrival_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"training_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"birth_year" integer NOT NULL,
	"municipality" text NOT NULL,
	"gender" "gender",
	"first_time_this_year" boolean NOT NULL,
	"status" "participant_status" NOT NULL,
	"source" "participant_source" NOT NULL,
	"consented_at" timestamp with time zone,
	"language" "language" DEFAULT 'fi' NOT NULL,
	"cancel_token_hash" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"cancelled_at" timestamp with time zone,
	CONSTRAINT "training_participants_cancel_token_hash_unique" UNIQUE("cancel_token_hash"),
	CONSTRAINT "training_participants_birth_year" CHECK ("training_participants"."birth_year" BETWEEN 1900 AND 2100)
);
--> statement-breakpoint
ALTER TABLE "trainings" ADD COLUMN "is_public" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "trainings" ADD COLUMN "capacity" integer;--> statement-breakpoint
ALTER TABLE "trainings" ADD COLUMN "registration_ends_on" date;--> statement-breakpoint
ALTER TABLE "trainings" ADD COLUMN "region" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "training_participants" ADD CONSTRAINT "training_participants_training_id_trainings_id_fk" FOREIGN KEY ("training_id") REFERENCES "public"."trainings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_participants" ADD CONSTRAINT "training_participants_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_participants" ADD CONSTRAINT "training_participants_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rate_limit_hits_key_idx" ON "rate_limit_hits" USING btree ("key","at");--> statement-breakpoint
CREATE INDEX "training_participants_training_idx" ON "training_participants" USING btree ("training_id","status","arrival");--> statement-breakpoint
CREATE INDEX "training_participants_organisation_idx" ON "training_participants" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_participants_email_idx" ON "training_participants" USING btree ("training_id",lower("email")) WHERE "training_participants"."email" <> '' AND "training_participants"."status" <> 'cancelled';--> statement-breakpoint
CREATE INDEX "trainings_public_idx" ON "trainings" USING btree ("starts_on") WHERE "trainings"."is_public";--> statement-breakpoint
CREATE INDEX "trainings_public_ends_idx" ON "trainings" USING btree ("ends_on") WHERE "trainings"."is_public";--> statement-breakpoint
ALTER TABLE "trainings" ADD CONSTRAINT "trainings_capacity" CHECK ("trainings"."capacity" IS NULL OR "trainings"."capacity" > 0);