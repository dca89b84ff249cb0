CREATE TYPE "public"."model_comment_side" AS ENUM('organisation', 'centre');--> statement-breakpoint
CREATE TYPE "public"."model_status" AS ENUM('draft', 'submitted', 'inReview', 'returned', 'approved', 'rejected');--> statement-breakpoint
CREATE TABLE "training_model_comments" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"version_id" uuid NOT NULL,
	"side" "model_comment_side" NOT NULL,
	"author_user_id" uuid,
	"body" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_model_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"model_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" "model_status" DEFAULT 'draft' NOT NULL,
	"content" jsonb NOT NULL,
	"workload_thousandths" integer DEFAULT 0 NOT NULL,
	"credit_tenths" integer,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"reviewer_id" uuid,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "training_model_versions_figures" CHECK ("training_model_versions"."workload_thousandths" >= 0 AND ("training_model_versions"."status" <> 'approved' OR "training_model_versions"."credit_tenths" >= 10))
);
--> statement-breakpoint
CREATE TABLE "training_models" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "trainings" ADD COLUMN "model_version_id" uuid;--> statement-breakpoint
ALTER TABLE "training_model_comments" ADD CONSTRAINT "training_model_comments_version_id_training_model_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."training_model_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_model_comments" ADD CONSTRAINT "training_model_comments_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_model_versions" ADD CONSTRAINT "training_model_versions_model_id_training_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."training_models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_model_versions" ADD CONSTRAINT "training_model_versions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_model_versions" ADD CONSTRAINT "training_model_versions_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_model_versions" ADD CONSTRAINT "training_model_versions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_models" ADD CONSTRAINT "training_models_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_models" ADD CONSTRAINT "training_models_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "training_model_comments_version_idx" ON "training_model_comments" USING btree ("version_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_model_versions_number" ON "training_model_versions" USING btree ("model_id","version");--> statement-breakpoint
CREATE INDEX "training_model_versions_status_idx" ON "training_model_versions" USING btree ("status","submitted_at");--> statement-breakpoint
CREATE INDEX "training_models_organisation_idx" ON "training_models" USING btree ("organisation_id");--> statement-breakpoint
ALTER TABLE "trainings" ADD CONSTRAINT "trainings_model_version_id_training_model_versions_id_fk" FOREIGN KEY ("model_version_id") REFERENCES "public"."training_model_versions"("id") ON DELETE no action ON UPDATE no action;