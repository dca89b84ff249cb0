CREATE TABLE "support_rules" (
	"year" integer PRIMARY KEY NOT NULL,
	"hourly_rate_cents" integer NOT NULL,
	"cost_cap_basis_points" integer NOT NULL,
	"peer_group_rate_cents" integer NOT NULL,
	"min_teaching_hundredths" integer NOT NULL,
	"min_participants" integer NOT NULL,
	"min_participant_age" integer NOT NULL,
	"peer_min_members" integer NOT NULL,
	"peer_min_hundredths" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "support_rules_year" CHECK ("support_rules"."year" BETWEEN 2000 AND 2100),
	CONSTRAINT "support_rules_positive" CHECK ("support_rules"."hourly_rate_cents" >= 0 AND "support_rules"."peer_group_rate_cents" >= 0 AND "support_rules"."cost_cap_basis_points" BETWEEN 0 AND 10000)
);
--> statement-breakpoint
ALTER TABLE "centre_settings" ADD COLUMN "iban" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "centre_settings" ADD COLUMN "bic" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "centre_settings" ADD COLUMN "updated_by" uuid;