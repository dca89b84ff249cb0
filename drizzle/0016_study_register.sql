CREATE TYPE "public"."result_outcome" AS ENUM('passed', 'failed');--> statement-breakpoint
CREATE TABLE "participant_profiles" (
	"email" text PRIMARY KEY NOT NULL,
	"language" "language" DEFAULT 'fi' NOT NULL,
	"consent_withdrawn_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "participant_profiles_email_lower" CHECK ("participant_profiles"."email" = lower("participant_profiles"."email"))
);
--> statement-breakpoint
CREATE TABLE "portal_links" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "portal_sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "register_consents" (
	"participant_id" uuid PRIMARY KEY NOT NULL,
	"consented_at" timestamp with time zone,
	"request_token_hash" text,
	"requested_at" timestamp with time zone,
	CONSTRAINT "register_consents_request_token_hash_unique" UNIQUE("request_token_hash")
);
--> statement-breakpoint
CREATE TABLE "study_register_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid,
	"training_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"model_version_id" uuid NOT NULL,
	"person_name" text NOT NULL,
	"person_email" text NOT NULL,
	"organisation_name" text NOT NULL,
	"model_name" text NOT NULL,
	"credit_tenths" integer NOT NULL,
	"outcomes" jsonb NOT NULL,
	"first_day" date NOT NULL,
	"completed_on" date NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"verification_code" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "study_register_entries_participant_id_unique" UNIQUE("participant_id"),
	CONSTRAINT "study_register_entries_verification_code_unique" UNIQUE("verification_code"),
	CONSTRAINT "study_register_entries_email_lower" CHECK ("study_register_entries"."person_email" = lower("study_register_entries"."person_email")),
	CONSTRAINT "study_register_entries_credits" CHECK ("study_register_entries"."credit_tenths" > 0)
);
--> statement-breakpoint
CREATE TABLE "training_results" (
	"participant_id" uuid PRIMARY KEY NOT NULL,
	"training_id" uuid NOT NULL,
	"outcome" "result_outcome" NOT NULL,
	"justification" text DEFAULT '' NOT NULL,
	"marked_by" uuid,
	"marked_at" timestamp with time zone NOT NULL,
	"corrected_by" uuid,
	"corrected_at" timestamp with time zone,
	CONSTRAINT "training_results_failed_justified" CHECK ("training_results"."outcome" = 'passed' OR length(btrim("training_results"."justification")) > 0)
);
--> statement-breakpoint
CREATE TABLE "withdrawn_certificates" (
	"verification_code" text PRIMARY KEY NOT NULL,
	"withdrawn_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "register_consents" ADD CONSTRAINT "register_consents_participant_id_training_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."training_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_register_entries" ADD CONSTRAINT "study_register_entries_participant_id_training_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."training_participants"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_register_entries" ADD CONSTRAINT "study_register_entries_training_id_trainings_id_fk" FOREIGN KEY ("training_id") REFERENCES "public"."trainings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_register_entries" ADD CONSTRAINT "study_register_entries_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_register_entries" ADD CONSTRAINT "study_register_entries_model_version_id_training_model_versions_id_fk" FOREIGN KEY ("model_version_id") REFERENCES "public"."training_model_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_results" ADD CONSTRAINT "training_results_participant_id_training_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."training_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_results" ADD CONSTRAINT "training_results_training_id_trainings_id_fk" FOREIGN KEY ("training_id") REFERENCES "public"."trainings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_results" ADD CONSTRAINT "training_results_marked_by_users_id_fk" FOREIGN KEY ("marked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_results" ADD CONSTRAINT "training_results_corrected_by_users_id_fk" FOREIGN KEY ("corrected_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "portal_links_email_idx" ON "portal_links" USING btree ("email");--> statement-breakpoint
CREATE INDEX "portal_sessions_email_idx" ON "portal_sessions" USING btree ("email");--> statement-breakpoint
CREATE INDEX "study_register_entries_email_idx" ON "study_register_entries" USING btree ("person_email");--> statement-breakpoint
CREATE INDEX "study_register_entries_training_idx" ON "study_register_entries" USING btree ("training_id");--> statement-breakpoint
CREATE INDEX "study_register_entries_organisation_idx" ON "study_register_entries" USING btree ("organisation_id","completed_on");--> statement-breakpoint
CREATE INDEX "training_results_training_idx" ON "training_results" USING btree ("training_id");--> statement-breakpoint
CREATE INDEX "training_participants_email_lookup_idx" ON "training_participants" USING btree (lower("email")) WHERE "training_participants"."email" <> '';