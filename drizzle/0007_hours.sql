CREATE TYPE "public"."hour_account_kind" AS ENUM('source', 'centre', 'pool', 'unit', 'peerQuota', 'reserved', 'used');--> statement-breakpoint
CREATE TYPE "public"."hour_decision_status" AS ENUM('draft', 'published');--> statement-breakpoint
CREATE TYPE "public"."hour_transfer_kind" AS ENUM('budget', 'budgetReduction', 'grant', 'additionalGrant', 'return', 'quota', 'quotaReduction', 'allocation', 'allocationBack', 'reservation', 'release', 'realisation');--> statement-breakpoint
CREATE TABLE "hour_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"kind" "hour_account_kind" NOT NULL,
	"key" text NOT NULL,
	"organisation_id" uuid,
	"unit_id" uuid,
	"training_id" uuid,
	"drawn_from_id" uuid
);
--> statement-breakpoint
CREATE TABLE "hour_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"organisation_id" uuid NOT NULL,
	"granted_hundredths" integer NOT NULL,
	"decision_text" text DEFAULT '' NOT NULL,
	"status" "hour_decision_status" DEFAULT 'draft' NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"organisation_name" text,
	"business_id" text,
	"publisher_name" text,
	CONSTRAINT "hour_decisions_granted_non_negative" CHECK ("hour_decisions"."granted_hundredths" >= 0)
);
--> statement-breakpoint
CREATE TABLE "hour_transfers" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"kind" "hour_transfer_kind" NOT NULL,
	"from_account_id" uuid NOT NULL,
	"to_account_id" uuid NOT NULL,
	"hundredths" integer NOT NULL,
	"actor_user_id" uuid,
	"at" timestamp with time zone NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	CONSTRAINT "hour_transfers_positive" CHECK ("hour_transfers"."hundredths" > 0),
	CONSTRAINT "hour_transfers_two_accounts" CHECK ("hour_transfers"."from_account_id" <> "hour_transfers"."to_account_id")
);
--> statement-breakpoint
ALTER TABLE "hour_accounts" ADD CONSTRAINT "hour_accounts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hour_accounts" ADD CONSTRAINT "hour_accounts_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hour_decisions" ADD CONSTRAINT "hour_decisions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hour_decisions" ADD CONSTRAINT "hour_decisions_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hour_decisions" ADD CONSTRAINT "hour_decisions_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hour_transfers" ADD CONSTRAINT "hour_transfers_from_account_id_hour_accounts_id_fk" FOREIGN KEY ("from_account_id") REFERENCES "public"."hour_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hour_transfers" ADD CONSTRAINT "hour_transfers_to_account_id_hour_accounts_id_fk" FOREIGN KEY ("to_account_id") REFERENCES "public"."hour_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hour_transfers" ADD CONSTRAINT "hour_transfers_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "hour_accounts_key" ON "hour_accounts" USING btree ("year","key");--> statement-breakpoint
CREATE INDEX "hour_accounts_organisation_idx" ON "hour_accounts" USING btree ("organisation_id","year");--> statement-breakpoint
CREATE INDEX "hour_accounts_training_idx" ON "hour_accounts" USING btree ("training_id");--> statement-breakpoint
CREATE UNIQUE INDEX "hour_decisions_year_organisation" ON "hour_decisions" USING btree ("year","organisation_id");--> statement-breakpoint
CREATE INDEX "hour_transfers_from_idx" ON "hour_transfers" USING btree ("from_account_id");--> statement-breakpoint
CREATE INDEX "hour_transfers_to_idx" ON "hour_transfers" USING btree ("to_account_id");--> statement-breakpoint
CREATE INDEX "hour_transfers_year_idx" ON "hour_transfers" USING btree ("year","at");