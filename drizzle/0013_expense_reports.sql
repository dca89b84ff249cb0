CREATE TYPE "public"."expense_report_event_kind" AS ENUM('submitted', 'returned', 'approved', 'rejected', 'receiptsChecked', 'latePermitted');--> statement-breakpoint
CREATE TYPE "public"."expense_report_status" AS ENUM('draft', 'submitted', 'returned', 'approved', 'rejected');--> statement-breakpoint
CREATE TABLE "expense_audit_seeds" (
	"year" integer PRIMARY KEY NOT NULL,
	"seed" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expense_receipts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" text NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expense_report_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"report_id" uuid NOT NULL,
	"kind" "expense_report_event_kind" NOT NULL,
	"version" integer NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"actor_user_id" uuid,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expense_report_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"breakdown" jsonb NOT NULL,
	"attended_adults" integer NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"submitted_by" uuid
);
--> statement-breakpoint
CREATE TABLE "expense_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"training_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"status" "expense_report_status" DEFAULT 'draft' NOT NULL,
	"content" jsonb NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"realised_hundredths" integer DEFAULT 0 NOT NULL,
	"support_cents" integer DEFAULT 0 NOT NULL,
	"audit" boolean DEFAULT false NOT NULL,
	"late" boolean DEFAULT false NOT NULL,
	"first_submitted_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"late_permitted_at" timestamp with time zone,
	"late_permitted_by" uuid,
	"receipts_checked_at" timestamp with time zone,
	"receipts_checked_by" uuid,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "expense_reports_training_id_unique" UNIQUE("training_id"),
	CONSTRAINT "expense_reports_non_negative" CHECK ("expense_reports"."support_cents" >= 0 AND "expense_reports"."realised_hundredths" >= 0 AND "expense_reports"."version" >= 0)
);
--> statement-breakpoint
CREATE TABLE "reservation_releases" (
	"training_id" uuid PRIMARY KEY NOT NULL,
	"released_on" date NOT NULL
);
--> statement-breakpoint
ALTER TABLE "support_rules" ADD COLUMN "audit_share_basis_points" integer DEFAULT 1000 NOT NULL;--> statement-breakpoint
ALTER TABLE "expense_receipts" ADD CONSTRAINT "expense_receipts_report_id_expense_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."expense_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_receipts" ADD CONSTRAINT "expense_receipts_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_report_events" ADD CONSTRAINT "expense_report_events_report_id_expense_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."expense_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_report_events" ADD CONSTRAINT "expense_report_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_report_versions" ADD CONSTRAINT "expense_report_versions_report_id_expense_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."expense_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_report_versions" ADD CONSTRAINT "expense_report_versions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_reports" ADD CONSTRAINT "expense_reports_training_id_trainings_id_fk" FOREIGN KEY ("training_id") REFERENCES "public"."trainings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_reports" ADD CONSTRAINT "expense_reports_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_reports" ADD CONSTRAINT "expense_reports_late_permitted_by_users_id_fk" FOREIGN KEY ("late_permitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_reports" ADD CONSTRAINT "expense_reports_receipts_checked_by_users_id_fk" FOREIGN KEY ("receipts_checked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_reports" ADD CONSTRAINT "expense_reports_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservation_releases" ADD CONSTRAINT "reservation_releases_training_id_trainings_id_fk" FOREIGN KEY ("training_id") REFERENCES "public"."trainings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "expense_receipts_report_idx" ON "expense_receipts" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "expense_report_events_report_idx" ON "expense_report_events" USING btree ("report_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "expense_report_versions_number" ON "expense_report_versions" USING btree ("report_id","version");--> statement-breakpoint
CREATE INDEX "expense_reports_organisation_idx" ON "expense_reports" USING btree ("organisation_id","year","status");--> statement-breakpoint
CREATE INDEX "expense_reports_queue_idx" ON "expense_reports" USING btree ("status","year","submitted_at");--> statement-breakpoint
CREATE INDEX "reservation_releases_on_idx" ON "reservation_releases" USING btree ("released_on");--> statement-breakpoint
ALTER TABLE "support_rules" ADD CONSTRAINT "support_rules_audit_share" CHECK ("support_rules"."audit_share_basis_points" BETWEEN 0 AND 10000);