CREATE TABLE "energy_report" (
	"id" serial PRIMARY KEY NOT NULL,
	"enterprise_id" integer NOT NULL,
	"year" integer NOT NULL,
	"revision" integer NOT NULL,
	"status" text NOT NULL,
	"lines" jsonb NOT NULL,
	"products" jsonb NOT NULL,
	"saving_projects" jsonb NOT NULL,
	"tce_equivalent" numeric(20, 6) NOT NULL,
	"tce_equivalent_input" numeric(20, 6) NOT NULL,
	"coefficient_versions" jsonb NOT NULL,
	"change_reason" text,
	"correction_reason" text,
	"submitted_by" integer NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "energy_report_revision" UNIQUE("enterprise_id","year","revision")
);
--> statement-breakpoint
CREATE TABLE "energy_report_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"report_id" integer NOT NULL,
	"action" text NOT NULL,
	"comment" text,
	"actor_user_id" integer NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "high_energy_project" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"enterprise_id" integer,
	"region_code" text NOT NULL,
	"industry" text NOT NULL,
	"stage" text NOT NULL,
	"annual_energy_tce" numeric(20, 6),
	"annual_emissions" text DEFAULT '' NOT NULL,
	"energy_review_status" text NOT NULL,
	"energy_review_no" text,
	"eia_status" text NOT NULL,
	"eia_no" text,
	"finding" text DEFAULT '' NOT NULL,
	"disposal" text NOT NULL,
	"follow_up" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "product_efficiency" (
	"id" serial PRIMARY KEY NOT NULL,
	"enterprise_id" integer NOT NULL,
	"year" integer NOT NULL,
	"product_code" text NOT NULL,
	"capacity" numeric(20, 6) NOT NULL,
	"capacity_unit" text NOT NULL,
	"unit_consumption" numeric(20, 6) NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "product_efficiency_line" UNIQUE("enterprise_id","year","product_code")
);
--> statement-breakpoint
ALTER TABLE "enterprise" ADD COLUMN "industry_code" text;--> statement-breakpoint
ALTER TABLE "enterprise" ADD COLUMN "key_unit_class" text;--> statement-breakpoint
ALTER TABLE "enterprise" ADD COLUMN "energy_manager" text;--> statement-breakpoint
ALTER TABLE "enterprise" ADD COLUMN "energy_manager_phone" text;--> statement-breakpoint
ALTER TABLE "enterprise" ADD COLUMN "contact" text;--> statement-breakpoint
ALTER TABLE "energy_report" ADD CONSTRAINT "energy_report_enterprise_id_enterprise_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "energy_report" ADD CONSTRAINT "energy_report_submitted_by_app_user_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "energy_report_event" ADD CONSTRAINT "energy_report_event_report_id_energy_report_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."energy_report"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "energy_report_event" ADD CONSTRAINT "energy_report_event_actor_user_id_app_user_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "high_energy_project" ADD CONSTRAINT "high_energy_project_enterprise_id_enterprise_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "high_energy_project" ADD CONSTRAINT "high_energy_project_region_code_region_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."region"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "high_energy_project" ADD CONSTRAINT "high_energy_project_updated_by_app_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_efficiency" ADD CONSTRAINT "product_efficiency_enterprise_id_enterprise_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "energy_report_status" ON "energy_report" USING btree ("status","year");--> statement-breakpoint
CREATE INDEX "energy_report_event_report" ON "energy_report_event" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "high_energy_project_region" ON "high_energy_project" USING btree ("region_code");