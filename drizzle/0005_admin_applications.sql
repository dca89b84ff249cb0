CREATE TYPE "public"."admin_application_status" AS ENUM('draft', 'signed', 'approved', 'rejected');--> statement-breakpoint
CREATE TABLE "admin_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"justification" text NOT NULL,
	"status" "admin_application_status" DEFAULT 'draft' NOT NULL,
	"reviewed_pdf" text NOT NULL,
	"reviewed_sha256" text NOT NULL,
	"signed_pdf" text,
	"created_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_reason" text
);
--> statement-breakpoint
CREATE TABLE "signature_records" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"signer_user_id" uuid NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"ip" text,
	"method" text NOT NULL,
	"sha256" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "admin_applications" ADD CONSTRAINT "admin_applications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admin_applications" ADD CONSTRAINT "admin_applications_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admin_applications" ADD CONSTRAINT "admin_applications_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signature_records" ADD CONSTRAINT "signature_records_application_id_admin_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."admin_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signature_records" ADD CONSTRAINT "signature_records_signer_user_id_users_id_fk" FOREIGN KEY ("signer_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "admin_applications_status_idx" ON "admin_applications" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "admin_applications_user_idx" ON "admin_applications" USING btree ("user_id");