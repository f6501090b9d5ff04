CREATE TABLE "evidence_blob" (
	"sha256" text PRIMARY KEY NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "progress_report" (
	"id" serial PRIMARY KEY NOT NULL,
	"indicator_id" integer,
	"task_id" integer,
	"period_key" text NOT NULL,
	"region_code" text NOT NULL,
	"revision" integer NOT NULL,
	"status" text NOT NULL,
	"value" numeric(20, 6),
	"task_status" text,
	"percent_complete" integer,
	"narrative" text DEFAULT '' NOT NULL,
	"correction_reason" text,
	"submitted_by" integer NOT NULL,
	"submitted_by_department_id" integer,
	"submitted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "progress_report_revision" UNIQUE NULLS NOT DISTINCT("indicator_id","task_id","period_key","region_code","revision"),
	CONSTRAINT "progress_report_one_item" CHECK (("progress_report"."indicator_id" IS NULL) <> ("progress_report"."task_id" IS NULL)),
	CONSTRAINT "progress_report_percent" CHECK ("progress_report"."percent_complete" IS NULL OR ("progress_report"."percent_complete" BETWEEN 0 AND 100))
);
--> statement-breakpoint
CREATE TABLE "report_attachment" (
	"report_id" integer NOT NULL,
	"sha256" text NOT NULL,
	"file_name" text NOT NULL,
	CONSTRAINT "report_attachment_report_id_sha256_pk" PRIMARY KEY("report_id","sha256")
);
--> statement-breakpoint
CREATE TABLE "report_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"report_id" integer NOT NULL,
	"action" text NOT NULL,
	"comment" text,
	"actor_user_id" integer NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reporting_rule" (
	"id" serial PRIMARY KEY NOT NULL,
	"indicator_id" integer,
	"task_id" integer,
	"frequency" text NOT NULL,
	"due_days" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "reporting_rule_one_item" CHECK (("reporting_rule"."indicator_id" IS NULL) <> ("reporting_rule"."task_id" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "target_allocation" (
	"indicator_id" integer NOT NULL,
	"region_code" text NOT NULL,
	"target" numeric(20, 6) NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "target_allocation_indicator_id_region_code_pk" PRIMARY KEY("indicator_id","region_code")
);
--> statement-breakpoint
ALTER TABLE "progress_report" ADD CONSTRAINT "progress_report_indicator_id_indicator_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicator"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_report" ADD CONSTRAINT "progress_report_task_id_task_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."task"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_report" ADD CONSTRAINT "progress_report_region_code_region_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."region"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_report" ADD CONSTRAINT "progress_report_submitted_by_app_user_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_report" ADD CONSTRAINT "progress_report_submitted_by_department_id_department_id_fk" FOREIGN KEY ("submitted_by_department_id") REFERENCES "public"."department"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_attachment" ADD CONSTRAINT "report_attachment_report_id_progress_report_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."progress_report"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_attachment" ADD CONSTRAINT "report_attachment_sha256_evidence_blob_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."evidence_blob"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_event" ADD CONSTRAINT "report_event_report_id_progress_report_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."progress_report"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_event" ADD CONSTRAINT "report_event_actor_user_id_app_user_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_rule" ADD CONSTRAINT "reporting_rule_indicator_id_indicator_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicator"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_rule" ADD CONSTRAINT "reporting_rule_task_id_task_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."task"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_allocation" ADD CONSTRAINT "target_allocation_indicator_id_indicator_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicator"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_allocation" ADD CONSTRAINT "target_allocation_region_code_region_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."region"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "progress_report_item" ON "progress_report" USING btree ("indicator_id","task_id","region_code");--> statement-breakpoint
CREATE INDEX "progress_report_status" ON "progress_report" USING btree ("status");--> statement-breakpoint
CREATE INDEX "report_event_report" ON "report_event" USING btree ("report_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reporting_rule_indicator" ON "reporting_rule" USING btree ("indicator_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reporting_rule_task" ON "reporting_rule" USING btree ("task_id");