CREATE TYPE "public"."payment_batch_status" AS ENUM('created', 'paid', 'cancelled');--> statement-breakpoint
CREATE TABLE "payment_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"status" "payment_batch_status" DEFAULT 'created' NOT NULL,
	"execution_date" date NOT NULL,
	"debtor_name" text NOT NULL,
	"debtor_iban" text NOT NULL,
	"debtor_bic" text NOT NULL,
	"payment_count" integer NOT NULL,
	"total_cents" bigint NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"export_count" integer DEFAULT 0 NOT NULL,
	"last_exported_at" timestamp with time zone,
	"paid_on" date,
	"marked_paid_by" uuid,
	"marked_paid_at" timestamp with time zone,
	"cancelled_by" uuid,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text DEFAULT '' NOT NULL,
	CONSTRAINT "payment_batches_reference_unique" UNIQUE("reference"),
	CONSTRAINT "payment_batches_totals" CHECK ("payment_batches"."total_cents" > 0 AND "payment_batches"."payment_count" > 0)
);
--> statement-breakpoint
CREATE TABLE "payment_reports" (
	"payment_id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"training_id" uuid NOT NULL,
	"amount_cents" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "payment_reports_payment_id_report_id_pk" PRIMARY KEY("payment_id","report_id")
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"batch_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"creditor_name" text NOT NULL,
	"iban" text NOT NULL,
	"bic" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"report_count" integer NOT NULL,
	"end_to_end_id" text NOT NULL,
	"remittance_info" text NOT NULL,
	CONSTRAINT "payments_amount" CHECK ("payments"."amount_cents" > 0 AND char_length("payments"."remittance_info") <= 140 AND char_length("payments"."end_to_end_id") <= 35)
);
--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "attachments" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "expense_reports" ADD COLUMN "payment_id" uuid;--> statement-breakpoint
ALTER TABLE "payment_batches" ADD CONSTRAINT "payment_batches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_batches" ADD CONSTRAINT "payment_batches_marked_paid_by_users_id_fk" FOREIGN KEY ("marked_paid_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_batches" ADD CONSTRAINT "payment_batches_cancelled_by_users_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_reports" ADD CONSTRAINT "payment_reports_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_reports" ADD CONSTRAINT "payment_reports_report_id_expense_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."expense_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_reports" ADD CONSTRAINT "payment_reports_training_id_trainings_id_fk" FOREIGN KEY ("training_id") REFERENCES "public"."trainings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_batch_id_payment_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."payment_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payment_batches_created_idx" ON "payment_batches" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_reports_active_report" ON "payment_reports" USING btree ("report_id") WHERE "payment_reports"."active";--> statement-breakpoint
CREATE INDEX "payment_reports_training_idx" ON "payment_reports" USING btree ("training_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_batch_organisation" ON "payments" USING btree ("batch_id","organisation_id");--> statement-breakpoint
CREATE INDEX "payments_organisation_idx" ON "payments" USING btree ("organisation_id");--> statement-breakpoint
ALTER TABLE "expense_reports" ADD CONSTRAINT "expense_reports_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "expense_reports_unpaid_idx" ON "expense_reports" USING btree ("organisation_id") WHERE "expense_reports"."status" = 'approved' AND "expense_reports"."support_cents" > 0 AND "expense_reports"."payment_id" IS NULL;