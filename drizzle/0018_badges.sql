CREATE TYPE "public"."badge_application_status" AS ENUM('pending', 'approved', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."badge_awarded_for" AS ENUM('application', 'model');--> statement-breakpoint
CREATE TABLE "badge_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"badge_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"justification" text NOT NULL,
	"status" "badge_application_status" DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"reason" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "badge_credentials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"badge_id" uuid NOT NULL,
	"recipient_email" text NOT NULL,
	"recipient_name" text NOT NULL,
	"language" "language" DEFAULT 'fi' NOT NULL,
	"organisation_id" uuid,
	"application_id" uuid,
	"register_entry_id" uuid,
	"status_list_index" integer NOT NULL,
	"jwt" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"revocation_reason" text DEFAULT '' NOT NULL,
	CONSTRAINT "badge_credentials_application_id_unique" UNIQUE("application_id"),
	CONSTRAINT "badge_credentials_register_entry_id_unique" UNIQUE("register_entry_id"),
	CONSTRAINT "badge_credentials_status_list_index_unique" UNIQUE("status_list_index"),
	CONSTRAINT "badge_credentials_email_lower" CHECK ("badge_credentials"."recipient_email" = lower("badge_credentials"."recipient_email"))
);
--> statement-breakpoint
CREATE TABLE "badge_signing_keys" (
	"key_id" text PRIMARY KEY NOT NULL,
	"public_jwk" jsonb NOT NULL,
	"private_jwk" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "badges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"awarded_for" "badge_awarded_for" NOT NULL,
	"model_id" uuid,
	"name" jsonb NOT NULL,
	"description" jsonb NOT NULL,
	"criteria" jsonb NOT NULL,
	"image" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "badges_model_id_unique" UNIQUE("model_id"),
	CONSTRAINT "badges_model_given" CHECK (("badges"."awarded_for" = 'model') = ("badges"."model_id" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "badge_applications" ADD CONSTRAINT "badge_applications_badge_id_badges_id_fk" FOREIGN KEY ("badge_id") REFERENCES "public"."badges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "badge_applications" ADD CONSTRAINT "badge_applications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "badge_applications" ADD CONSTRAINT "badge_applications_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "badge_applications" ADD CONSTRAINT "badge_applications_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "badge_credentials" ADD CONSTRAINT "badge_credentials_badge_id_badges_id_fk" FOREIGN KEY ("badge_id") REFERENCES "public"."badges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "badge_credentials" ADD CONSTRAINT "badge_credentials_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "badge_credentials" ADD CONSTRAINT "badge_credentials_application_id_badge_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."badge_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "badge_credentials" ADD CONSTRAINT "badge_credentials_register_entry_id_study_register_entries_id_fk" FOREIGN KEY ("register_entry_id") REFERENCES "public"."study_register_entries"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "badge_credentials" ADD CONSTRAINT "badge_credentials_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "badges" ADD CONSTRAINT "badges_model_id_training_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."training_models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "badges" ADD CONSTRAINT "badges_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "badge_applications_one_pending" ON "badge_applications" USING btree ("badge_id","user_id") WHERE "badge_applications"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "badge_applications_status_idx" ON "badge_applications" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "badge_applications_user_idx" ON "badge_applications" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "badge_credentials_email_idx" ON "badge_credentials" USING btree ("recipient_email");--> statement-breakpoint
CREATE UNIQUE INDEX "badge_credentials_one_valid_applied" ON "badge_credentials" USING btree ("badge_id","recipient_email") WHERE "badge_credentials"."revoked_at" IS NULL AND "badge_credentials"."application_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "badge_credentials_badge_idx" ON "badge_credentials" USING btree ("badge_id","issued_at");