CREATE TYPE "public"."announcement_audience" AS ENUM('allAdmins', 'organisations');--> statement-breakpoint
CREATE TYPE "public"."calendar_window" AS ENUM('expenseReportDeadline', 'additionalHours', 'hourProposals', 'grantDecisions', 'nextYearTrainings');--> statement-breakpoint
CREATE TABLE "announcement_organisations" (
	"announcement_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	CONSTRAINT "announcement_organisations_announcement_id_organisation_id_pk" PRIMARY KEY("announcement_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "announcements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_fi" text NOT NULL,
	"subject_sv" text DEFAULT '' NOT NULL,
	"subject_en" text DEFAULT '' NOT NULL,
	"body_fi" text NOT NULL,
	"body_sv" text DEFAULT '' NOT NULL,
	"body_en" text DEFAULT '' NOT NULL,
	"audience" "announcement_audience" NOT NULL,
	"recipient_count" integer NOT NULL,
	"sent_by" uuid NOT NULL,
	"sent_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"window" "calendar_window",
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"title_fi" text DEFAULT '' NOT NULL,
	"title_sv" text DEFAULT '' NOT NULL,
	"title_en" text DEFAULT '' NOT NULL,
	"description_fi" text DEFAULT '' NOT NULL,
	"description_sv" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "calendar_events_dates_check" CHECK ("calendar_events"."starts_on" <= "calendar_events"."ends_on")
);
--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "calendar_feeds_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "calendar_reminders" (
	"reminder_key" text NOT NULL,
	"user_id" uuid NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "calendar_reminders_reminder_key_user_id_pk" PRIMARY KEY("reminder_key","user_id")
);
--> statement-breakpoint
CREATE TABLE "calendar_years" (
	"year" integer PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
ALTER TABLE "announcement_organisations" ADD CONSTRAINT "announcement_organisations_announcement_id_announcements_id_fk" FOREIGN KEY ("announcement_id") REFERENCES "public"."announcements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "announcement_organisations" ADD CONSTRAINT "announcement_organisations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "announcements" ADD CONSTRAINT "announcements_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_events" ADD CONSTRAINT "calendar_events_year_calendar_years_year_fk" FOREIGN KEY ("year") REFERENCES "public"."calendar_years"("year") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_reminders" ADD CONSTRAINT "calendar_reminders_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_years" ADD CONSTRAINT "calendar_years_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "announcement_organisations_org_idx" ON "announcement_organisations" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "announcements_sent_idx" ON "announcements" USING btree ("sent_at");--> statement-breakpoint
CREATE INDEX "calendar_events_year_idx" ON "calendar_events" USING btree ("year","starts_on");