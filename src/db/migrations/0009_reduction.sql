CREATE TABLE "reduction_dispatch" (
	"id" serial PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"month" text NOT NULL,
	"revision" integer NOT NULL,
	"status" text NOT NULL,
	"project_status" text NOT NULL,
	"dates" jsonb NOT NULL,
	"progress_note" text DEFAULT '' NOT NULL,
	"progress_pct" numeric(6, 2),
	"params" jsonb NOT NULL,
	"claimed" jsonb NOT NULL,
	"offsets" jsonb NOT NULL,
	"baseline_explanation" text DEFAULT '' NOT NULL,
	"correction_reason" text,
	"accounting" jsonb NOT NULL,
	"submitted_by" integer NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "reduction_dispatch_revision" UNIQUE("project_id","month","revision"),
	CONSTRAINT "reduction_dispatch_month_format" CHECK ("reduction_dispatch"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')
);
--> statement-breakpoint
CREATE TABLE "reduction_dispatch_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"dispatch_id" integer NOT NULL,
	"action" text NOT NULL,
	"comment" text,
	"actor_user_id" integer NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reduction_evidence" (
	"project_id" integer NOT NULL,
	"sha256" text NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"uploaded_by" integer NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "reduction_evidence_project_id_sha256_kind_pk" PRIMARY KEY("project_id","sha256","kind")
);
--> statement-breakpoint
CREATE TABLE "reduction_ledger" (
	"project_id" integer NOT NULL,
	"year" integer NOT NULL,
	"pollutant" text NOT NULL,
	"region_code" text NOT NULL,
	"measure_type" text NOT NULL,
	"uscc" text NOT NULL,
	"outlet" text NOT NULL,
	"reduction_t" numeric(20, 6) NOT NULL,
	"offset_t" numeric(20, 6) NOT NULL,
	"countable_t" numeric(20, 6) NOT NULL,
	"rejection_code" text,
	"rejection_reason" text,
	"dispatch_id" integer NOT NULL,
	"month" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "reduction_ledger_project_id_year_pollutant_pk" PRIMARY KEY("project_id","year","pollutant")
);
--> statement-breakpoint
CREATE TABLE "reduction_project" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"region_code" text NOT NULL,
	"name" text NOT NULL,
	"measure_type" text NOT NULL,
	"method" text NOT NULL,
	"pollutants" jsonb NOT NULL,
	"enterprise_id" integer,
	"facility_name" text NOT NULL,
	"uscc" text DEFAULT '' NOT NULL,
	"outlet" text DEFAULT '' NOT NULL,
	"longitude" double precision,
	"latitude" double precision,
	"address" text DEFAULT '' NOT NULL,
	"station_mn" text DEFAULT '' NOT NULL,
	"params" jsonb NOT NULL,
	"baseline" jsonb NOT NULL,
	"baseline_source" text DEFAULT '' NOT NULL,
	"planned_start" date,
	"planned_completion" date,
	"planned" jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"registered_at" timestamp with time zone,
	"status" text DEFAULT 'planned' NOT NULL,
	"last_dispatch_month" text,
	"last_dispatch_status" text,
	"verified" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"verified_year" integer,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_by" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "reduction_project_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "target_allocation" ADD COLUMN "reason" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "reduction_dispatch" ADD CONSTRAINT "reduction_dispatch_project_id_reduction_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."reduction_project"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reduction_dispatch" ADD CONSTRAINT "reduction_dispatch_submitted_by_app_user_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reduction_dispatch_event" ADD CONSTRAINT "reduction_dispatch_event_dispatch_id_reduction_dispatch_id_fk" FOREIGN KEY ("dispatch_id") REFERENCES "public"."reduction_dispatch"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reduction_dispatch_event" ADD CONSTRAINT "reduction_dispatch_event_actor_user_id_app_user_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reduction_evidence" ADD CONSTRAINT "reduction_evidence_project_id_reduction_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."reduction_project"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reduction_evidence" ADD CONSTRAINT "reduction_evidence_sha256_evidence_blob_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."evidence_blob"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reduction_evidence" ADD CONSTRAINT "reduction_evidence_uploaded_by_app_user_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reduction_ledger" ADD CONSTRAINT "reduction_ledger_project_id_reduction_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."reduction_project"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reduction_ledger" ADD CONSTRAINT "reduction_ledger_region_code_region_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."region"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reduction_ledger" ADD CONSTRAINT "reduction_ledger_dispatch_id_reduction_dispatch_id_fk" FOREIGN KEY ("dispatch_id") REFERENCES "public"."reduction_dispatch"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reduction_project" ADD CONSTRAINT "reduction_project_region_code_region_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."region"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reduction_project" ADD CONSTRAINT "reduction_project_enterprise_id_enterprise_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reduction_project" ADD CONSTRAINT "reduction_project_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reduction_project" ADD CONSTRAINT "reduction_project_updated_by_app_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reduction_dispatch_month" ON "reduction_dispatch" USING btree ("month","status");--> statement-breakpoint
CREATE INDEX "reduction_dispatch_status" ON "reduction_dispatch" USING btree ("status");--> statement-breakpoint
CREATE INDEX "reduction_dispatch_event_dispatch" ON "reduction_dispatch_event" USING btree ("dispatch_id");--> statement-breakpoint
CREATE INDEX "reduction_ledger_year_region" ON "reduction_ledger" USING btree ("year","region_code");--> statement-breakpoint
CREATE INDEX "reduction_project_region" ON "reduction_project" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "reduction_project_registered" ON "reduction_project" USING btree ("registered_at");