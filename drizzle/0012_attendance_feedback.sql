CREATE TYPE "public"."attendance_mode" AS ENUM('list', 'counts');--> statement-breakpoint
CREATE TABLE "feedback_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"training_id" uuid NOT NULL,
	"grade" smallint NOT NULL,
	"good" text DEFAULT '' NOT NULL,
	"improve" text DEFAULT '' NOT NULL,
	"answered_on" date NOT NULL,
	CONSTRAINT "feedback_answers_grade" CHECK ("feedback_answers"."grade" BETWEEN 1 AND 5)
);
--> statement-breakpoint
CREATE TABLE "feedback_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"training_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used" boolean DEFAULT false NOT NULL,
	CONSTRAINT "feedback_links_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "session_attendance" (
	"training_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"session_date" date NOT NULL,
	"session_start" text NOT NULL,
	CONSTRAINT "session_attendance_participant_id_session_date_session_start_pk" PRIMARY KEY("participant_id","session_date","session_start")
);
--> statement-breakpoint
CREATE TABLE "session_attendance_counts" (
	"training_id" uuid NOT NULL,
	"session_date" date NOT NULL,
	"session_start" text NOT NULL,
	"adults" integer NOT NULL,
	"minors" integer NOT NULL,
	CONSTRAINT "session_attendance_counts_training_id_session_date_session_start_pk" PRIMARY KEY("training_id","session_date","session_start"),
	CONSTRAINT "session_attendance_counts_non_negative" CHECK ("session_attendance_counts"."adults" >= 0 AND "session_attendance_counts"."minors" >= 0)
);
--> statement-breakpoint
ALTER TABLE "trainings" ADD COLUMN "attendance_mode" "attendance_mode" DEFAULT 'list' NOT NULL;--> statement-breakpoint
ALTER TABLE "trainings" ADD COLUMN "feedback_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "feedback_answers" ADD CONSTRAINT "feedback_answers_training_id_trainings_id_fk" FOREIGN KEY ("training_id") REFERENCES "public"."trainings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_links" ADD CONSTRAINT "feedback_links_training_id_trainings_id_fk" FOREIGN KEY ("training_id") REFERENCES "public"."trainings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_attendance" ADD CONSTRAINT "session_attendance_training_id_trainings_id_fk" FOREIGN KEY ("training_id") REFERENCES "public"."trainings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_attendance" ADD CONSTRAINT "session_attendance_participant_id_training_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."training_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_attendance_counts" ADD CONSTRAINT "session_attendance_counts_training_id_trainings_id_fk" FOREIGN KEY ("training_id") REFERENCES "public"."trainings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "feedback_answers_training_idx" ON "feedback_answers" USING btree ("training_id");--> statement-breakpoint
CREATE INDEX "feedback_links_training_idx" ON "feedback_links" USING btree ("training_id");--> statement-breakpoint
CREATE INDEX "session_attendance_training_idx" ON "session_attendance" USING btree ("training_id","session_date");