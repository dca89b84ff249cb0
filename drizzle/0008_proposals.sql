CREATE TYPE "public"."hour_request_kind" AS ENUM('additional', 'return');--> statement-breakpoint
CREATE TYPE "public"."hour_request_status" AS ENUM('pending', 'decided', 'done');--> statement-breakpoint
CREATE TYPE "public"."proposal_status" AS ENUM('draft', 'submitted', 'returned');--> statement-breakpoint
CREATE TABLE "hour_proposal_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"unit_id" uuid,
	"theme" text DEFAULT '' NOT NULL,
	"hundredths" integer DEFAULT 0 NOT NULL,
	"justification" text DEFAULT '' NOT NULL,
	"delegated" boolean DEFAULT false NOT NULL,
	"ready" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "hour_proposal_lines_hours" CHECK ("hour_proposal_lines"."hundredths" >= 0)
);
--> statement-breakpoint
CREATE TABLE "hour_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"organisation_id" uuid NOT NULL,
	"status" "proposal_status" DEFAULT 'draft' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"return_reason" text DEFAULT '' NOT NULL,
	"returned_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "hour_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" "hour_request_kind" NOT NULL,
	"status" "hour_request_status" NOT NULL,
	"requested_hundredths" integer NOT NULL,
	"justification" text DEFAULT '' NOT NULL,
	"granted_hundredths" integer,
	"decision_reason" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	CONSTRAINT "hour_requests_positive" CHECK ("hour_requests"."requested_hundredths" > 0)
);
--> statement-breakpoint
ALTER TABLE "hour_proposal_lines" ADD CONSTRAINT "hour_proposal_lines_proposal_id_hour_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."hour_proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hour_proposal_lines" ADD CONSTRAINT "hour_proposal_lines_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hour_proposal_lines" ADD CONSTRAINT "hour_proposal_lines_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hour_proposals" ADD CONSTRAINT "hour_proposals_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hour_proposals" ADD CONSTRAINT "hour_proposals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hour_proposals" ADD CONSTRAINT "hour_proposals_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hour_requests" ADD CONSTRAINT "hour_requests_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hour_requests" ADD CONSTRAINT "hour_requests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hour_requests" ADD CONSTRAINT "hour_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "hour_proposal_lines_proposal_idx" ON "hour_proposal_lines" USING btree ("proposal_id");--> statement-breakpoint
CREATE UNIQUE INDEX "hour_proposals_year_organisation" ON "hour_proposals" USING btree ("year","organisation_id");--> statement-breakpoint
CREATE INDEX "hour_requests_organisation_idx" ON "hour_requests" USING btree ("organisation_id","year");--> statement-breakpoint
CREATE INDEX "hour_requests_pending_idx" ON "hour_requests" USING btree ("status","created_at");